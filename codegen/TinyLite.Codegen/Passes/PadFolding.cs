using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Codegen.Lowering.Dense;

namespace TinyLite.Codegen.Passes;

/// <summary>
/// Folds an explicit PAD (PyTorch exports padding=1 as a PAD before each 3×3 layer) into the padding of the one
/// CONV_2D, DEPTHWISE_CONV_2D or MAX_POOL_2D that reads it, when the result is exactly the same:
/// <list type="bullet">
/// <item>the PAD pads only the height and width of an NHWC tensor, keeps its quantization, and its output feeds
/// nothing else (and is not a graph output);</item>
/// <item>a convolution skips the taps that fall outside its input, which is what a pad value equal to the input zero
/// point contributes (w × (zero point − zero point) = 0): folding needs pad value = zero point;</item>
/// <item>a max pool also skips them, while a pad value would join the maximum: folding is exact when the pad value
/// cannot raise the clamped result, i.e. it is at most the activation's lower bound (−128 without activation, as
/// PyTorch's −inf pads quantize), and no window lies wholly in the padding (the lowering refuses those);</item>
/// <item>an average pool divides by the number of taps inside the input, an explicit pad counts its own: never folded.</item>
/// </list>
/// The layer gets the PAD's input and the sum of both paddings (<see cref="ExplicitPadding"/>); asymmetric padding is
/// fine, as the kernels read the top and left padding and treat every row and column past the input as padding.
/// </summary>
public static class PadFolding
{
    /// <summary>Folds every PAD it can into its reader, in place; returns how many it removed.</summary>
    public static int Fold(Graph graph)
    {
        int folded = 0;
        for (int i = 0; i < graph.Operators.Count; i++)
        {
            var pad = graph.Operators[i];
            if (pad.Op is not (BuiltinOperator.Pad or BuiltinOperator.Padv2)) continue;
            int reader = SoleReader(graph, pad);
            if (reader < 0) continue;
            var layer = graph.Operators[reader];
            var options = FoldedOptions(graph, pad, layer);
            if (options == null) continue;
            graph.Operators[reader] = new Operator
            {
                Index = layer.Index, Op = layer.Op, CustomCode = layer.CustomCode, CustomOptions = layer.CustomOptions,
                Inputs = [pad.Inputs[0], .. layer.Inputs.Skip(1)], Outputs = layer.Outputs, Options = options,
            };
            graph.Operators.RemoveAt(i);
            i--;
            folded++;
        }
        return folded;
    }

    /// <summary>The index of the one operator that reads the PAD's output, as its input 0 only; -1 otherwise.</summary>
    private static int SoleReader(Graph graph, Operator pad)
    {
        if (pad.Outputs.Length != 1 || pad.Inputs.Length < 2 || pad.Inputs[0] < 0) return -1;
        int output = pad.Outputs[0];
        if (output < 0 || graph.Outputs.Contains(output)) return -1;
        int reader = -1;
        for (int j = 0; j < graph.Operators.Count; j++)
        {
            int uses = graph.Operators[j].Inputs.Count(t => t == output);
            if (uses == 0) continue;
            if (reader >= 0 || uses > 1 || graph.Operators[j].Inputs[0] != output) return -1;
            reader = j;
        }
        return reader;
    }

    /// <summary>The layer's options with the PAD folded in, or null when folding would not be exact.</summary>
    private static OperatorOptions? FoldedOptions(Graph graph, Operator pad, Operator layer)
    {
        var input = graph.Tensors[pad.Inputs[0]];
        var padded = graph.Tensors[pad.Outputs[0]];
        if (input.Type != padded.Type || input.Type is not (DataType.Int8 or DataType.Int16)) return null;
        if (input.Shape.Length != 4 || padded.Shape.Length != 4 || input.IsConstant) return null;
        if (!SameQuantization(input, padded)) return null;
        int[]? paddings = Paddings(graph.Tensors[pad.Inputs[1]]);
        if (paddings == null || paddings.Any(p => p < 0) || paddings[0] != 0 || paddings[1] != 0 || paddings[6] != 0 || paddings[7] != 0) return null;
        for (int d = 0; d < 4; d++)
            if ((long)input.Shape[d] + paddings[2 * d] + paddings[2 * d + 1] != padded.Shape[d]) return null;
        int? value = PadValue(graph, pad, padded);
        if (value == null) return null;
        var explicitPad = new ExplicitPadding(paddings[2], paddings[3], paddings[4], paddings[5]);
        int zeroPoint = (int)padded.Quantization!.ZeroPoint;
        int padH = padded.Shape[1], padW = padded.Shape[2];
        switch (layer.Options)
        {
            case Conv2DOptions c when layer.Op == BuiltinOperator.Conv2D && value == zeroPoint:
            {
                var filter = graph.Tensors[layer.Inputs[1]];
                if (filter.Shape.Length != 4) return null;
                var own = c.Explicit ?? ConvQuantization.Sides(c.Padding, c.StrideH, c.StrideW, c.DilationH, c.DilationW, padH, padW, filter.Shape[1], filter.Shape[2]);
                return c with { Explicit = explicitPad.Plus(own) };
            }
            case DepthwiseConv2DOptions c when layer.Op == BuiltinOperator.DepthwiseConv2D && value == zeroPoint:
            {
                var filter = graph.Tensors[layer.Inputs[1]];
                if (filter.Shape.Length != 4) return null;
                var own = c.Explicit ?? ConvQuantization.Sides(c.Padding, c.StrideH, c.StrideW, c.DilationH, c.DilationW, padH, padW, filter.Shape[1], filter.Shape[2]);
                return c with { Explicit = explicitPad.Plus(own) };
            }
            case Pool2DOptions p when layer.Op == BuiltinOperator.MaxPool2D && layer.Outputs.Length == 1:
            {
                if (value > ActivationLow(graph, layer, p)) return null;
                var own = p.Explicit ?? ConvQuantization.Sides(p.Padding, p.StrideH, p.StrideW, 1, 1, padH, padW, p.FilterH, p.FilterW);
                var total = explicitPad.Plus(own);
                var output = graph.Tensors[layer.Outputs[0]];
                if (output.Shape.Length != 4) return null;
                if (!EveryWindowTouchesInput(input.Shape[1], output.Shape[1], p.FilterH, p.StrideH, total.Top)) return null;
                if (!EveryWindowTouchesInput(input.Shape[2], output.Shape[2], p.FilterW, p.StrideW, total.Left)) return null;
                return p with { Explicit = total };
            }
            default:
                return null;
        }
    }

    private static bool SameQuantization(Tensor a, Tensor b)
    {
        var qa = a.Quantization;
        var qb = b.Quantization;
        if (qa == null || qb == null || qa.Scales.Length != 1 || qb.Scales.Length != 1) return false;
        return qa.Scale == qb.Scale && qa.ZeroPoint == qb.ZeroPoint;
    }

    /// <summary>The constant int32 [4, 2] paddings, or null.</summary>
    private static int[]? Paddings(Tensor t)
    {
        if (t.Data == null || t.Type != DataType.Int32 || t.ElementCount != 8 || t.Data.Length < 32) return null;
        return Enumerable.Range(0, 8).Select(i => BinaryPrimitives.ReadInt32LittleEndian(t.Data.AsSpan(i * 4))).ToArray();
    }

    /// <summary>
    /// The value the PAD writes, as PadLowering decides it: the zero point without constant_values (int16: 0, which
    /// <see cref="SameQuantization"/> and the int16 kernels' zero point 0 make the same), else the constant's
    /// value when it is a constant quantized like the output; null otherwise.
    /// </summary>
    private static int? PadValue(Graph graph, Operator pad, Tensor padded)
    {
        int constant = pad.Inputs.Length > 2 ? pad.Inputs[2] : -1;
        if (constant < 0) return padded.Type == DataType.Int8 ? (int)padded.Quantization!.ZeroPoint : 0;
        var t = graph.Tensors[constant];
        if (t.Data == null || t.Type != padded.Type || t.ElementCount != 1) return null;
        if (padded.Type == DataType.Int8 && !SameQuantization(t, padded)) return null;
        return padded.Type == DataType.Int8 ? (sbyte)t.Data[0] : BinaryPrimitives.ReadInt16LittleEndian(t.Data);
    }

    /// <summary>The lower clamp bound of the pool's fused activation (TFLM's CalculateActivationRangeQuantized).</summary>
    private static int ActivationLow(Graph graph, Operator layer, Pool2DOptions options)
    {
        var ctx = new LoweringContext(graph, layer);
        return DenseQuantization.ActivationRange(ctx, options.Activation, graph.Tensors[layer.Outputs[0]]).Min;
    }

    /// <summary>True when each of the <paramref name="outSize"/> windows reads at least one element of the input.</summary>
    private static bool EveryWindowTouchesInput(int inSize, int outSize, int filter, int stride, int before)
    {
        for (int o = 0; o < outSize; o++)
        {
            long origin = (long)o * stride - before;
            if (origin + filter <= 0 || origin >= inSize) return false;
        }
        return true;
    }
}
