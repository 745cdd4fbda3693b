using static TinyLite.Tests.Kernels.Elementwise.ElementwiseHarness;
using static TinyLite.Tests.Kernels.Elementwise.ElementwiseReference;

namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>RELU, RELU6, LEAKY_RELU and HARD_SWISH through compile + interpreter against independent references.</summary>
public class ActivationTests
{
    private static readonly int[] AllInt8 = Enumerable.Range(-128, 256).ToArray();

    private static int[] Int16Samples(int seed) =>
        new[] { -32768, -32767, -1, 0, 1, 32767 }.Concat(ElementwiseHarness.Random(seed, 506, -32768, 32767)).ToArray();

    [Theory]
    [InlineData(0.05f, -20, 0.05f, -128)]
    [InlineData(0.05f, 3, 0.02f, -100)]
    [InlineData(0.02f, -128, 0.08f, 0)]
    public void ReluS8_AllInputs_MatchReference(float si, int zpi, float so, int zpo)
    {
        var (m, shift) = QuantizeMultiplier((float)(si / so));
        int min = Math.Max(-128, zpo);
        var expected = AllInt8.Select(x => Math.Clamp(zpo + Requantize(x - zpi, m, shift), min, 127)).ToArray();
        var graph = Unary(BuiltinOperator.Relu, DataType.Int8, [256], (si, zpi), (so, zpo));
        Assert.Equal(expected, Int8Values(Run(graph, Int8Bytes(AllInt8))));
    }

    [Theory]
    [InlineData(0.0005f, 0.0005f)]
    [InlineData(0.0005f, 0.0002f)]
    [InlineData(0.0002f, 0.0009f)]
    public void ReluS16_SampledInputs_MatchReference(float si, float so)
    {
        var x = Int16Samples(31);
        var (m, shift) = QuantizeMultiplier((float)(si / so));
        var expected = x.Select(v => Math.Clamp(Requantize(v, m, shift), 0, 32767)).ToArray();
        var graph = Unary(BuiltinOperator.Relu, DataType.Int16, [x.Length], (si, 0), (so, 0));
        Assert.Equal(expected, Int16Values(Run(graph, Int16Bytes(x))));
    }

    [Theory]
    [InlineData(0.05f, -20)]
    [InlineData(0.03f, -128)]
    [InlineData(0.01f, 10)]
    public void Relu6S8_AllInputs_ClampToInputQuantizedZeroAndSix(float si, int zpi)
    {
        int six = Math.Clamp((int)Math.Round(6.0 / si, MidpointRounding.AwayFromZero) + zpi, -128, 127);
        var expected = AllInt8.Select(x => x > six ? six : x < zpi ? zpi : x).ToArray();
        // The output parameters differ on purpose: TFLM's RELU6 ignores them.
        var graph = Unary(BuiltinOperator.Relu6, DataType.Int8, [16, 16], (si, zpi), (si * 3, zpi + 5));
        Assert.Equal(expected, Int8Values(Run(graph, Int8Bytes(AllInt8))));
    }

    [Fact]
    public void Relu6S16_SampledInputs_ClampToZeroAndSix()
    {
        var x = Int16Samples(32);
        const float si = 0.001f;
        var expected = x.Select(v => Math.Clamp(v, 0, 6000)).ToArray();
        var graph = Unary(BuiltinOperator.Relu6, DataType.Int16, [x.Length], (si, 0), (si, 0));
        Assert.Equal(expected, Int16Values(Run(graph, Int16Bytes(x))));
    }

    [Theory]
    [InlineData(0.2f, 0.05f, -3, 0.04f, 9)]
    [InlineData(-0.5f, 0.05f, 0, 0.05f, 0)]
    [InlineData(1.5f, 0.02f, 100, 0.03f, -128)]
    [InlineData(0.01f, 0.1f, -128, 0.01f, 0)]
    public void LeakyReluS8_AllInputs_MatchReference(float alpha, float si, int zpi, float so, int zpo)
    {
        var expected = AllInt8.Select(LeakyRelu(alpha, si, zpi, so, zpo, -128, 127)).ToArray();
        var graph = Unary(BuiltinOperator.LeakyRelu, DataType.Int8, [256], (si, zpi), (so, zpo), new LeakyReluOptions(alpha));
        Assert.Equal(expected, Int8Values(Run(graph, Int8Bytes(AllInt8))));
    }

    [Theory]
    [InlineData(0.2f, 0.0003f, 0.0002f)]
    [InlineData(0.3f, 0.0001f, 0.0004f)]
    [InlineData(-0.25f, 0.0005f, 0.0005f)]
    public void LeakyReluS16_SampledInputs_MatchReference(float alpha, float si, float so)
    {
        var x = Int16Samples(33);
        var expected = x.Select(LeakyRelu(alpha, si, 0, so, 0, -32768, 32767)).ToArray();
        var graph = Unary(BuiltinOperator.LeakyRelu, DataType.Int16, [x.Length], (si, 0), (so, 0), new LeakyReluOptions(alpha));
        Assert.Equal(expected, Int16Values(Run(graph, Int16Bytes(x))));
    }

    /// <summary>HARD_SWISH over all 256 int8 inputs for scales that exercise left-shifted, unshifted and right-shifted relu-ish paths.</summary>
    [Theory]
    [InlineData(0.05f, -10, 0.03f, -100)]
    [InlineData(0.1f, 0, 0.1f, 0)]
    [InlineData(0.01f, 20, 0.005f, -128)]
    [InlineData(0.5f, -128, 0.25f, -60)]
    [InlineData(0.0001f, 0, 0.0001f, 0)]
    [InlineData(0.2f, 5, 2.0f, -1)]
    [InlineData(0.001f, 0, 1.0f, 0)]
    public void HardSwishS8_AllInputs_MatchReference(float si, int zpi, float so, int zpo)
    {
        var expected = AllInt8.Select(HardSwish(si, zpi, so, zpo)).ToArray();
        var graph = Unary(BuiltinOperator.HardSwish, DataType.Int8, [1, 256], (si, zpi), (so, zpo));
        var actual = Int8Values(Run(graph, Int8Bytes(AllInt8)));
        Assert.Equal(expected, actual);
        // Sanity of the reference itself: within 2 steps of the real hard-swish wherever the output is not saturated.
        for (int i = 0; i < 256; i++)
        {
            double real = si * (AllInt8[i] - zpi);
            double ideal = real * Math.Clamp(real + 3, 0, 6) / 6 / so + zpo;
            if (ideal > -127 && ideal < 126) Assert.InRange(expected[i], ideal - 2, ideal + 2);
        }
    }

    [Fact]
    public void FloatActivations_MatchTflmFloatFormulas()
    {
        float[] x = [-7f, -3f, -1.5f, -0f, 0f, 0.25f, 2.75f, 3f, 5.9f, 6f, 6.5f, 100f];
        byte[] input = FloatBytes(x);
        var relu = Unary(BuiltinOperator.Relu, DataType.Float32, [x.Length]);
        var relu6 = Unary(BuiltinOperator.Relu6, DataType.Float32, [x.Length]);
        var leaky = Unary(BuiltinOperator.LeakyRelu, DataType.Float32, [x.Length], options: new LeakyReluOptions(0.1f));
        var hswish = Unary(BuiltinOperator.HardSwish, DataType.Float32, [x.Length]);
        Assert.Equal(x.Select(v => v < 0 ? 0f : v), FloatValues(Run(relu, input)));
        Assert.Equal(x.Select(v => v > 6 ? 6f : v < 0 ? 0f : v), FloatValues(Run(relu6, input)));
        Assert.Equal(x.Select(v => v > 0 ? v : v * 0.1f), FloatValues(Run(leaky, input)));
        Assert.Equal(x.Select(v => v * Math.Min(6f, Math.Max(0f, v + 3f)) / 6f), FloatValues(Run(hswish, input)));
    }

    private static Func<int, int> LeakyRelu(float alpha, float si, int zpi, float so, int zpo, int qmin, int qmax)
    {
        var (mi, shi) = QuantizeMultiplier((float)(si / so));
        var (ma, sha) = QuantizeMultiplier((float)(si * alpha / so));
        return x =>
        {
            int v = x - zpi;
            int scaled = v >= 0 ? Requantize(v, mi, shi) : ma < 0 ? -Requantize(v, -ma, sha) : Requantize(v, ma, sha);
            return Math.Clamp(zpo + scaled, qmin, qmax);
        };
    }

    /// <summary>TFLM's HardSwishPrepare + reference_ops::HardSwish, step by step in int16 as gemmlowp defines it.</summary>
    private static Func<int, int> HardSwish(float si, int zpi, float so, int zpo)
    {
        float hires = 1f / 128f * si;
        float reluishScale = 3f / 32768f;
        var (om32, outExponent) = QuantizeMultiplier((float)(hires / so));
        var (rm32, reluishExponent) = QuantizeMultiplier((float)(hires / reluishScale));
        short outMultiplier = ToInt16Multiplier(om32), reluishMultiplier = ToInt16Multiplier(rm32);
        Assert.True(outExponent <= 0);
        return x =>
        {
            short inputValue = (short)(x - zpi);
            short hiresValue = (short)(inputValue * 128);
            short preshiftOutput = RoundingHighMul16(hiresValue, outMultiplier);
            short reluish = hiresValue;
            if (reluishExponent > 0) reluish = SaturatingShiftLeft16(reluish, reluishExponent - 1);
            reluish = RoundingHighMul16(reluish, reluishMultiplier);
            if (reluishExponent > 0) reluish = SaturatingShiftLeft16(reluish, 1);
            if (reluishExponent < 0) reluish = RoundingShift16(reluish, -reluishExponent);
            reluish = (short)((reluish + (1 << 15)) >> 1);
            short preshiftResult = TruncatingHighMul16(reluish, preshiftOutput);
            short output = RoundingShift16(preshiftResult, -outExponent);
            output = (short)(output + zpo);
            return Math.Clamp((int)output, -128, 127);
        };
    }

    private static short ToInt16Multiplier(int m) => m >= int.MaxValue - (1 << 15) ? short.MaxValue : (short)((m + (1 << 15)) >> 16);

    private static short RoundingHighMul16(short a, short b)
    {
        if (a == short.MinValue && b == short.MinValue) return short.MaxValue;
        int ab = a * b;
        int nudge = ab >= 0 ? 1 << 14 : 1 - (1 << 14);
        return (short)((ab + nudge) / (1 << 15));
    }

    private static short TruncatingHighMul16(short a, short b)
    {
        if (a == short.MinValue && b == short.MinValue) return short.MaxValue;
        return (short)(a * b / (1 << 15));
    }

    private static short SaturatingShiftLeft16(short v, int amount) => (short)Math.Clamp((long)v * (1L << amount), short.MinValue, short.MaxValue);

    /// <summary>gemmlowp RoundingDivideByPOT instantiated for int16 (its mask is an int16, so it wraps for exponents of 16 and more).</summary>
    private static short RoundingShift16(short x, int exponent)
    {
        short mask = unchecked((short)((1L << exponent) - 1));
        short remainder = (short)(x & mask);
        short threshold = (short)((mask >> 1) + (x < 0 ? 1 : 0));
        return (short)((x >> exponent) + (remainder > threshold ? 1 : 0));
    }
}
