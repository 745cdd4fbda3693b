using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Kernels.Signal;

/// <summary>One-operator models of every Signal kernel (TFLM's custom ops, options as FlexBuffers), small shapes.</summary>
public static class SignalTestModels
{
    /// <summary>Every model by name; the native agreement test runs each.</summary>
    public static readonly Dictionary<string, Func<Graph>> All = new()
    {
        ["signal_window_s16"] = Window,
        ["signal_fft_auto_scale_s16"] = FftAutoScale,
        ["signal_rfft_s16"] = () => Rfft(16, 12, frames: 2),
        ["signal_energy_s16"] = Energy,
        ["signal_filter_bank_u32"] = FilterBank,
        ["signal_filter_bank_square_root_u64"] = SquareRoot,
        ["signal_spectral_subtraction_u32"] = SpectralSubtraction,
        ["signal_pcan_u32"] = Pcan,
        ["signal_filter_bank_log_u32"] = FilterBankLog,
    };

    /// <summary>SignalWindow over two frames of 8 samples, random window, shift 12.</summary>
    public static Graph Window()
    {
        var b = new GraphBuilder("signal_window.tflite");
        int x = b.AddInput("x", DataType.Int16, [2, 8]);
        var rng = new Random(21);
        int w = b.AddConstantInt16("window", [8], Enumerable.Range(0, 8).Select(_ => (short)rng.Next(-32768, 32768)).ToArray());
        int y = b.AddTensor("y", DataType.Int16, [2, 8]);
        b.AddCustomOperator("SignalWindow", [x, w], [y], FlexBufferMapWriter.Write(("shift", 12))).MarkOutput(y);
        return b.Build();
    }

    /// <summary>SignalFftAutoScale over 16 samples.</summary>
    public static Graph FftAutoScale()
    {
        var b = new GraphBuilder("signal_fft_auto_scale.tflite");
        int x = b.AddInput("x", DataType.Int16, [16]);
        int y = b.AddTensor("y", DataType.Int16, [16]);
        int s = b.AddTensor("scale_bits", DataType.Int32, []);
        b.AddCustomOperator("SignalFftAutoScale", [x], [y, s], FlexBufferMapWriter.Write()).MarkOutput(y).MarkOutput(s);
        return b.Build();
    }

    /// <summary>SignalRfft int16 of <paramref name="frames"/> frames of <paramref name="inputLength"/> samples, zero-padded to <paramref name="fftLength"/>.</summary>
    public static Graph Rfft(int fftLength, int inputLength, int frames)
    {
        var b = new GraphBuilder("signal_rfft.tflite");
        int x = b.AddInput("x", DataType.Int16, [frames, inputLength]);
        int y = b.AddTensor("y", DataType.Int16, [frames, fftLength + 2]);
        b.AddCustomOperator("SignalRfft", [x], [y], FlexBufferMapWriter.Write(("T", 7), ("fft_length", fftLength))).MarkOutput(y);
        return b.Build();
    }

    /// <summary>SignalEnergy of bins 1..7 of a 9-bin spectrum.</summary>
    public static Graph Energy()
    {
        var b = new GraphBuilder("signal_energy.tflite");
        int x = b.AddInput("x", DataType.Int16, [18]);
        int y = b.AddTensor("y", DataType.UInt32, [9]);
        b.AddCustomOperator("SignalEnergy", [x], [y], FlexBufferMapWriter.Write(("start_index", 1), ("end_index", 8))).MarkOutput(y);
        return b.Build();
    }

    /// <summary>SignalFilterBank: 3 channels over 10 bins (channel 0 seeds channel 1).</summary>
    public static Graph FilterBank()
    {
        var b = new GraphBuilder("signal_filter_bank.tflite");
        int x = b.AddInput("x", DataType.UInt32, [10]);
        int w = b.AddConstantInt16("weights", [10], [100, 2000, -300, 4000, 500, 600, -7000, 800, 900, 1000]);
        int u = b.AddConstantInt16("unweights", [10], [4000, 3000, 2000, 1000, -100, 200, 300, 400, 500, 600]);
        int starts = b.AddConstantInt16("starts", [4], [0, 2, 4, 7]);
        int weightStarts = b.AddConstantInt16("weight_starts", [4], [0, 2, 5, 8]);
        int widths = b.AddConstantInt16("widths", [4], [2, 3, 3, 2]);
        int y = b.AddTensor("y", DataType.UInt64, [3]);
        b.AddCustomOperator("SignalFilterBank", [x, w, u, starts, weightStarts, widths], [y],
            FlexBufferMapWriter.Write(("num_channels", 3))).MarkOutput(y);
        return b.Build();
    }

    /// <summary>SignalFilterBankSquareRoot of 6 channels, shifted right by a constant 2.</summary>
    public static Graph SquareRoot()
    {
        var b = new GraphBuilder("signal_square_root.tflite");
        int x = b.AddInput("x", DataType.UInt64, [6]);
        int s = b.AddConstantInt32("scale_bits", [], [2]);
        int y = b.AddTensor("y", DataType.UInt32, [6]);
        b.AddCustomOperator("SignalFilterBankSquareRoot", [x, s], [y], FlexBufferMapWriter.Write()).MarkOutput(y);
        return b.Build();
    }

    /// <summary>SignalFilterBankSpectralSubtraction over 6 channels with the micro_speech constants.</summary>
    public static Graph SpectralSubtraction()
    {
        var b = new GraphBuilder("signal_spectral_subtraction.tflite");
        int x = b.AddInput("x", DataType.UInt32, [6]);
        int y = b.AddTensor("y", DataType.UInt32, [6]);
        int n = b.AddTensor("noise", DataType.UInt32, [6]);
        b.AddCustomOperator("SignalFilterBankSpectralSubtraction", [x], [y, n], FlexBufferMapWriter.Write(
            [("alternate_one_minus_smoothing", 15729), ("alternate_smoothing", 655), ("clamping", 0),
             ("min_signal_remaining", 819), ("num_channels", 6), ("one_minus_smoothing", 15729), ("smoothing", 655),
             ("smoothing_bits", 10), ("spectral_subtraction_bits", 14)], ["clamping"])).MarkOutput(y).MarkOutput(n);
        return b.Build();
    }

    /// <summary>SignalPCAN over 6 channels with a random gain table.</summary>
    public static Graph Pcan()
    {
        var b = new GraphBuilder("signal_pcan.tflite");
        int x = b.AddInput("x", DataType.UInt32, [6]);
        int noise = b.AddInput("noise", DataType.UInt32, [6]);
        var rng = new Random(22);
        int lut = b.AddConstantInt16("gain_lut", [125], Enumerable.Range(0, 125).Select(_ => (short)rng.Next(-32768, 32768)).ToArray());
        int y = b.AddTensor("y", DataType.UInt32, [6]);
        b.AddCustomOperator("SignalPCAN", [x, noise, lut], [y], FlexBufferMapWriter.Write(("snr_shift", 6))).MarkOutput(y);
        return b.Build();
    }

    /// <summary>SignalFilterBankLog over 6 channels (micro_speech's output scale, correction bits 3).</summary>
    public static Graph FilterBankLog()
    {
        var b = new GraphBuilder("signal_filter_bank_log.tflite");
        int x = b.AddInput("x", DataType.UInt32, [6]);
        int y = b.AddTensor("y", DataType.Int16, [6]);
        b.AddCustomOperator("SignalFilterBankLog", [x], [y],
            FlexBufferMapWriter.Write(("input_correction_bits", 3), ("output_scale", 1600))).MarkOutput(y);
        return b.Build();
    }
}
