using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// The operands of a FULLY_CONNECTED, int or float: its options (the default weights format only, as TFLM's
/// reference kernels), input 0, weights (input 1), optional bias (input 2) and output 0.
/// </summary>
public sealed record FullyConnectedOperands(FullyConnectedOptions Options, Tensor Input, Tensor Weights, Tensor? Bias, Tensor Output)
{
    /// <summary>The operands of <see cref="LoweringContext.Op"/>; a compile error for shuffled weights or a missing operand.</summary>
    public static FullyConnectedOperands Read(LoweringContext ctx)
    {
        var options = ctx.Options<FullyConnectedOptions>();
        if (options.WeightsFormat != 0)
            throw ctx.Error($"weights format {options.WeightsFormat} (shuffled) is not supported; only the default format");
        return new(options, ctx.Input(0), ctx.Input(1), ctx.OptionalInput(2), ctx.Output(0));
    }
}
