using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Activations;

/// <summary>
/// LOGISTIC and TANH on int16. Exact checks at points where TFLM's interpolation has no fractional part, so the
/// output is a plain function of one entry of TFLM's sigmoid table (sigmoid_table_uint16 in
/// tensorflow/lite/kernels/internal/common.h; the entries quoted below are from there), plus the math functions
/// over a wide range with the tolerance of TFLM's own int16 tests (logistic_test.cc, tanh_test.cc: 16).
/// </summary>
public class ActivationS16Tests
{
    private static short[] RunOp(BuiltinOperator op, short[] x, float inScale)
    {
        var g = new GraphBuilder("act16");
        int input = g.AddInput("x", DataType.Int16, [1, x.Length], inScale, 0);
        int output = g.AddTensor("y", DataType.Int16, [1, x.Length], 1f / 32768, 0);
        g.AddOperator(op, [input], [output]);
        g.MarkOutput(output);
        return Int16(Run(g.Build(), Bytes(x)));
    }

    // (table index k, TFLM's sigmoid_table_uint16[k]).
    private static readonly (int K, int Entry)[] TableEntries = [(0, 32768), (3, 34813), (12, 40794), (99, 64494), (201, 65521), (252, 65534)];

    [Fact]
    public void TanhS16_GridPoints_EqualTableEntryMinusHalf()
    {
        // Input scale 2^-12 is a power of two with left shift 0: the input is multiplied by 3. For x = 256k/3 the
        // rescaled input is exactly 256k, the interpolation weight is 0 and the output is table[k] - 32768.
        var x = TableEntries.Select(e => (short)(256 * e.K / 3)).ToArray();
        var negative = x.Select(v => (short)-v).ToArray();
        var expected = TableEntries.Select(e => (short)(e.Entry - 32768)).ToArray();
        Assert.Equal(expected, RunOp(BuiltinOperator.Tanh, x, 1f / 4096));
        // Negative inputs: (2^23 + 127 - table[k] * 2^8) >> 8 = 32768 - table[k], the mirror image.
        Assert.Equal(TableEntries.Select(e => (short)(32768 - e.Entry)).ToArray(), RunOp(BuiltinOperator.Tanh, negative, 1f / 4096));
    }

    [Fact]
    public void LogisticS16_GridPoints_AreHalfTheTableEntry()
    {
        // Same scale: for x = 512k/3 (k <= 191 to fit int16) the rescaled input is 512k, the output is
        // (table[k] * 2^9 + 2^9) >> 10.
        var entries = TableEntries.Where(e => e.K % 3 == 0 && e.K <= 191).ToArray();
        var x = entries.Select(e => (short)(512 * e.K / 3)).ToArray();
        var expected = entries.Select(e => (short)((e.Entry + 1) >> 1)).ToArray();
        Assert.Equal(expected, RunOp(BuiltinOperator.Logistic, x, 1f / 4096));
    }

    [Fact]
    public void LogisticS16_ZeroAndSaturation_AreExact()
    {
        // sigmoid(0): (32768 * 2^9 + 2^9) >> 10 = 16384. Scale 2^-10 is not a power of two TFLM's logistic takes
        // as such: 2^-10 * 12288 = 12 doubles 11 times to 24576, so the input is scaled by 12 and |x| = 32767
        // passes the table end: 0x7FFF << 10 gives (0x7FFF * 2^10 + 2^9) >> 10 = 32767, and for negative inputs
        // (2^25 - (0x7FFF << 10) + 2^9 - 1) >> 10 = 1535 >> 10 = 1.
        short[] x = [0, 32767, -32768];
        Assert.Equal(new short[] { 16384, 32767, 1 }, RunOp(BuiltinOperator.Logistic, x, 1f / 1024));
    }

    [Theory]
    [InlineData(true, 32f / 65536)]
    [InlineData(false, 32f / 65536)]
    [InlineData(true, 0.0003f)]
    [InlineData(false, 0.0007f)]
    public void ActivationS16_WideRange_WithinTflmTolerance(bool logistic, float inScale)
    {
        var x = Enumerable.Range(0, 177).Select(i => (short)(-32768 + i * 65535 / 176)).ToArray();
        var actual = RunOp(logistic ? BuiltinOperator.Logistic : BuiltinOperator.Tanh, x, inScale);
        for (int i = 0; i < x.Length; i++)
        {
            double real = inScale * x[i];
            double y = logistic ? 1 / (1 + Math.Exp(-real)) : Math.Tanh(real);
            int expected = Math.Clamp((int)Math.Round(y * 32768), -32768, 32767);
            Assert.InRange(actual[i], expected - 16, expected + 16);
        }
    }
}
