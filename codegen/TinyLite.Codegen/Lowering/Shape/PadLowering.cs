using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// PAD and PADV2 (int8, int16, int32, float32) → <see cref="OpCode.Pad"/>. As TFLM: the paddings must be a
/// constant INT32 [rank, 2] tensor; without a constant_values input the pad value is the output zero point
/// for int8 and 0 for int16, int32 and float32; with one, int8 needs it quantized as the output. Adjacent
/// dims are merged where the inner one is not padded, and the shape is padded to the kernel's 5 dims.
/// </summary>
public sealed class PadLowering : IOperatorLowering
{
    private const int MaxRank = 5;

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = ShapeTensors.MovedOperands(ctx, DataType.Int8, DataType.Int16, DataType.Int32, DataType.Float32);
        int rank = input.Shape.Length;
        if (rank > MaxRank) throw ctx.Error($"input rank {rank} exceeds {MaxRank}");
        if (output.Shape.Length != rank) throw ctx.Error($"output rank {output.Shape.Length} differs from input rank {rank}");

        int[] paddings = ShapeTensors.ConstantInt32s(ctx, 1, "paddings");
        if (paddings.Length != rank * 2) throw ctx.Error($"paddings hold {paddings.Length} values, expected {rank * 2}");
        for (int d = 0; d < rank; d++)
        {
            if (paddings[2 * d] < 0 || paddings[2 * d + 1] < 0)
                throw ctx.Error($"negative padding on dim {d}");
            if ((long)input.Shape[d] + paddings[2 * d] + paddings[2 * d + 1] != output.Shape[d])
                throw ctx.Error($"input {input.Describe()} padded by {ShapeTensors.Format(paddings)} does not give output {output.Describe()}");
        }

        int elementSize = ShapeTensors.MovableElementSize(input.Type);
        int padValue = 0;
        int valueTensor = -1;
        var constantValues = ctx.OptionalInput(2);
        if (constantValues != null)
        {
            if (constantValues.Type != input.Type)
                throw ctx.Error($"constant_values type {DataTypes.Name(constantValues.Type)} differs from the input's");
            if (constantValues.ElementCount != 1) throw ctx.Error("constant_values must hold one element");
            if (input.Type == DataType.Int8)
            {
                var (scale, zeroPoint) = ShapeTensors.PerTensor(ctx, output, "output");
                var (valueScale, valueZeroPoint) = ShapeTensors.PerTensor(ctx, constantValues, "constant_values");
                if (zeroPoint != valueZeroPoint || scale != valueScale)
                    throw ctx.Error("constant_values must have the output's scale and zero point");
            }
            if (constantValues.Data != null)
            {
                var bytes = new byte[4];
                constantValues.Data.AsSpan(0, elementSize).CopyTo(bytes);
                padValue = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            }
            else
            {
                valueTensor = constantValues.Index;
            }
        }
        else if (input.Type == DataType.Int8)
        {
            int zeroPoint = output.Quantization?.ZeroPoint ?? 0;
            if (zeroPoint is < -128 or > 127) throw ctx.Error($"output zero point {zeroPoint} is outside int8");
            padValue = zeroPoint & 0xFF;
        }

        var axes = Merge(input.Shape, paddings);
        var outputDims = new int[MaxRank];
        var leftPadding = new int[MaxRank];
        var inputDims = new int[MaxRank];
        int lead = MaxRank - axes.Count;
        for (int d = 0; d < MaxRank; d++)
        {
            var (inDim, left, right) = d < lead ? (1, 0, 0) : axes[d - lead];
            outputDims[d] = checked(inDim + left + right);
            leftPadding[d] = left;
            inputDims[d] = inDim;
        }
        var p = KernelParams.Pad(elementBytes: elementSize, padValue: padValue, outputDims: outputDims,
            leftPadding: leftPadding, inputDims: inputDims);
        return
        [
            new KernelCall { Code = OpCode.Pad, Inputs = [input.Index, valueTensor], Outputs = [output.Index], Params = p },
        ];
    }

    /// <summary>
    /// Merges each unpadded dim into the dim before it (the output order is unchanged: the merged dim's copied
    /// block is the outer block scaled by the inner size). Returns (input size, left, right) per merged dim.
    /// </summary>
    public static List<(int In, int Left, int Right)> Merge(int[] inputShape, int[] paddings)
    {
        var axes = new List<(int In, int Left, int Right)>();
        for (int d = 0; d < inputShape.Length; d++)
        {
            int inDim = inputShape[d], left = paddings[2 * d], right = paddings[2 * d + 1];
            if (axes.Count > 0 && left == 0 && right == 0)
            {
                var last = axes[^1];
                axes[^1] = (checked(last.In * inDim), checked(last.Left * inDim), checked(last.Right * inDim));
            }
            else
            {
                axes.Add((inDim, left, right));
            }
        }
        return axes;
    }
}
