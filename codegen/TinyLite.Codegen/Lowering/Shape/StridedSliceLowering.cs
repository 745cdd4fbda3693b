using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// STRIDED_SLICE (int8, int16, int32, float32, bool; up to 5-D) → <see cref="OpCode.StridedCopy"/>. begin,
/// end and strides must be constant INT32 (as TFLM). The slice is resolved as TFLM's kernel reads it
/// (<see cref="StridedSliceResolver.Tflm"/>); when that does not give the model's output shape — TFLM would
/// refuse the model — and the model uses the ellipsis/new-axis masks or <c>offset</c>, which TFLM ignores,
/// the desktop TFLite reading (<see cref="StridedSliceResolver.Full"/>) is used instead.
/// </summary>
public sealed class StridedSliceLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<StridedSliceOptions>();
        var (input, output) = ShapeTensors.MovedOperands(ctx, DataType.Int8, DataType.Int16, DataType.Int32, DataType.Float32, DataType.Bool);
        int rank = input.Shape.Length;
        if (rank is < 1 or > 5) throw ctx.Error($"input rank {rank} is not 1 to 5");
        if (input.Shape.Any(d => d == 0)) throw ctx.Error($"input {input.Describe()} is empty");
        int[] begin = ShapeTensors.ConstantInt32s(ctx, 1, "begin");
        int[] end = ShapeTensors.ConstantInt32s(ctx, 2, "end");
        int[] strides = ShapeTensors.ConstantInt32s(ctx, 3, "strides");
        if (begin.Length != end.Length || begin.Length != strides.Length)
            throw ctx.Error($"begin, end and strides have {begin.Length}, {end.Length} and {strides.Length} values");

        bool tflmIgnoresSomething = options.EllipsisMask != 0 || options.NewAxisMask != 0 || options.Offset;
        StridedSliceResolver.Slice? slice = null;
        string? tflmProblem = null;
        try
        {
            slice = StridedSliceResolver.Tflm(input.Shape, begin, end, strides, options);
        }
        catch (ArgumentException e)
        {
            tflmProblem = e.Message;
        }
        if (slice == null || !slice.OutputShape.SequenceEqual(output.Shape))
        {
            if (!tflmIgnoresSomething)
                throw ctx.Error(tflmProblem ?? $"slicing {input.Describe()} gives {ShapeTensors.Format(slice!.OutputShape)}, but the output is {output.Describe()}");
            StridedSliceResolver.Slice full;
            try
            {
                full = StridedSliceResolver.Full(input.Shape, begin, end, strides, options);
            }
            catch (ArgumentException e)
            {
                throw ctx.Error(e.Message);
            }
            if (!full.OutputShape.SequenceEqual(output.Shape))
                throw ctx.Error($"slicing {input.Describe()} gives {ShapeTensors.Format(full.OutputShape)}, but the output is {output.Describe()}");
            slice = full;
        }

        long[] inStrides = StridedCopyPlan.Strides(slice.InputShape);
        long first = 0;
        var axes = new List<(long, long)>();
        for (int d = 0; d < slice.InputShape.Length; d++)
        {
            first += slice.Start[d] * inStrides[d];
            axes.Add((slice.Count[d], slice.Stride[d] * inStrides[d]));
        }
        int[] p = StridedCopyPlan.Params(ShapeTensors.MovableElementSize(input.Type), axes.Any(a => a.Item1 == 0) ? 0 : first, axes);
        return [new KernelCall { Code = OpCode.StridedCopy, Inputs = [input.Index], Outputs = [output.Index], Params = p }];
    }
}
