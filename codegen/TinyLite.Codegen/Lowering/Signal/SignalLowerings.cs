using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Signal;
using static TinyLite.Codegen.Lowering.Signal.SignalLowering.Operand;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// The TFLM signal-library custom operators TinyLite lowers: custom code, kernel, operand signature (see
/// <see cref="SignalLowering"/>) and each operator's own checks and Params.
/// </summary>
public static class SignalLowerings
{
    /// <summary>Every supported signal operator by custom code.</summary>
    public static IReadOnlyList<(string CustomCode, SignalLowering Lowering)> All { get; } =
    [
        ("SignalWindow", new(OpCode.SignalWindowS16,
            [In(0, DataType.Int16, "input"), In(1, DataType.Int16, "window"), Out(0, DataType.Int16, "output")], Window)),
        ("SignalFftAutoScale", new(OpCode.SignalFftAutoScaleS16,
            [In(0, DataType.Int16, "input"), Out(0, DataType.Int16, "output"), Out(1, DataType.Int32, "scale bits")], FftAutoScale)),
        ("SignalRfft", new(OpCode.SignalRfftS16, [In(0, DataType.Int16, "input"), Out(0, DataType.Int16, "output")], Rfft)),
        ("SignalEnergy", new(OpCode.SignalEnergyS16, [In(0, DataType.Int16, "input"), Out(0, DataType.UInt32, "output")], Energy)),
        ("SignalFilterBank", new(OpCode.SignalFilterBankU32,
            [In(0, DataType.UInt32, "input"), Out(0, DataType.UInt64, "output"), In(1, DataType.Int16, "weights"),
             In(2, DataType.Int16, "unweights"), In(3, DataType.Int16, "channel frequency starts"),
             In(4, DataType.Int16, "channel weight starts"), In(5, DataType.Int16, "channel widths")], FilterBank)),
        ("SignalFilterBankSquareRoot", new(OpCode.SignalFilterBankSquareRootU64,
            [In(0, DataType.UInt64, "input"), In(1, DataType.Int32, "scale bits"), Out(0, DataType.UInt32, "output")], FilterBankSquareRoot)),
        ("SignalFilterBankSpectralSubtraction", new(OpCode.SignalSpectralSubtractionU32,
            [In(0, DataType.UInt32, "input"), Out(0, DataType.UInt32, "output"), Out(1, DataType.UInt32, "noise estimate")], SpectralSubtraction)),
        ("SignalPCAN", new(OpCode.SignalPcanU32,
            [In(0, DataType.UInt32, "input"), In(1, DataType.UInt32, "noise estimate"), In(2, DataType.Int16, "gain table"),
             Out(0, DataType.UInt32, "output")], Pcan)),
        ("SignalFilterBankLog", new(OpCode.SignalFilterBankLogU32, [In(0, DataType.UInt32, "input"), Out(0, DataType.Int16, "output")], FilterBankLog)),
    ];

    // TFLite's TensorType code of INT16 (the custom option T of SignalRfft).
    private const int TypeInt16 = 7;

    /// <summary>SignalWindow (custom option shift): whole frames of the window.</summary>
    private static SignalCall Window(SignalOperator op)
    {
        Tensor input = op.Input(0), window = op.Input(1), output = op.Output(0);
        int shift = op.Int("shift");
        if (window.Shape.Length != 1 || window.Shape[0] == 0) throw op.Error($"window {window.Describe()} must be a non-empty vector");
        int count = SignalOperands.Count(input);
        if (count % window.Shape[0] != 0 || output.ElementCount != count)
            throw op.Error($"input {input.Describe()} must be whole frames of the window and match output {output.Describe()}");
        if (shift is < 0 or > 31) throw op.Error($"shift {shift} is outside 0..31");
        return new(KernelParams.SignalWindow(count: count, windowLength: window.Shape[0], shift: shift), Macs: count);
    }

    /// <summary>SignalFftAutoScale: output as long as the input, one scale-bits value.</summary>
    private static SignalCall FftAutoScale(SignalOperator op)
    {
        Tensor input = op.Input(0), output = op.Output(0), scaleBits = op.Output(1);
        int count = ScaledCount(op, input, output, scaleBits,
            $"input {input.Describe()}, output {output.Describe()} and scale bits {scaleBits.Describe()}");
        return new(KernelParams.SignalFftAutoScale(count: count));
    }

    /// <summary>
    /// SignalRfft int16 (custom options T = INT16, fft_length) with the kissfft twiddles as a constant
    /// (<see cref="KissFftTwiddles"/>). Only power-of-two lengths, the radix-4/2 path of kissfft.
    /// </summary>
    private static SignalCall Rfft(SignalOperator op)
    {
        int type = op.Int("T");
        if (type != TypeInt16) throw op.Error($"RFFT of TFLite type {type} is not supported (INT16 is)");
        Tensor input = op.Input(0), output = op.Output(0);
        int fftLength = op.Int("fft_length");
        if (fftLength is < 4 or > 32768 || (fftLength & (fftLength - 1)) != 0)
            throw op.Error($"fft_length {fftLength} is not a power of two in 4..32768");
        if (input.Shape.Length == 0 || output.Shape.Length != input.Shape.Length)
            throw op.Error($"input {input.Describe()} and output {output.Describe()} must have one rank of at least 1");
        int inputLength = input.Shape[^1];
        if (inputLength < 1 || inputLength > fftLength) throw op.Error($"frames of {inputLength} samples do not fit fft_length {fftLength}");
        if (output.Shape[^1] != fftLength + 2) throw op.Error($"output {output.Describe()} must end in fft_length + 2 = {fftLength + 2}");
        int frames = SignalOperands.Count(input) / inputLength;
        if ((long)frames * (fftLength + 2) != output.ElementCount) throw op.Error($"output {output.Describe()} does not hold {frames} frames");
        int twiddles = SignalOperands.AddInt16Constant(op.Context, $"rfft{op.Context.Op.Index}_twiddles", KissFftTwiddles.ForRealFft(fftLength));
        long butterflies = (long)(fftLength / 2) * (int)Math.Log2(fftLength / 2) / 2;
        return new(KernelParams.SignalRfft(fftLength: fftLength, inputLength: inputLength, frames: frames),
            Macs: frames * 4L * (butterflies + fftLength / 4))
        { Constants = [twiddles] };
    }

    /// <summary>SignalEnergy (custom options start_index, end_index): the bins must fit input and output.</summary>
    private static SignalCall Energy(SignalOperator op)
    {
        Tensor input = op.Input(0), output = op.Output(0);
        int start = op.Int("start_index");
        int end = op.Int("end_index");
        if (start < 0 || end < start || end > output.ElementCount || 2L * end > input.ElementCount)
            throw op.Error($"bins {start}..{end} do not fit input {input.Describe()} and output {output.Describe()}");
        return new(KernelParams.SignalEnergy(startIndex: start, endIndex: end), Macs: 2L * (end - start));
    }

    /// <summary>
    /// SignalFilterBank (custom option num_channels). The five tables must be constants, and every channel's range
    /// must lie inside the input and the weights (checked here, so the kernel never reads outside them).
    /// </summary>
    private static SignalCall FilterBank(SignalOperator op)
    {
        var (ctx, input, output) = (op.Context, op.Input(0), op.Output(0));
        int channels = op.Int("num_channels");
        short[] weights = SignalOperands.ConstantInt16(ctx, ctx.Input(1), "weights");
        short[] unweights = SignalOperands.ConstantInt16(ctx, ctx.Input(2), "unweights");
        short[] starts = SignalOperands.ConstantInt16(ctx, ctx.Input(3), "channel frequency starts");
        short[] weightStarts = SignalOperands.ConstantInt16(ctx, ctx.Input(4), "channel weight starts");
        short[] widths = SignalOperands.ConstantInt16(ctx, ctx.Input(5), "channel widths");
        if (channels is < 0 or > 0x7FFF || output.ElementCount != channels)
            throw op.Error($"num_channels {channels} does not match output {output.Describe()}");
        if (unweights.Length != weights.Length) throw op.Error("weights and unweights differ in length");
        if (starts.Length < channels + 1 || weightStarts.Length < channels + 1 || widths.Length < channels + 1)
            throw op.Error($"the channel tables need num_channels + 1 = {channels + 1} entries");
        long inputLength = input.ElementCount;
        long macs = 0;
        for (int i = 0; i <= channels; i++)
        {
            if (starts[i] < 0 || weightStarts[i] < 0 || widths[i] < 0
                || starts[i] + widths[i] > inputLength || weightStarts[i] + widths[i] > weights.Length)
                throw op.Error($"channel {i} (start {starts[i]}, weight start {weightStarts[i]}, width {widths[i]}) reaches outside the input or the weights");
            macs += 2L * widths[i];
        }
        return new(KernelParams.SignalFilterBank(numChannels: channels, inputLength: SignalOperands.Count(input), weightsLength: weights.Length), macs);
    }

    /// <summary>SignalFilterBankSquareRoot: output as long as the input, one scale-bits value.</summary>
    private static SignalCall FilterBankSquareRoot(SignalOperator op)
    {
        Tensor input = op.Input(0), scaleBits = op.Input(1), output = op.Output(0);
        int count = ScaledCount(op, input, output, scaleBits,
            $"input {input.Describe()}, scale bits {scaleBits.Describe()} and output {output.Describe()}");
        return new(KernelParams.SignalFilterBankSquareRoot(count: count));
    }

    /// <summary>
    /// The element count of <paramref name="input"/>; a compile error naming the <paramref name="operands"/> unless
    /// <paramref name="output"/> is as long and <paramref name="scaleBits"/> holds one value.
    /// </summary>
    private static int ScaledCount(SignalOperator op, Tensor input, Tensor output, Tensor scaleBits, string operands)
    {
        if (input.ElementCount != output.ElementCount || scaleBits.ElementCount != 1)
            throw op.Error($"{operands} do not match");
        return SignalOperands.Count(input);
    }

    /// <summary>
    /// SignalFilterBankSpectralSubtraction. TFLM keeps the noise estimate in a persistent buffer; here it is a state
    /// tensor (<see cref="LoweringContext.AddState"/>), so it persists across invokes, is zeroed by the interpreter's
    /// reset, and the planners keep it alive.
    /// </summary>
    private static SignalCall SpectralSubtraction(SignalOperator op)
    {
        Tensor input = op.Input(0), output = op.Output(0), estimate = op.Output(1);
        int channels = op.Int("num_channels");
        if (channels < 0 || channels > input.ElementCount || channels > output.ElementCount || channels > estimate.ElementCount)
            throw op.Error($"num_channels {channels} does not fit input {input.Describe()}, output {output.Describe()} and noise estimate {estimate.Describe()}");
        int smoothingBits = op.Int("smoothing_bits");
        int subtractionBits = op.Int("spectral_subtraction_bits");
        if (smoothingBits is < 0 or > 31) throw op.Error($"smoothing_bits {smoothingBits} is outside 0..31");
        if (subtractionBits is < 0 or > 63) throw op.Error($"spectral_subtraction_bits {subtractionBits} is outside 0..63");
        int state = op.Context.AddState($"spectral_subtraction{op.Context.Op.Index}_noise_state", DataType.UInt32, [channels]);
        var parameters = KernelParams.SignalSpectralSubtraction(
            numChannels: channels,
            smoothing: op.Int("smoothing"),
            oneMinusSmoothing: op.Int("one_minus_smoothing"),
            alternateSmoothing: op.Int("alternate_smoothing"),
            alternateOneMinusSmoothing: op.Int("alternate_one_minus_smoothing"),
            minSignalRemaining: op.Int("min_signal_remaining"),
            smoothingBits: smoothingBits,
            spectralSubtractionBits: subtractionBits,
            clamping: op.Int("clamping") != 0 ? 1 : 0);
        return new(parameters, Macs: 3L * channels) { Constants = [state] };
    }

    /// <summary>SignalPCAN (custom option snr_shift); the output may overwrite the input.</summary>
    private static SignalCall Pcan(SignalOperator op)
    {
        Tensor input = op.Input(0), noise = op.Input(1), lut = op.Input(2), output = op.Output(0);
        int snrShift = op.Int("snr_shift");
        if (snrShift is < 0 or > 63) throw op.Error($"snr_shift {snrShift} is outside 0..63");
        if (lut.ElementCount < SignalPcanU32.GainLutLength) throw op.Error($"gain table {lut.Describe()} needs {SignalPcanU32.GainLutLength} entries");
        if (noise.ElementCount < input.ElementCount || output.ElementCount != input.ElementCount)
            throw op.Error($"input {input.Describe()}, noise estimate {noise.Describe()} and output {output.Describe()} do not match");
        return new(KernelParams.SignalPcan(numChannels: SignalOperands.Count(input), snrShift: snrShift), Macs: 4L * input.ElementCount)
        {
            InPlace = [(0, 0)],
        };
    }

    /// <summary>
    /// SignalFilterBankLog (custom options input_correction_bits, output_scale) with TFLM's log correction table as a
    /// constant (<see cref="LogCorrectionTable"/>).
    /// </summary>
    private static SignalCall FilterBankLog(SignalOperator op)
    {
        Tensor input = op.Input(0), output = op.Output(0);
        int correctionBits = op.Int("input_correction_bits");
        int outputScale = op.Int("output_scale");
        if (correctionBits is < 0 or > 31) throw op.Error($"input_correction_bits {correctionBits} is outside 0..31");
        if (output.ElementCount != input.ElementCount) throw op.Error($"input {input.Describe()} and output {output.Describe()} do not match");
        int table = SignalOperands.AddInt16Constant(op.Context, $"filter_bank_log{op.Context.Op.Index}_table", LogCorrectionTable.Values);
        return new(KernelParams.SignalFilterBankLog(numChannels: SignalOperands.Count(input), outputScale: outputScale,
            inputCorrectionBits: correctionBits), Macs: 4L * input.ElementCount)
        { Constants = [table] };
    }
}
