using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// SignalRfft int16 (custom options T = INT16, fft_length) → <see cref="OpCode.SignalRfftS16"/> with the kissfft
/// twiddles as a constant (<see cref="KissFftTwiddles"/>). Only power-of-two lengths, the radix-4/2 path of kissfft.
/// </summary>
public sealed class RfftLowering : IOperatorLowering
{
    // TFLite's TensorType code of INT16 (the custom option T).
    private const int TypeInt16 = 7;

    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 1, 1);
        var options = SignalOperands.Options(ctx);
        int type = SignalOperands.Int(ctx, options, "T");
        if (type != TypeInt16) throw ctx.Error($"RFFT of TFLite type {type} is not supported (INT16 is)");
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.Int16, "input");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.Int16, "output");
        int fftLength = SignalOperands.Int(ctx, options, "fft_length");
        if (fftLength is < 4 or > 32768 || (fftLength & (fftLength - 1)) != 0)
            throw ctx.Error($"fft_length {fftLength} is not a power of two in 4..32768");
        if (input.Shape.Length == 0 || output.Shape.Length != input.Shape.Length)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have one rank of at least 1");
        int inputLength = input.Shape[^1];
        if (inputLength < 1 || inputLength > fftLength) throw ctx.Error($"frames of {inputLength} samples do not fit fft_length {fftLength}");
        if (output.Shape[^1] != fftLength + 2) throw ctx.Error($"output {output.Describe()} must end in fft_length + 2 = {fftLength + 2}");
        int frames = SignalOperands.Count(input) / inputLength;
        if ((long)frames * (fftLength + 2) != output.ElementCount) throw ctx.Error($"output {output.Describe()} does not hold {frames} frames");
        int twiddles = SignalOperands.AddInt16Constant(ctx, $"rfft{ctx.Op.Index}_twiddles", KissFftTwiddles.ForRealFft(fftLength));
        long butterflies = (long)(fftLength / 2) * (int)Math.Log2(fftLength / 2) / 2;
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalRfftS16, Inputs = [input.Index, twiddles], Outputs = [output.Index],
                Params = KernelParams.SignalRfft(fftLength: fftLength, inputLength: inputLength, frames: frames),
                Macs = frames * 4L * (butterflies + fftLength / 4),
            },
        ];
    }
}
