using TinyLite.Runtime.Kernels.Float;

namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// <see cref="FloatMath"/> against the host's libm (glibc's expf and tanhf, which TFLM's reference kernels call
/// through std::exp and std::tanh; .NET's MathF.Exp and MathF.Tanh call them on Linux) on an even sweep of float
/// bit patterns. native-kernels/tests/float_math_sweep.c runs all 2^32 floats for the C twin (docs/FLOAT.md).
/// </summary>
public class FloatMathTests
{
    // The two floats where glibc's FMA variant of expf (selected on x86-64 CPUs with FMA) rounds differently from
    // its generic variant, which FloatMath reproduces (found by the exhaustive sweep).
    private static readonly int[] ExpFmaOnlyInputs = [0x4202422f, unchecked((int)0xc27c65d9)];

    private static IEnumerable<int> SweepBits(int step)
    {
        for (long bits = 0; bits <= uint.MaxValue; bits += step) yield return unchecked((int)bits);
    }

    [SkippableFact]
    public void Exp_MatchesGlibcExpf_OnEvery997thFloat()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the reference is glibc's expf");
        var mismatches = new List<string>();
        foreach (int bits in SweepBits(997).Concat(ExpFmaOnlyInputs))
        {
            float x = BitConverter.Int32BitsToSingle(bits);
            float ours = FloatMath.Exp(x), libm = MathF.Exp(x);
            if (BitConverter.SingleToInt32Bits(ours) != BitConverter.SingleToInt32Bits(libm) && !(float.IsNaN(ours) && float.IsNaN(libm))
                && !ExpFmaOnlyInputs.Contains(bits))
                mismatches.Add($"exp({x:R} = 0x{bits:x8}): ours {ours:R}, glibc {libm:R}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public void Exp_GivesGlibcGenericExpfValues_WhereTheFmaVariantDiffers()
    {
        // Values of glibc 2.36's generic expf (GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA), the path without fused
        // multiply-add that newlib on Cortex-M shares; the FMA variant gives 0x1.f93e38p+46 and 0x1.f45326p-92.
        Assert.Equal(BitConverter.Int32BitsToSingle(0x56fc9f1b), FloatMath.Exp(BitConverter.Int32BitsToSingle(0x4202422f)));
        Assert.Equal(BitConverter.Int32BitsToSingle(0x11fa2992), FloatMath.Exp(BitConverter.Int32BitsToSingle(unchecked((int)0xc27c65d9))));
    }

    [SkippableFact]
    public void Tanh_MatchesGlibcTanhf_OnEvery997thFloat()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the reference is glibc's tanhf");
        var mismatches = new List<string>();
        foreach (int bits in SweepBits(997))
        {
            float x = BitConverter.Int32BitsToSingle(bits);
            float ours = FloatMath.Tanh(x), libm = MathF.Tanh(x);
            if (BitConverter.SingleToInt32Bits(ours) != BitConverter.SingleToInt32Bits(libm) && !(float.IsNaN(ours) && float.IsNaN(libm)))
                mismatches.Add($"tanh({x:R} = 0x{bits:x8}): ours {ours:R}, glibc {libm:R}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [Theory]
    [InlineData(0f, 1f)]
    [InlineData(1f, 2.71828175f)]              // e rounded to float
    [InlineData(-1f, 0.36787945f)]             // 1/e rounded to float
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(float.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(89f, float.PositiveInfinity)]  // above log(FLT_MAX)
    [InlineData(-110f, 0f)]                    // below log of the smallest subnormal
    public void Exp_HandWorkedValues(float x, float expected) => Assert.Equal(expected, FloatMath.Exp(x));

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(30f, 1f)]
    [InlineData(-30f, -1f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(1e-30f, 1e-30f)]               // tanh(x) rounds to x for tiny x
    [InlineData(0.5f, 0.46211716f)]            // tanh(0.5) = 0.46211715726... rounded to float
    public void Tanh_HandWorkedValues(float x, float expected) => Assert.Equal(expected, FloatMath.Tanh(x));
}
