using TinyLite.Runtime.Kernels.Activations;

namespace TinyLite.Tests.Kernels.Activations;

/// <summary>
/// The gemmlowp-style fixed-point functions against the real functions (Math.Exp, Math.Tanh, ...): their
/// results must be within 5e-7 of the exact value over their whole input range (gemmlowp's polynomial and
/// Newton steps are accurate to about 2e-7; a wrong constant or step is off by far more).
/// Bit-exactness with TFLM is shown on real data by the softmax intermediates tests.
/// </summary>
public class FixedPointFunctionsTests
{
    private const double Q0 = 2147483648.0;

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(5)]
    public void ExpOnNegativeValues_CloseToExp(int integerBits)
    {
        double unit = Math.Pow(2, 31 - integerBits);
        for (double x = 0; x > -Math.Min(16, Math.Pow(2, integerBits)); x -= 0.0137)
        {
            int raw = (int)Math.Round(x * unit);
            double expected = Math.Exp(raw / unit);
            Assert.InRange(FixedPointFunctions.ExpOnNegativeValues(raw, integerBits) / Q0, expected - 5e-7, expected + 5e-7);
        }
        Assert.Equal(int.MaxValue, FixedPointFunctions.ExpOnNegativeValues(0, integerBits));
    }

    [Fact]
    public void OneOverOnePlusX_CloseToReciprocal()
    {
        for (double x = 0; x < 1; x += 0.00731)
        {
            int raw = (int)(x * Q0);
            double expected = 1 / (1 + raw / Q0);
            Assert.InRange(FixedPointFunctions.OneOverOnePlusX(raw) / Q0, expected - 5e-7, expected + 5e-7);
        }
    }

    [Fact]
    public void LogisticAndTanh_CloseToMath()
    {
        const int bits = 4;
        double unit = Math.Pow(2, 31 - bits);
        for (double x = -15.9; x < 15.9; x += 0.0311)
        {
            int raw = (int)Math.Round(x * unit);
            double real = raw / unit;
            double logistic = 1 / (1 + Math.Exp(-real));
            Assert.InRange(FixedPointFunctions.Logistic(raw, bits) / Q0, logistic - 5e-7, logistic + 5e-7);
            Assert.InRange(FixedPointFunctions.Tanh(raw, bits) / Q0, Math.Tanh(real) - 5e-7, Math.Tanh(real) + 5e-7);
        }
        Assert.Equal(1 << 30, FixedPointFunctions.Logistic(0, bits));
        Assert.Equal(0, FixedPointFunctions.Tanh(0, bits));
    }
}
