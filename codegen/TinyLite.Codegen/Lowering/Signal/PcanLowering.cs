using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Signal;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>SignalPCAN (custom option snr_shift) → <see cref="OpCode.SignalPcanU32"/>.</summary>
public sealed class PcanLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 3, 1);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.UInt32, "input");
        var noise = SignalOperands.Typed(ctx, ctx.Input(1), DataType.UInt32, "noise estimate");
        var lut = SignalOperands.Typed(ctx, ctx.Input(2), DataType.Int16, "gain table");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.UInt32, "output");
        int snrShift = SignalOperands.Int(ctx, SignalOperands.Options(ctx), "snr_shift");
        if (snrShift is < 0 or > 63) throw ctx.Error($"snr_shift {snrShift} is outside 0..63");
        if (lut.ElementCount < SignalPcanU32.GainLutLength) throw ctx.Error($"gain table {lut.Describe()} needs {SignalPcanU32.GainLutLength} entries");
        if (noise.ElementCount < input.ElementCount || output.ElementCount != input.ElementCount)
            throw ctx.Error($"input {input.Describe()}, noise estimate {noise.Describe()} and output {output.Describe()} do not match");
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalPcanU32, Inputs = [input.Index, noise.Index, lut.Index], Outputs = [output.Index],
                Params = KernelParams.SignalPcan(numChannels: SignalOperands.Count(input), snrShift: snrShift),
                Macs = 4L * input.ElementCount,
                InPlace = [(0, 0)],
            },
        ];
    }
}
