using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>SignalFftAutoScale → <see cref="OpCode.SignalFftAutoScaleS16"/>.</summary>
public sealed class FftAutoScaleLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 1, 2);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.Int16, "input");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.Int16, "output");
        var scaleBits = SignalOperands.Typed(ctx, ctx.Output(1), DataType.Int32, "scale bits");
        if (input.ElementCount != output.ElementCount || scaleBits.ElementCount != 1)
            throw ctx.Error($"input {input.Describe()}, output {output.Describe()} and scale bits {scaleBits.Describe()} do not match");
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalFftAutoScaleS16, Inputs = [input.Index], Outputs = [output.Index, scaleBits.Index],
                Params = KernelParams.SignalFftAutoScale(count: SignalOperands.Count(input)),
            },
        ];
    }
}
