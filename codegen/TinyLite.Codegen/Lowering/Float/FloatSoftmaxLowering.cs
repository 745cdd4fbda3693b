using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// SOFTMAX on float32 over the last dimension: one SoftmaxF32 call with beta as float bits (TFLM keeps beta as a
/// double and rounds it to float where it multiplies; the model stores a float, so the two agree). Params:
/// <see cref="KernelParams.SoftmaxF32"/>.
/// </summary>
public sealed class FloatSoftmaxLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<SoftmaxOptions>();
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        FloatOperands.RequireFloat(ctx, (output, "output"));
        if (input.Shape.Length < 1 || input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have as many elements");
        int depth = input.Shape[^1];
        if (depth <= 0)
            throw ctx.Error($"input {input.Describe()} has an empty last dimension");
        int rows = FloatOperands.Count(ctx, input) / depth;
        return
        [
            new KernelCall
            {
                Code = OpCode.SoftmaxF32,
                Inputs = [input.Index],
                Outputs = [output.Index],
                Params = KernelParams.SoftmaxF32(rows: rows, depth: depth, beta: BitConverter.SingleToInt32Bits(options.Beta)),
                Macs = input.ElementCount,
            },
        ];
    }
}
