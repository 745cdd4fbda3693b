using TinyLite.Codegen.Lowering.Signal;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime.Kernels.Signal;

namespace TinyLite.Tests.Kernels.Signal;

/// <summary>
/// The Signal kernels on hand-worked values (TFLM's signal/src arithmetic done by hand), through the real compiler
/// and interpreter. The whole-model golden tests (micro_speech_audio_preprocessor_int8) check them against TFLM.
/// </summary>
public class SignalKernelTests
{
    private static Interpreter Load(Graph graph) => new(Compiler.Compile(graph).Image);

    private static byte[] Int16s(params short[] v)
    {
        var b = new byte[v.Length * 2];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), v[i]);
        return b;
    }

    private static byte[] UInt32s(params uint[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4 * i), v[i]);
        return b;
    }

    private static short[] ToInt16s(byte[] b) => Enumerable.Range(0, b.Length / 2).Select(i => BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(2 * i))).ToArray();

    private static uint[] ToUInt32s(byte[] b) => Enumerable.Range(0, b.Length / 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4 * i))).ToArray();

    [Fact]
    public void Window_ProductShiftedAndSaturated()
    {
        var b = new GraphBuilder("window.tflite");
        int x = b.AddInput("x", DataType.Int16, [4]);
        int w = b.AddConstantInt16("w", [4], [16384, 32767, -32768, 3]);
        int y = b.AddTensor("y", DataType.Int16, [4]);
        b.AddCustomOperator("SignalWindow", [x, w], [y], FlexBufferMapWriter.Write(("shift", 14))).MarkOutput(y);
        var interpreter = Load(b.Build());
        interpreter.SetInput(0, Int16s(1000, -32768, 32767, 5));
        interpreter.Invoke();
        // 1000*16384 >> 14 = 1000; -32768*32767 >> 14 = -65534 -> -32768; 32767*-32768 >> 14 likewise; 15 >> 14 = 0.
        Assert.Equal(new short[] { 1000, -32768, -32768, 0 }, ToInt16s(interpreter.GetOutput(0)));
    }

    [Fact]
    public void FftAutoScale_ShiftsUpToTheLargestMagnitude()
    {
        var interpreter = Load(SignalTestModels.FftAutoScale());
        short[] x = new short[16];
        x[0] = 100; x[1] = -300; x[2] = 5;
        interpreter.SetInput(0, Int16s(x));
        interpreter.Invoke();
        // max |x| = 300 has 9 bits: shift 16 - 9 - 1 = 6.
        short[] expected = new short[16];
        expected[0] = 6400; expected[1] = -19200; expected[2] = 320;
        Assert.Equal(expected, ToInt16s(interpreter.GetOutput(0)));
        Assert.Equal(6, BinaryPrimitives.ReadInt32LittleEndian(interpreter.GetOutput(1)));
    }

    [Fact]
    public void FftAutoScale_MinusFullScale_WrapsTheMaximumAndShiftsNothing()
    {
        var interpreter = Load(SignalTestModels.FftAutoScale());
        short[] x = new short[16];
        x[0] = 7; x[15] = -32768;
        interpreter.SetInput(0, Int16s(x));
        interpreter.Invoke();
        // TFLM's int16 maximum takes -(-32768) (last, so nothing larger replaces it), which wraps to -32768: as uint32
        // it has 32 bits, so the shift is 0 although 7 alone would allow 12.
        Assert.Equal(x, ToInt16s(interpreter.GetOutput(0)));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(interpreter.GetOutput(1)));
    }

    [Fact]
    public void Rfft_Impulse_GivesAFlatSpectrumDividedByTheLength()
    {
        var interpreter = Load(SignalTestModels.Rfft(16, 16, frames: 1));
        short[] x = new short[16];
        x[0] = 16384;
        interpreter.SetInput(0, Int16s(x));
        interpreter.Invoke();
        // kissfft divides by the radix at each stage (here exactly): every bin is 16384 / 16 = 1024 + 0i.
        short[] expected = Enumerable.Range(0, 18).Select(i => (short)(i % 2 == 0 ? 1024 : 0)).ToArray();
        Assert.Equal(expected, ToInt16s(interpreter.GetOutput(0)));
    }

    [Fact]
    public void Energy_WritesOnlyTheBinRange_AndWrapsToUInt32()
    {
        var interpreter = Load(SignalTestModels.Energy());
        short[] x = new short[18];
        x[2] = 3; x[3] = 4;           // bin 1: 25
        x[4] = -32768; x[5] = -32768; // bin 2: 2^31
        x[0] = 100;                   // bin 0 is outside 1..7
        interpreter.SetInput(0, Int16s(x));
        interpreter.Invoke();
        uint[] y = ToUInt32s(interpreter.GetOutput(0));
        Assert.Equal(25u, y[1]);
        Assert.Equal(2147483648u, y[2]);
        Assert.Equal(0u, y[0]);
    }

    [Fact]
    public void FilterBank_CarriesTheUnweightedSumIntoTheNextChannel()
    {
        var b = new GraphBuilder("filter_bank.tflite");
        int x = b.AddInput("x", DataType.UInt32, [3]);
        int w = b.AddConstantInt16("w", [3], [10, -1, 30]);
        int u = b.AddConstantInt16("u", [3], [5, 6, 7]);
        int starts = b.AddConstantInt16("starts", [2], [0, 1]);
        int weightStarts = b.AddConstantInt16("weight_starts", [2], [0, 1]);
        int widths = b.AddConstantInt16("widths", [2], [1, 2]);
        int y = b.AddTensor("y", DataType.UInt64, [1]);
        b.AddCustomOperator("SignalFilterBank", [x, w, u, starts, weightStarts, widths], [y],
            FlexBufferMapWriter.Write(("num_channels", 1))).MarkOutput(y);
        var interpreter = Load(b.Build());
        interpreter.SetInput(0, UInt32s(1, 2, 3));
        interpreter.Invoke();
        // Channel 0 carries 5 * 1; channel 1 adds -1 * 2 (sign-extended, wrapping in uint64) and 30 * 3: 5 - 2 + 90.
        Assert.Equal(93UL, BinaryPrimitives.ReadUInt64LittleEndian(interpreter.GetOutput(0)));
    }

    [Theory]
    [InlineData(0UL, 0u)]
    [InlineData(2UL, 1u)]
    [InlineData(3UL, 2u)]   // 1 remainder 2 > 1: rounds up
    [InlineData(20UL, 4u)]  // 4 remainder 4: stays
    [InlineData(21UL, 5u)]  // 4 remainder 5 > 4: rounds up
    [InlineData(1UL << 40, 1u << 20)]
    [InlineData(ulong.MaxValue, uint.MaxValue)] // the remainder exceeds the root, but the root is already 0xFFFFFFFF
    public void Sqrt64_RoundsAsTflm(ulong value, uint expected)
    {
        Assert.Equal(expected, SignalFilterBankSquareRootU64.Sqrt64(value));
    }

    [Fact]
    public void SpectralSubtraction_StatePersistsAcrossInvokes_AndResetClearsIt()
    {
        var b = new GraphBuilder("spectral_subtraction.tflite");
        int x = b.AddInput("x", DataType.UInt32, [1]);
        int y = b.AddTensor("y", DataType.UInt32, [1]);
        int n = b.AddTensor("n", DataType.UInt32, [1]);
        b.AddCustomOperator("SignalFilterBankSpectralSubtraction", [x], [y, n], FlexBufferMapWriter.Write(
            ("alternate_one_minus_smoothing", 1), ("alternate_smoothing", 1), ("clamping", 0), ("min_signal_remaining", 0),
            ("num_channels", 1), ("one_minus_smoothing", 1), ("smoothing", 1), ("smoothing_bits", 0),
            ("spectral_subtraction_bits", 1))).MarkOutput(y).MarkOutput(n);
        var interpreter = Load(b.Build());
        interpreter.SetInput(0, UInt32s(100));
        uint[] Step()
        {
            interpreter.Invoke();
            return [ToUInt32s(interpreter.GetOutput(0))[0], ToUInt32s(interpreter.GetOutput(1))[0]];
        }
        // noise = (signal + previous noise) >> 1; output = signal - noise.
        Assert.Equal(new uint[] { 50, 50 }, Step());
        Assert.Equal(new uint[] { 25, 75 }, Step());
        interpreter.ResetState();
        Assert.Equal(new uint[] { 50, 50 }, Step());
    }

    [Fact]
    public void Pcan_GainFromTheTable_ThenShrink()
    {
        var b = new GraphBuilder("pcan.tflite");
        int x = b.AddInput("x", DataType.UInt32, [2]);
        int noise = b.AddInput("noise", DataType.UInt32, [2]);
        short[] table = new short[125];
        table[1] = 1000;
        int lut = b.AddConstantInt16("lut", [125], table);
        int y = b.AddTensor("y", DataType.UInt32, [2]);
        b.AddCustomOperator("SignalPCAN", [x, noise, lut], [y], FlexBufferMapWriter.Write(("snr_shift", 6))).MarkOutput(y);
        var interpreter = Load(b.Build());
        interpreter.SetInput(0, UInt32s(100, 100000));
        interpreter.SetInput(1, UInt32s(1, 1));
        interpreter.Invoke();
        // gain = table[1] = 1000. snr 100*1000 >> 6 = 1562 < 8192: 1562^2 >> 20 = 2.
        // snr 100000*1000 >> 6 = 1562500: (1562500 >> 6) - 64 = 24350.
        Assert.Equal(new uint[] { 2, 24350 }, ToUInt32s(interpreter.GetOutput(0)));
    }

    [Fact]
    public void FilterBankLog_ScaledNaturalLog_ZeroBelowTwo_SaturatedAbove()
    {
        Graph Model(int scale)
        {
            var b = new GraphBuilder("log.tflite");
            int x = b.AddInput("x", DataType.UInt32, [4]);
            int y = b.AddTensor("y", DataType.Int16, [4]);
            b.AddCustomOperator("SignalFilterBankLog", [x], [y],
                FlexBufferMapWriter.Write(("input_correction_bits", 0), ("output_scale", scale))).MarkOutput(y);
            return b.Build();
        }
        var interpreter = Load(Model(1000));
        interpreter.SetInput(0, UInt32s(0, 1, 2, 16));
        interpreter.Invoke();
        // ln 2 in 16.16 is 45426: (1000 * 45426 + 32768) >> 16 = 693; ln 16 = 4 * 45426: 2773.
        Assert.Equal(new short[] { 0, 0, 693, 2773 }, ToInt16s(interpreter.GetOutput(0)));

        interpreter = Load(Model(3000));
        interpreter.SetInput(0, UInt32s(1u << 31, 0, 0, 0));
        interpreter.Invoke();
        // (3000 * 31 * 45426 + 32768) >> 16 = 64463: saturated.
        Assert.Equal(32767, ToInt16s(interpreter.GetOutput(0))[0]);
    }

    [Fact]
    public void LogCorrectionTable_EqualsTflmsTableAtPinnedEntries()
    {
        // Entries of TFLM's kLogLut (signal/src/log.cc).
        var t = LogCorrectionTable.Values;
        Assert.Equal(130, t.Length);
        Assert.Equal([0, 224, 442, 654], t[..4]);
        Assert.Equal(5641, t[57]);
        Assert.Equal(5568, t[64]);
        Assert.Equal([282, 142, 0, 0], t[126..]);
    }

    [Fact]
    public void KissFftTwiddles_UnitAndQuarterTurn()
    {
        short[] t = KissFftTwiddles.ForRealFft(512);
        Assert.Equal(3 * 256, t.Length);
        Assert.Equal([32767, 0], t[..2]);
        // Twiddle 64 of 256 is e^(-i pi / 2).
        Assert.Equal([0, -32767], t[128..130]);
    }

    [Fact]
    public void FlexBufferMap_ReadsWhatTheWriterWrote_InKeyOrder()
    {
        var map = FlexBufferMap.Parse(FlexBufferMapWriter.Write(("b", -5), ("a", 1L << 40), ("T", 7)));
        Assert.Equal(["T", "a", "b"], map.Keys);
        Assert.Equal(-5, map.Int32("b"));
        Assert.Equal(7, map.Int32("T"));
        Assert.Equal(0, map.Int32("a")); // ElementAsInt32 keeps the low 32 bits, as TFLM
    }

    [Fact]
    public void FlexBufferMap_TruncatedBuffer_IsAFormatError()
    {
        byte[] bytes = FlexBufferMapWriter.Write(("shift", 12));
        Assert.Throws<FormatException>(() => FlexBufferMap.Parse(bytes[^10..]));
        Assert.Throws<FormatException>(() => FlexBufferMap.Parse(null));
    }

    [Fact]
    public void Compile_MissingCustomOption_NamesTheOperatorAndTheKey()
    {
        var b = new GraphBuilder("window.tflite");
        int x = b.AddInput("x", DataType.Int16, [4]);
        int w = b.AddConstantInt16("w", [4], [1, 2, 3, 4]);
        int y = b.AddTensor("y", DataType.Int16, [4]);
        b.AddCustomOperator("SignalWindow", [x, w], [y], FlexBufferMapWriter.Write(("other", 1))).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Contains("operator 0 (SignalWindow", e.Message);
        Assert.Contains("'shift' is missing", e.Message);
    }

    [Fact]
    public void Compile_UnknownCustomOperator_IsRefused()
    {
        var b = new GraphBuilder("custom.tflite");
        int x = b.AddInput("x", DataType.Int16, [4]);
        int y = b.AddTensor("y", DataType.Int16, [4]);
        b.AddCustomOperator("SignalStacker", [x], [y], FlexBufferMapWriter.Write()).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Contains("custom operator 'SignalStacker' is not supported", e.Message);
    }
}
