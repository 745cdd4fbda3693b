using TinyLite.Codegen.Lowering.Dense;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// FULLY_CONNECTED on float32 (weights [output_depth, input_depth], optional bias; the input is read as
/// [batches, input_depth] whatever its rank, as TFLM does): one FullyConnectedF32 call
/// (Params: <see cref="KernelParams.FullyConnectedF32"/>).
/// </summary>
public sealed class FloatFullyConnectedLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (options, input, weights, bias, output) = FullyConnectedOperands.Read(ctx);
        FloatOperands.RequireFloat(ctx, (weights, "weights"), (bias, "bias"), (output, "output"));
        if (weights.Shape.Length != 2 || output.Shape.Length < 1)
            throw ctx.Error($"weights {weights.Describe()} must have rank 2, output at least rank 1");
        int outDepth = weights.Shape[0], inDepth = weights.Shape[1];
        if (inDepth <= 0 || outDepth <= 0 || output.Shape[^1] != outDepth)
            throw ctx.Error($"output {output.Describe()} does not fit weights {weights.Describe()}");
        if (bias != null && bias.ElementCount != outDepth)
            throw ctx.Error($"bias {bias.Describe()} does not hold {outDepth} values");
        long batches = input.ElementCount / inDepth;
        if (batches <= 0 || batches * inDepth != input.ElementCount || batches * outDepth != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} do not hold whole rows of {inDepth} and {outDepth}");
        FloatOperands.Count(ctx, input);
        FloatOperands.Count(ctx, output);
        var (actMin, actMax) = ElementwiseQuantization.FloatActivationRange(ctx, options.Activation);
        return
        [
            new KernelCall
            {
                Code = OpCode.FullyConnectedF32,
                Inputs = [input.Index, weights.Index, bias?.Index ?? -1],
                Outputs = [output.Index],
                Params = KernelParams.FullyConnectedF32(batches: (int)batches, inputDepth: inDepth,
                    outputDepth: outDepth, activationMin: actMin, activationMax: actMax),
                Macs = batches * inDepth * outDepth,
            },
        ];
    }
}
