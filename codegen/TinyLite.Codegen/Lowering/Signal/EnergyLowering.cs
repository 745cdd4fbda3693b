using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>SignalEnergy (custom options start_index, end_index) → <see cref="OpCode.SignalEnergyS16"/>.</summary>
public sealed class EnergyLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 1, 1);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.Int16, "input");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.UInt32, "output");
        var options = SignalOperands.Options(ctx);
        int start = SignalOperands.Int(ctx, options, "start_index");
        int end = SignalOperands.Int(ctx, options, "end_index");
        if (start < 0 || end < start || end > output.ElementCount || 2L * end > input.ElementCount)
            throw ctx.Error($"bins {start}..{end} do not fit input {input.Describe()} and output {output.Describe()}");
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalEnergyS16, Inputs = [input.Index], Outputs = [output.Index],
                Params = KernelParams.SignalEnergy(startIndex: start, endIndex: end),
                Macs = 2L * (end - start),
            },
        ];
    }
}
