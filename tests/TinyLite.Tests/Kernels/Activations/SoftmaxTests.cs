using TinyLite.Runtime.Kernels.Dense;
using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Activations;

/// <summary>
/// SOFTMAX int8 -> int8 and int8 -> int16. Expected values never come from our kernel: TFLM's own test vectors
/// (tensorflow/lite/micro/kernels/softmax_test.cc, with its tolerance of 1), float softmax over several betas and
/// input scales (same tolerance), and hand-derived exact cases (uniform rows, rows where only the maximum
/// survives diff_min). Bit-exactness on real data is covered by the TFLM intermediates tests.
/// </summary>
public class SoftmaxTests
{
    private static byte[] RunSoftmax(int[] shape, sbyte[] x, float inScale, int inZp, float beta, bool int16Out)
    {
        var g = new GraphBuilder("softmax");
        int input = g.AddInput("x", DataType.Int8, shape, inScale, inZp);
        int output = int16Out
            ? g.AddTensor("y", DataType.Int16, shape, 1f / 65536, -32768)
            : g.AddTensor("y", DataType.Int8, shape, 1f / 256, -128);
        g.AddOperator(BuiltinOperator.Softmax, [input], [output], new SoftmaxOptions(beta));
        g.MarkOutput(output);
        return Run(g.Build(), Bytes(x));
    }

    private static sbyte[] QuantizeInput(float[] values, float scale, int zp)
        => values.Select(v => (sbyte)Math.Clamp((int)MathF.Round(v / scale, MidpointRounding.AwayFromZero) + zp, -128, 127)).ToArray();

    private static int[] FloatSoftmax(sbyte[] x, int depth, float inScale, int inZp, float beta, float outScale, int outZp, int lo, int hi)
    {
        var y = new int[x.Length];
        for (int row = 0; row < x.Length / depth; row++)
        {
            var real = Enumerable.Range(0, depth).Select(c => (double)inScale * (x[row * depth + c] - inZp) * beta).ToArray();
            double max = real.Max();
            double sum = real.Sum(v => Math.Exp(v - max));
            for (int c = 0; c < depth; c++)
                y[row * depth + c] = Math.Clamp((int)Math.Round(Math.Exp(real[c] - max) / sum / outScale) + outZp, lo, hi);
        }
        return y;
    }

    [Fact]
    public void SoftmaxS8_TflmTestVector2D_WithinTflmTolerance()
    {
        // softmax_test.cc, Softmax2DQuantizedInt8ShouldMatchGolden: input_data_2d at scale 0.1, zero point 0,
        // beta 1; golden_2d quantized at 1/256, zero point -128; TFLM accepts a difference of 1.
        float[] input = [1, 2, 3, 4, 5, -1, -2, -3, -4, -5];
        float[] golden = [0.011656231f, 0.031684921f, 0.086128544f, 0.234121657f, 0.636408647f,
                          0.636408647f, 0.234121657f, 0.086128544f, 0.031684921f, 0.011656231f];
        var x = QuantizeInput(input, 0.1f, 0);
        var actual = Int8(RunSoftmax([2, 5], x, 0.1f, 0, 1f, false));
        for (int i = 0; i < golden.Length; i++)
        {
            int expected = (int)MathF.Round(golden[i] * 256, MidpointRounding.AwayFromZero) - 128;
            Assert.InRange(actual[i], expected - 1, expected + 1);
        }
    }

    [Theory]
    [InlineData(1.0f, 0.1f, 0)]
    [InlineData(0.5f, 0.25f, -20)]
    [InlineData(2.0f, 0.05f, 13)]
    [InlineData(1.0f, 0.0390625f, -128)]
    public void SoftmaxS8_BetasAndScales_WithinOneOfFloatSoftmax(float beta, float inScale, int inZp)
    {
        var r = new Random((int)(beta * 100 + inScale * 1000));
        int depth = 10;
        var x = RandomInt8(r, 3 * depth);
        var expected = FloatSoftmax(x, depth, inScale, inZp, beta, 1f / 256, -128, -128, 127);
        var actual = Int8(RunSoftmax([3, depth], x, inScale, inZp, beta, false));
        for (int i = 0; i < x.Length; i++) Assert.InRange(actual[i], expected[i] - 1, expected[i] + 1);
    }

    [Fact]
    public void SoftmaxS8S16_WithinSevenOfFloatSoftmax()
    {
        // softmax_test.cc states an empirical int16 tolerance of 7 quantization steps.
        var r = new Random(99);
        int depth = 12;
        var x = RandomInt8(r, 2 * depth);
        var expected = FloatSoftmax(x, depth, 0.08f, 3, 1f, 1f / 65536, -32768, -32768, 32767);
        var actual = Int16(RunSoftmax([2, depth], x, 0.08f, 3, 1f, true));
        for (int i = 0; i < x.Length; i++) Assert.InRange(actual[i], expected[i] - 7, expected[i] + 7);
    }

    [Fact]
    public void SoftmaxS8_UniformRow_IsExactlyOneQuarter()
    {
        // Four equal inputs: every exp is 1 (Q0 max), the Q12 sum is exactly 4.0 (each term 2^19), 1/sum is
        // 1/(1+0) shifted by 2 bits, so each output is 2^-2 * 256 - 128 = -64 (int16: 2^-2 * 65536 - 32768 = -16384).
        sbyte[] x = [17, 17, 17, 17, -90, -90, -90, -90];
        Assert.Equal(Enumerable.Repeat((sbyte)-64, 8), Int8(RunSoftmax([2, 4], x, 0.3f, 0, 1f, false)));
        Assert.Equal(Enumerable.Repeat((short)-16384, 8), Int16(RunSoftmax([2, 4], x, 0.3f, 0, 1f, true)));
    }

    [Fact]
    public void SoftmaxS8_OnlyMaximumWithinDiffMin_SaturatesToOneAndZero()
    {
        // Scale 1, beta 1: multiplier 2^26 = 2^30 * 2^-31 << 27, so diff_min = -floor(31 * 2^26 / 2^27) = -15.
        // Differences -100, -150, -228 are skipped (output = zero point); the maximum alone gives 1.0, which
        // saturates to 127 (int8) and 32767 (int16).
        sbyte[] x = [100, 0, -50, -128];
        Assert.Equal(new sbyte[] { 127, -128, -128, -128 }, Int8(RunSoftmax([1, 4], x, 1f, 0, 1f, false)));
        Assert.Equal(new short[] { 32767, -32768, -32768, -32768 }, Int16(RunSoftmax([1, 4], x, 1f, 0, 1f, true)));
    }

    /// <summary>
    /// A hostile image's aliasing (the loader fuzzer's finding, twin of tl_ndense_kernels_test): the output overlaps
    /// the input so that each output overwrites a later input before the last pass reads it, and that input can
    /// exceed the row maximum. With a flat exp table every in-bounds read gives the same value, so the outputs must
    /// equal an unaliased run's; the table sits behind 256 zero entries that an out-of-bounds read would fetch.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SoftmaxS8_OutputAheadOfInput_ReadsTheTableInBounds(int outputBytes)
    {
        const int depth = 4, guardBytes = 1024;
        byte[] logits = [0x9C, 0x9C, 0x9C, 0x9C]; // -100 each
        var table = new byte[guardBytes + 1024];
        for (int k = 0; k < 256; k++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(table.AsSpan(guardBytes + 4 * k), 1 << 24);
        }
        int code = outputBytes == 1 ? OpCode.SoftmaxS8 : OpCode.SoftmaxS8S16;
        int outputType = outputBytes == 1 ? TensorType.Int8 : TensorType.Int16;
        var op = KernelRecords.Op(code, [0, 1], [2], KernelParams.SoftmaxS8(rows: 1, depth: depth));

        byte[] expected = new byte[depth * outputBytes];
        var apart = new KernelContext([(byte[])logits.Clone(), table, expected], [0, guardBytes, 0],
            [depth, 1024, depth * outputBytes], [TensorType.Int8, TensorType.Int32, outputType]);
        DenseFamily.Run(apart, op);

        // int8 outputs one element ahead of the input; int16 outputs from the input's start (output i covers input
        // bytes 2i and 2i + 1).
        int outputOffset = outputBytes == 1 ? 1 : 0;
        var shared = new byte[outputOffset + depth * outputBytes];
        logits.CopyTo(shared, 0);
        var aliased = new KernelContext([shared, table, shared], [0, guardBytes, outputOffset],
            [depth, 1024, depth * outputBytes], [TensorType.Int8, TensorType.Int32, outputType]);
        Assert.Null(DenseFamily.Validate(aliased, op));
        DenseFamily.Run(aliased, op);
        Assert.Equal(expected, shared[outputOffset..]);
    }
}
