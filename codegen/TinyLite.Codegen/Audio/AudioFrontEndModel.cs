using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Codegen.Audio;

/// <summary>
/// The project's own audio front end: the graph of TFLM's micro_speech audio preprocessor (int8 output), built
/// from its parameters rather than copied. One 30 ms window of 16 kHz int16 audio (480 samples; the caller steps
/// 20 ms between windows) becomes 40 int8 log-mel features: Hann window, FFT auto-scale, 512-point real FFT,
/// energy of bins 5..240, 40-band mel filter bank (125..7500 Hz), square root, spectral-subtraction noise
/// reduction (state carried across invokes), PCAN gain control, log, and the micro_speech rescaling
/// <c>clamp((feature * 256 + 333) / 666 - 128, -128, 127)</c>. Signal operators are TFLM custom ops with FlexBuffer
/// options; the rest are builtins. TFLM's reference kernels give the same bytes as the published preprocessor.
/// </summary>
public static class AudioFrontEndModel
{
    /// <summary>Sample rate of the input, Hz.</summary>
    public const int SampleRate = 16000;

    /// <summary>Samples per window (30 ms).</summary>
    public const int WindowSamples = 480;

    /// <summary>Samples between the starts of consecutive windows (20 ms).</summary>
    public const int StrideSamples = 320;

    /// <summary>Features per window (mel channels).</summary>
    public const int Features = 40;

    private const int WindowShift = 12;
    private const int FftLength = 512;
    private const int FftLengthLog2 = 9;
    private const float LowerBandHz = 125f, UpperBandHz = 7500f;
    private const int FilterBankWeightBits = 12, FilterBankAlignment = 4, FilterBankChannelBlock = 4;
    private const int PostScalingBits = 6;
    private const int SpectralSubtractionBits = 14, NoiseSmoothingBits = 10;
    private const double EvenSmoothing = 0.025, OddSmoothing = 0.06, MinSignalRemaining = 0.05;
    private const float PcanStrength = 0.95f, PcanOffset = 80f;
    private const int PcanGainBits = 21, PcanSmoothingBits = 10, PcanSnrBits = 12;

    /// <summary>The graph.</summary>
    public static Graph Build()
    {
        var b = new GraphBuilder("kws_frontend.tflite");
        int audio = b.AddInput("audio_frame", DataType.Int16, [1, WindowSamples]);

        int window = b.AddConstantInt16("hann_window", [WindowSamples], HannWindow.Weights(WindowSamples, WindowShift));
        int windowed = b.AddTensor("windowed", DataType.Int16, [1, WindowSamples]);
        b.AddCustomOperator("SignalWindow", [audio, window], [windowed], FlexBufferMapWriter.Write(("shift", WindowShift)));

        int flatShape = b.AddConstantInt32("flat_shape", [1], [-1]);
        int flat = b.AddTensor("windowed_flat", DataType.Int16, [WindowSamples]);
        b.AddOperator(BuiltinOperator.Reshape, [windowed, flatShape], [flat]);

        int scaled = b.AddTensor("fft_input", DataType.Int16, [WindowSamples]);
        int scaleBits = b.AddTensor("fft_scale_bits", DataType.Int32, []);
        b.AddCustomOperator("SignalFftAutoScale", [flat], [scaled, scaleBits], FlexBufferMapWriter.Write());

        int spectrum = b.AddTensor("spectrum", DataType.Int16, [FftLength + 2]);
        b.AddCustomOperator("SignalRfft", [scaled], [spectrum],
            FlexBufferMapWriter.Write(("T", (long)DataType.Int16), ("fft_length", FftLength)));

        int bins = FftLength / 2 + 1;
        var bank = MelFilterBank.Build(bins, SampleRate, Features, LowerBandHz, UpperBandHz,
            FilterBankWeightBits, FilterBankAlignment, FilterBankChannelBlock);
        int energy = b.AddTensor("energy", DataType.UInt32, [bins]);
        b.AddCustomOperator("SignalEnergy", [spectrum], [energy],
            FlexBufferMapWriter.Write(("start_index", bank.StartIndex), ("end_index", bank.EndIndex)));

        // SignalEnergy leaves bins outside [start, end) untouched: zero them (as the published graph does, in int32).
        int energyInt = b.AddTensor("energy_i32", DataType.Int32, [bins]);
        b.AddOperator(BuiltinOperator.Cast, [energy], [energyInt]);
        int begin = b.AddConstantInt32("slice_begin", [1], [bank.StartIndex]);
        int end = b.AddConstantInt32("slice_end", [1], [bank.EndIndex]);
        int strides = b.AddConstantInt32("slice_strides", [1], [1]);
        int used = b.AddTensor("energy_used", DataType.Int32, [bank.EndIndex - bank.StartIndex]);
        b.AddOperator(BuiltinOperator.StridedSlice, [energyInt, begin, end, strides], [used],
            new StridedSliceOptions(0, 0, 0, 0, 0, false));
        int head = b.AddConstantInt32("zeros_head", [bank.StartIndex], new int[bank.StartIndex]);
        int tail = b.AddConstantInt32("zeros_tail", [bins - bank.EndIndex], new int[bins - bank.EndIndex]);
        int zeroed = b.AddTensor("energy_zeroed", DataType.Int32, [bins]);
        b.AddOperator(BuiltinOperator.Concatenation, [head, used, tail], [zeroed], new ConcatenationOptions(0, Activation.None));
        int energyU32 = b.AddTensor("energy_u32", DataType.UInt32, [bins]);
        b.AddOperator(BuiltinOperator.Cast, [zeroed], [energyU32]);

        int weights = b.AddConstantInt16("mel_weights", [bank.Weights.Length], bank.Weights);
        int unweights = b.AddConstantInt16("mel_unweights", [bank.Unweights.Length], bank.Unweights);
        int starts = b.AddConstantInt16("mel_channel_starts", [Features + 1], bank.ChannelStarts);
        int weightStarts = b.AddConstantInt16("mel_weight_starts", [Features + 1], bank.WeightStarts);
        int widths = b.AddConstantInt16("mel_widths", [Features + 1], bank.Widths);
        int mel = b.AddTensor("mel", DataType.UInt64, [Features]);
        b.AddCustomOperator("SignalFilterBank", [energyU32, weights, unweights, starts, weightStarts, widths], [mel],
            FlexBufferMapWriter.Write(("num_channels", Features)));

        int root = b.AddTensor("mel_root", DataType.UInt32, [Features]);
        b.AddCustomOperator("SignalFilterBankSquareRoot", [mel, scaleBits], [root], FlexBufferMapWriter.Write());

        int denoised = b.AddTensor("denoised", DataType.UInt32, [Features]);
        int noise = b.AddTensor("noise_estimate", DataType.UInt32, [Features]);
        int one = 1 << SpectralSubtractionBits;
        int smoothing = (int)(EvenSmoothing * one), alternate = (int)(OddSmoothing * one);
        b.AddCustomOperator("SignalFilterBankSpectralSubtraction", [root], [denoised, noise], FlexBufferMapWriter.Write(
            [
                ("num_channels", Features), ("smoothing", smoothing), ("one_minus_smoothing", one - smoothing),
                ("alternate_smoothing", alternate), ("alternate_one_minus_smoothing", one - alternate),
                ("smoothing_bits", NoiseSmoothingBits), ("min_signal_remaining", (int)(MinSignalRemaining * one)),
                ("clamping", 0), ("spectral_subtraction_bits", SpectralSubtractionBits),
            ], ["clamping"]));

        // PCAN and the log work on the spectrum's scale less the FFT's growth: log2(512) - weightBits / 2 bits.
        int correctionBits = FftLengthLog2 - FilterBankWeightBits / 2;
        int lut = b.AddConstantInt16("pcan_gain_lut", [PcanGainTable.Length],
            PcanGainTable.Build(PcanStrength, PcanOffset, PcanSmoothingBits - correctionBits, PcanGainBits));
        int normalised = b.AddTensor("pcan", DataType.UInt32, [Features]);
        b.AddCustomOperator("SignalPCAN", [denoised, noise, lut], [normalised],
            FlexBufferMapWriter.Write(("snr_shift", PcanGainBits - correctionBits - PcanSnrBits)));

        int log = b.AddTensor("log_mel", DataType.Int16, [Features]);
        b.AddCustomOperator("SignalFilterBankLog", [normalised], [log],
            FlexBufferMapWriter.Write(("output_scale", 1 << PostScalingBits), ("input_correction_bits", correctionBits)));

        // micro_speech's training scaled features by 1/25.6 and mapped 0..26 onto int8: in integers,
        // (feature * 256 + 666 / 2) / 666 - 128, clamped (666 = round(25.6 * 26)).
        const int valueScale = 256, valueDiv = 666;
        int logInt = b.AddTensor("log_mel_i32", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Cast, [log], [logInt]);
        int scale = b.AddConstantInt32("value_scale", [], [valueScale]);
        int product = b.AddTensor("scaled", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Mul, [logInt, scale], [product], new MulOptions(Activation.None));
        int half = b.AddConstantInt32("half_div", [], [valueDiv / 2]);
        int rounded = b.AddTensor("rounded", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Add, [product, half], [rounded], new AddSubOptions(Activation.None, true));
        int div = b.AddConstantInt32("value_div", [], [valueDiv]);
        int quotient = b.AddTensor("quotient", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Div, [rounded, div], [quotient], new DivOptions(Activation.None));
        int low = b.AddConstantInt32("int8_min", [], [-128]);
        int shifted = b.AddTensor("shifted", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Add, [quotient, low], [shifted], new AddSubOptions(Activation.None, true));
        int high = b.AddConstantInt32("int8_max", [], [127]);
        int capped = b.AddTensor("capped", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Minimum, [shifted, high], [capped]);
        int clamped = b.AddTensor("clamped", DataType.Int32, [Features]);
        b.AddOperator(BuiltinOperator.Maximum, [capped, low], [clamped]);
        int features = b.AddTensor("features", DataType.Int8, [Features]);
        b.AddOperator(BuiltinOperator.Cast, [clamped], [features]);
        b.MarkOutput(features);
        return b.Build();
    }

    /// <summary>The model as .tflite bytes (deterministic).</summary>
    public static byte[] Write() => TfliteWriter.Write(Build());
}
