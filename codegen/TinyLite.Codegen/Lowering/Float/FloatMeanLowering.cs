using TinyLite.Codegen.Lowering.Dense;
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
        var (dims, mask) = MeanAxes.Resolve(ctx, input, axis, output);
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
