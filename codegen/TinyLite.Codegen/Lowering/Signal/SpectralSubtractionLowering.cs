using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// SignalFilterBankSpectralSubtraction → <see cref="OpCode.SignalSpectralSubtractionU32"/>. TFLM keeps the noise
/// estimate in a persistent buffer; here it is a state tensor the lowering adds (<see cref="LoweringContext.AddState"/>),
/// so it persists across invokes, is zeroed by the interpreter's reset, and the planners keep it alive.
/// </summary>
public sealed class SpectralSubtractionLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 1, 2);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.UInt32, "input");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.UInt32, "output");
        var estimate = SignalOperands.Typed(ctx, ctx.Output(1), DataType.UInt32, "noise estimate");
        var o = SignalOperands.Options(ctx);
        int channels = SignalOperands.Int(ctx, o, "num_channels");
        if (channels < 0 || channels > input.ElementCount || channels > output.ElementCount || channels > estimate.ElementCount)
            throw ctx.Error($"num_channels {channels} does not fit input {input.Describe()}, output {output.Describe()} and noise estimate {estimate.Describe()}");
        int smoothingBits = SignalOperands.Int(ctx, o, "smoothing_bits");
        int subtractionBits = SignalOperands.Int(ctx, o, "spectral_subtraction_bits");
        if (smoothingBits is < 0 or > 31) throw ctx.Error($"smoothing_bits {smoothingBits} is outside 0..31");
        if (subtractionBits is < 0 or > 63) throw ctx.Error($"spectral_subtraction_bits {subtractionBits} is outside 0..63");
        int state = ctx.AddState($"spectral_subtraction{ctx.Op.Index}_noise_state", DataType.UInt32, [channels]);
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalSpectralSubtractionU32, Inputs = [input.Index, state], Outputs = [output.Index, estimate.Index],
                Params = KernelParams.SignalSpectralSubtraction(
                    numChannels: channels,
                    smoothing: SignalOperands.Int(ctx, o, "smoothing"),
                    oneMinusSmoothing: SignalOperands.Int(ctx, o, "one_minus_smoothing"),
                    alternateSmoothing: SignalOperands.Int(ctx, o, "alternate_smoothing"),
                    alternateOneMinusSmoothing: SignalOperands.Int(ctx, o, "alternate_one_minus_smoothing"),
                    minSignalRemaining: SignalOperands.Int(ctx, o, "min_signal_remaining"),
                    smoothingBits: smoothingBits,
                    spectralSubtractionBits: subtractionBits,
                    clamping: SignalOperands.Int(ctx, o, "clamping") != 0 ? 1 : 0),
                Macs = 3L * channels,
            },
        ];
    }
}
