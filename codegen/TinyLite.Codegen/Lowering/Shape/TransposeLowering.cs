using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// TRANSPOSE (1-D to 5-D; int8, int16, float32 as TFLM, and int32) → <see cref="OpCode.StridedCopy"/>: output
/// axis k walks input axis perm[k], so its step is that axis's input stride. As TFLM the permutation must
/// be a constant INT32 vector of length rank with entries in [0, rank).
/// </summary>
public sealed class TransposeLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = ShapeTensors.MovedOperands(ctx, DataType.Int8, DataType.Int16, DataType.Int32, DataType.Float32);
        int rank = input.Shape.Length;
        if (rank is < 1 or > 5) throw ctx.Error($"input rank {rank} is not 1 to 5");
        int[] perm = ShapeTensors.ConstantInt32s(ctx, 1, "perm");
        if (perm.Length != rank) throw ctx.Error($"perm has {perm.Length} entries for a rank-{rank} input");
        if (perm.Any(a => a < 0 || a >= rank)) throw ctx.Error($"perm {ShapeTensors.Format(perm)} is out of bounds");
        var expected = perm.Select(a => input.Shape[a]).ToArray();
        if (!expected.SequenceEqual(output.Shape))
            throw ctx.Error($"permuting {input.Describe()} by {ShapeTensors.Format(perm)} gives {ShapeTensors.Format(expected)}, but the output is {output.Describe()}");

        long[] strides = StridedCopyPlan.Strides(input.Shape);
        var axes = Enumerable.Range(0, rank).Select(k => ((long)output.Shape[k], strides[perm[k]])).ToList();
        int[] p = StridedCopyPlan.Params(ShapeTensors.MovableElementSize(input.Type), 0, axes);
        return [new KernelCall { Code = OpCode.StridedCopy, Inputs = [input.Index], Outputs = [output.Index], Params = p }];
    }
}
