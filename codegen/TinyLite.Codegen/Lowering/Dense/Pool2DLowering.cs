using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// AVERAGE_POOL_2D and MAX_POOL_2D on int8 and int16 (NHWC): TFLM's padding (ComputePaddingHeightWidth, top/left
/// values only), its same-quantization requirement and the fused activation range.
/// <see cref="KernelCall.Macs"/> counts one operation per input element of each window (output elements x filter area).
/// </summary>
public sealed class Pool2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<Pool2DOptions>();
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        bool average = ctx.Op.Op == BuiltinOperator.AveragePool2D;
        int code = (input.Type, output.Type) switch
        {
            (DataType.Int8, DataType.Int8) => average ? OpCode.AveragePoolS8 : OpCode.MaxPoolS8,
            (DataType.Int16, DataType.Int16) => average ? OpCode.AveragePoolS16 : OpCode.MaxPoolS16,
            _ => throw ctx.Error("unsupported dtypes (supported: INT8 -> INT8, INT16 -> INT16)"),
        };
        if (input.Shape.Length != 4 || output.Shape.Length != 4)
        {
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must be 4-D NHWC");
        }
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        if ((double)Math.Abs(inQ.Scale - outQ.Scale) > 1.0e-6 || inQ.ZeroPoint != outQ.ZeroPoint)
        {
            throw ctx.Error("input and output quantization must be the same");
        }
        int batches = input.Shape[0], inH = input.Shape[1], inW = input.Shape[2], depth = input.Shape[3];
        int outH = output.Shape[1], outW = output.Shape[2];
        if (output.Shape[0] != batches || output.Shape[3] != depth)
        {
            throw ctx.Error($"output {output.Describe()} does not match input {input.Describe()}");
        }
        int strideH = options.StrideH, strideW = options.StrideW, filterH = options.FilterH, filterW = options.FilterW;
        if (strideH <= 0 || strideW <= 0 || filterH <= 0 || filterW <= 0)
        {
            throw ctx.Error($"strides {strideH}x{strideW} and filter {filterH}x{filterW} must be positive");
        }
        var folded = options.Explicit;
        long expectedH = folded is null ? OutSize(options.Padding, inH, filterH, strideH) : ExplicitPadding.OutSize(inH, folded.Top, folded.Bottom, filterH, strideH, 1);
        long expectedW = folded is null ? OutSize(options.Padding, inW, filterW, strideW) : ExplicitPadding.OutSize(inW, folded.Left, folded.Right, filterW, strideW, 1);
        if (expectedH != outH || expectedW != outW)
        {
            string padding = folded is null ? options.Padding.ToString() : $"folded {folded}";
            throw ctx.Error($"output {output.Describe()} does not match the {padding} padding output size {expectedH}x{expectedW}");
        }
        if (folded != null && (folded.Top < 0 || folded.Bottom < 0 || folded.Left < 0 || folded.Right < 0))
        {
            throw ctx.Error($"folded padding {folded} is negative");
        }
        int padTop = folded?.Top ?? Padding(strideH, inH, filterH, outH);
        int padLeft = folded?.Left ?? Padding(strideW, inW, filterW, outW);
        for (int y = 0; y < outH; y++)
        {
            int origin = y * strideH - padTop;
            if (Math.Max(0, -origin) >= Math.Min(filterH, inH - origin)) throw ctx.Error($"window of output row {y} lies in the padding");
        }
        for (int x = 0; x < outW; x++)
        {
            int origin = x * strideW - padLeft;
            if (Math.Max(0, -origin) >= Math.Min(filterW, inW - origin)) throw ctx.Error($"window of output column {x} lies in the padding");
        }
        var (actMin, actMax) = DenseQuantization.ActivationRange(ctx, options.Activation, output);
        // Average pooling: with --cmsis-nn, scratch for the optional CMSIS-NN native backend (CmsisNnScratch), ignored by the reference kernels.
        int[] outputs = (code is OpCode.AveragePoolS8 or OpCode.AveragePoolS16) && ctx.CompileOptions.CmsisNn
            ? [ctx.Op.Outputs[0], ctx.AddScratch($"{output.Name}/cmsis_nn_scratch", CmsisNnScratch.AveragePoolBytes(depth))]
            : [ctx.Op.Outputs[0]];
        return
        [
            new KernelCall
            {
                Code = code,
                Inputs = [ctx.Op.Inputs[0]],
                Outputs = outputs,
                Params = KernelParams.Pool(batches: batches, inputHeight: inH, inputWidth: inW, depth: depth,
                    outputHeight: outH, outputWidth: outW, strideHeight: strideH, strideWidth: strideW,
                    filterHeight: filterH, filterWidth: filterW, paddingTop: padTop, paddingLeft: padLeft,
                    activationMin: actMin, activationMax: actMax),
                Macs = output.ElementCount * filterH * filterW,
            },
        ];
    }

    /// <summary>TFLM's ComputeOutSize (dilation 1).</summary>
    public static int OutSize(Ir.Padding padding, int inSize, int filter, int stride) => padding switch
    {
        Ir.Padding.Same => (inSize + stride - 1) / stride,
        Ir.Padding.Valid => (inSize + stride - filter) / stride,
        _ => 0,
    };

    /// <summary>TFLM's ComputePaddingWithOffset (dilation 1): half the total padding, rounded down.</summary>
    public static int Padding(int stride, int inSize, int filter, int outSize)
    {
        long total = ((long)outSize - 1) * stride + filter - inSize;
        return (int)(Math.Max(0, total) / 2);
    }
}
