using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// MEAN on float32 over any constant set of axes of a tensor of rank 4 or less (keep_dims true or false): one
/// MeanF32 call with the input padded to 4-D and a mask of the reduced dimensions (Params:
/// <see cref="KernelParams.MeanF32"/>). <see cref="KernelCall.Macs"/> counts one addition per input element.
/// </summary>
public sealed class FloatMeanLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var axis = ctx.Input(1);
        var output = ctx.Output(0);
        FloatOperands.RequireFloat(ctx, (output, "output"));
        if (axis.Type != DataType.Int32 || axis.Data == null)
            throw ctx.Error("axis must be a constant INT32 tensor");
        int rank = input.Shape.Length;
        if (rank > 4)
            throw ctx.Error($"input {input.Describe()} has rank above 4");
        int pad = 4 - rank;
        int[] dims = new int[4];
        for (int k = 0; k < 4; k++) dims[k] = k < pad ? 1 : input.Shape[k - pad];
        int mask = 0;
        for (int i = 0; i < axis.ElementCount; i++)
        {
            int a = BinaryPrimitives.ReadInt32LittleEndian(axis.Data.AsSpan(i * 4));
            int resolved = a < 0 ? a + rank : a;
            if (resolved < 0 || resolved >= rank)
                throw ctx.Error($"axis {a} out of range for {input.Describe()}");
            mask |= 1 << (resolved + pad);
        }
        if (dims.Any(d => d <= 0))
            throw ctx.Error($"empty input {input.Describe()}");
        long kept = 1;
        for (int k = 0; k < 4; k++)
            if ((mask & (1 << k)) == 0) kept *= dims[k];
        if (kept != output.ElementCount)
            throw ctx.Error($"output {output.Describe()} does not hold the {kept} means");
        FloatOperands.Count(ctx, input);
        return
        [
            new KernelCall
            {
                Code = OpCode.MeanF32,
                Inputs = [input.Index],
                Outputs = [output.Index],
                Params = KernelParams.MeanF32(dims: dims, axesMask: mask),
                Macs = input.ElementCount,
            },
        ];
    }
}
