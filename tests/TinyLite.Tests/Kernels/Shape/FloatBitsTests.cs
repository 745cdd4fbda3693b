using TinyLite.Runtime.Math;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>The device's allocation-free float32 encode/decode against .NET's BitConverter.</summary>
public class FloatBitsTests
{
    /// <summary>Bit patterns from every class: zeros, subnormals, normals at both exponent ends, infinities.</summary>
    public static IEnumerable<object[]> Patterns()
    {
        int[] fixedBits = [0, 1, 2, 0x007FFFFF, 0x00800000, 0x00800001, 0x3F800000, 0x3F800001, 0x3FFFFFFF, 0x40490FDB,
            0x7F7FFFFF, 0x7F800000, 0x4B000000, 0x4AFFFFFF, 0x34000000, 0x0C000000, 0x3E99999A, 0x5F000000];
        foreach (int b in fixedBits)
        {
            yield return [b];
            yield return [b | int.MinValue];
        }
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void FromBitsAndToBits_RoundTripSpecialPatterns(int bits)
    {
        Assert.Equal(BitConverter.Int32BitsToSingle(bits), FloatBits.FromBits(bits));
        if (bits != int.MinValue) Assert.Equal(bits, FloatBits.ToBits(BitConverter.Int32BitsToSingle(bits)));
    }

    [Fact]
    public void FromBitsAndToBits_MatchBitConverterOnRandomPatterns()
    {
        var rng = new Random(5);
        for (int i = 0; i < 200_000; i++)
        {
            int bits = rng.Next(int.MinValue, int.MaxValue);
            float value = BitConverter.Int32BitsToSingle(bits);
            if (float.IsNaN(value))
            {
                Assert.True(float.IsNaN(FloatBits.FromBits(bits)));
                // Still a NaN with the same sign (a signalling NaN may come back quieted).
                Assert.True(float.IsNaN(BitConverter.Int32BitsToSingle(FloatBits.ToBits(value))));
                Assert.Equal(bits & int.MinValue, FloatBits.ToBits(value) & int.MinValue);
                continue;
            }
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(FloatBits.FromBits(bits)));
            Assert.Equal(bits, FloatBits.ToBits(value));
        }
    }

    [Fact]
    public void ToBits_NegativeZero_KeepsTheSignBit()
    {
        Assert.Equal(int.MinValue, FloatBits.ToBits(-0f));
    }
}
