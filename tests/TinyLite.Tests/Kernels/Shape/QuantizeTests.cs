using System.Numerics;
using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>
/// QUANTIZE (float → int8/int16 and the integer requantize path) and DEQUANTIZE. Bit-exact target: TFLM's
/// AffineQuantize (float32 division, roundf), Requantize (QuantizeMultiplier + MultiplyByQuantizedMultiplier)
/// and Dequantize (double product rounded to float).
/// </summary>
public class QuantizeTests
{
    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    private static int[] Ints(byte[] bytes, DataType type) => type switch
    {
        DataType.Int8 => bytes.Select(b => (int)(sbyte)b).ToArray(),
        DataType.Int16 => Enumerable.Range(0, bytes.Length / 2).Select(i => (int)BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2))).ToArray(),
        _ => Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4))).ToArray(),
    };

    private static byte[] Bytes(int[] values, DataType type)
    {
        int size = (int)DataTypes.ByteSize(type, 1);
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
            for (int k = 0; k < size; k++) bytes[i * size + k] = (byte)(values[i] >> (8 * k));
        return bytes;
    }

    private static byte[] Quantize(DataType inType, DataType outType, byte[] input, int count, float? inScale, long inZp, float outScale, long outZp) =>
        RunSingle(BuiltinOperator.Quantize, inType, [count], input, [count], outputType: outType,
            inScale: inScale, inZeroPoint: inZp, outScale: outScale, outZeroPoint: outZp);

    [Fact]
    public void QuantizeFloatToInt8_RoundsTiesAwayFromZeroAndSaturates()
    {
        // x / 0.5 = 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0, 127, 127.5, -128.5, 2000, -2000, 0.49999997
        float[] x = [0.25f, -0.25f, 0.75f, -0.75f, 1.25f, -1.25f, 0f, 63.5f, 63.75f, -64.25f, 1000f, -1000f, 0.24999999f];
        int[] expected = [1, -1, 2, -2, 3, -3, 0, 127, 127, -128, 127, -128, 0];
        var actual = Quantize(DataType.Float32, DataType.Int8, Floats(x), x.Length, null, 0, 0.5f, 0);
        Assert.Equal(expected, Ints(actual, DataType.Int8));
    }

    [Fact]
    public void QuantizeFloatToInt8_AddsZeroPointAfterRounding()
    {
        float[] x = [0.25f, -0.25f, -0.75f, 64f, -63f];
        int[] expected = [1 - 3, -1 - 3, -2 - 3, 125, -128];
        var actual = Quantize(DataType.Float32, DataType.Int8, Floats(x), x.Length, null, 0, 0.5f, -3);
        Assert.Equal(expected, Ints(actual, DataType.Int8));
    }

    [Fact]
    public void QuantizeFloatToInt16_RoundsTiesAndSaturates()
    {
        // scale 2^-10: x * 1024 = 0.5 → 1, -0.5 → -1, 32767.5 → 32767 (clamped), -40000 → -32768
        float[] x = [0.5f / 1024, -0.5f / 1024, 32767.5f / 1024, -40000f / 1024, 3.0009766f];
        int[] expected = [1, -1, 32767, -32768, 3073];
        var actual = Quantize(DataType.Float32, DataType.Int16, Floats(x), x.Length, null, 0, 1f / 1024, 0);
        Assert.Equal(expected, Ints(actual, DataType.Int16));
    }

    [Theory]
    [InlineData(DataType.Int8, 0.0123f, 5)]
    [InlineData(DataType.Int8, 0.1f, -128)]
    [InlineData(DataType.Int16, 0.000123f, 0)]
    public void QuantizeFloat_MatchesFloatDivisionAndRoundAwayFromZero(DataType outType, float scale, int zeroPoint)
    {
        var rng = new Random(42);
        float range = outType == DataType.Int8 ? 200 * scale : 40000 * scale;
        // Random values plus exact ties k * scale / 2 where the float division lands on .5.
        var x = Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? (float)((rng.NextDouble() * 2 - 1) * range) : (rng.Next(-300, 300) + 0.5f) * scale).ToArray();
        long min = outType == DataType.Int8 ? -128 : -32768, max = outType == DataType.Int8 ? 127 : 32767;
        var expected = x.Select(v => (int)Math.Clamp((long)MathF.Round(v / scale, MidpointRounding.AwayFromZero) + zeroPoint, min, max)).ToArray();
        var actual = Quantize(DataType.Float32, outType, Floats(x), x.Length, null, 0, scale, zeroPoint);
        Assert.Equal(expected, Ints(actual, outType));
    }

    [Fact]
    public void QuantizeFloat_DividesInFloatNotDouble()
    {
        // Inputs whose quotient rounds to a different integer in double than in float32: TFLM divides in float.
        const float scale = 0.1f;
        var rng = new Random(3);
        var x = new List<float>();
        while (x.Count < 20)
        {
            float v = (rng.Next(-1200, 1200) + 0.5f) * scale * (1 + (float)(rng.NextDouble() - 0.5) * 1e-6f);
            if (Math.Round((double)v / scale, MidpointRounding.AwayFromZero) != MathF.Round(v / scale, MidpointRounding.AwayFromZero)) x.Add(v);
        }
        var expected = x.Select(v => (int)Math.Clamp((long)MathF.Round(v / scale, MidpointRounding.AwayFromZero), -32768, 32767)).ToArray();
        var actual = Quantize(DataType.Float32, DataType.Int16, Floats(x.ToArray()), x.Count, null, 0, scale, 0);
        Assert.Equal(expected, Ints(actual, DataType.Int16));
    }

    [Fact]
    public void RequantizeInt8_HalvingRoundsAsTflm()
    {
        // in scale 1, out scale 2: multiplier 2^30, shift 0. The doubling high multiply rounds half up (toward +inf),
        // so 1.5 → 2 but -1.5 → -1; 0.5 → 1, -0.5 → 0.
        int[] q = [3, -3, 1, -1, 5, -5, 127, -128, 0];
        int[] expected = [2, -1, 1, 0, 3, -2, 64, -64, 0];
        var actual = Quantize(DataType.Int8, DataType.Int8, Bytes(q, DataType.Int8), q.Length, 1f, 0, 2f, 0);
        Assert.Equal(expected, Ints(actual, DataType.Int8));
    }

    [Fact]
    public void RequantizeInt8_AppliesZeroPointsAndSaturates()
    {
        // out = (q - 10) * 0.5 - 20, clamped to int8.
        int[] q = [10, 12, 127, -128, 11];
        int[] expected = [-20, -19, 39, -89, -19];
        var actual = Quantize(DataType.Int8, DataType.Int8, Bytes(q, DataType.Int8), q.Length, 1f, 10, 2f, -20);
        Assert.Equal(expected, Ints(actual, DataType.Int8));
        int[] big = [127, -128];
        var saturated = Quantize(DataType.Int8, DataType.Int8, Bytes(big, DataType.Int8), 2, 4f, 0, 1f, 0);
        Assert.Equal([127, -128], Ints(saturated, DataType.Int8));
    }

    /// <summary>
    /// TFLM's arithmetic spelled out with big integers: QuantizeMultiplier(real) by frexp; x * 2^left; high product
    /// floor((x * M + 2^30) / 2^31); then divide by 2^right rounding half away from zero.
    /// </summary>
    private static int ReferenceRequantize(int q, int inZp, int outZp, double real, int min, int max)
    {
        int exponent = Math.ILogB(real) + 1;
        long m = (long)Math.Round(Math.ScaleB(real, 31 - exponent), MidpointRounding.AwayFromZero);
        if (m == 1L << 31) { m /= 2; exponent++; }
        int left = Math.Max(exponent, 0), right = Math.Max(-exponent, 0);
        BigInteger x = (BigInteger)(q - inZp) << left;
        BigInteger high = FloorDiv(x * m + (BigInteger.One << 30), BigInteger.One << 31);
        BigInteger divisor = BigInteger.One << right;
        BigInteger magnitude = FloorDiv(BigInteger.Abs(high) * 2 + divisor, divisor * 2);
        long result = (long)(high.Sign < 0 ? -magnitude : magnitude) + outZp;
        return (int)Math.Clamp(result, min, max);
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var quotient = BigInteger.DivRem(a, b, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    [Theory]
    [InlineData(DataType.Int8, DataType.Int8, 0.05f, 3, 0.07f, -7)]
    [InlineData(DataType.Int8, DataType.Int16, 0.05f, -2, 0.0007f, 0)]
    [InlineData(DataType.Int8, DataType.Int32, 0.05f, 1, 0.00001f, 0)]
    [InlineData(DataType.Int16, DataType.Int8, 0.0004f, 0, 0.03f, 4)]
    [InlineData(DataType.Int16, DataType.Int16, 0.0004f, 0, 0.00031f, 0)]
    [InlineData(DataType.Int16, DataType.Int32, 0.0004f, 0, 0.000001f, 0)]
    [InlineData(DataType.Int32, DataType.Int16, 0.000001f, 0, 0.0004f, 0)]
    [InlineData(DataType.Int32, DataType.Int8, 0.000001f, 0, 0.003f, -1)]
    public void Requantize_MatchesBigIntegerReference(DataType inType, DataType outType, float inScale, int inZp, float outScale, int outZp)
    {
        var rng = new Random(7);
        int inMin = inType == DataType.Int8 ? -128 : inType == DataType.Int16 ? -32768 : -5_000_000;
        int inMax = inType == DataType.Int8 ? 127 : inType == DataType.Int16 ? 32767 : 5_000_000;
        int outMin = outType == DataType.Int8 ? -128 : outType == DataType.Int16 ? -32768 : int.MinValue;
        int outMax = outType == DataType.Int8 ? 127 : outType == DataType.Int16 ? 32767 : int.MaxValue;
        var q = Enumerable.Range(0, 400).Select(_ => rng.Next(inMin, inMax + 1)).Concat([inMin, inMax, inZp]).ToArray();
        double real = (double)inScale / outScale;
        var expected = q.Select(v => ReferenceRequantize(v, inZp, outZp, real, outMin, outMax)).ToArray();
        var actual = Quantize(inType, outType, Bytes(q, inType), q.Length, inScale, inZp, outScale, outZp);
        Assert.Equal(expected, Ints(actual, outType));
    }

    [Fact]
    public void QuantizeInt32ToInt32_IsCompileErrorNamingTypes()
    {
        var e = Assert.Throws<CompileException>(() => Quantize(DataType.Int32, DataType.Int32, new byte[8], 2, 1f, 0, 2f, 0));
        Assert.Contains("INT32 -> INT32 is not supported", e.Message);
    }

    [Theory]
    [InlineData(DataType.Int8, 0.0392157f, -128)]
    [InlineData(DataType.Int8, 1.7f, 3)]
    [InlineData(DataType.Int16, 0.000030518f, 0)]
    [InlineData(DataType.Int16, 0.1f, -7)]
    public void Dequantize_MatchesDoubleProductRoundedToFloat(DataType inType, float scale, int zeroPoint)
    {
        int size = (int)DataTypes.ByteSize(inType, 1);
        int count = inType == DataType.Int8 ? 256 : 4000;
        var input = RandomBytes(count * size, 21);
        if (inType == DataType.Int8) for (int i = 0; i < 256; i++) input[i] = (byte)i;
        var q = Ints(input, inType);
        var expected = Floats(q.Select(v => (float)((double)scale * (v - zeroPoint))).ToArray());
        var actual = RunSingle(BuiltinOperator.Dequantize, inType, [count], input, [count], outputType: DataType.Float32,
            inScale: scale, inZeroPoint: zeroPoint);
        Assert.Equal(expected, actual);
    }
}
