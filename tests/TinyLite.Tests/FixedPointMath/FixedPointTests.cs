using TinyLite.Runtime.Math;

namespace TinyLite.Tests.FixedPointMath;

public class FixedPointTests
{
    [Theory]
    // 5 / 2 = 2.5 rounds away from zero to 3; -5 / 2 to -3; 4 / 4 = 1; -6 / 4 = -1.5 to -2.
    [InlineData(5, 1, 3)]
    [InlineData(-5, 1, -3)]
    [InlineData(4, 2, 1)]
    [InlineData(-6, 2, -2)]
    [InlineData(7, 0, 7)]
    public void RoundingDivideByPot_RoundsHalfAwayFromZero(int x, int exponent, int expected)
    {
        Assert.Equal(expected, FixedPoint.RoundingDivideByPot(x, exponent));
    }

    [Fact]
    public void SaturatingRoundingDoublingHighMul_SaturatesMinTimesMin()
    {
        Assert.Equal(int.MaxValue, FixedPoint.SaturatingRoundingDoublingHighMul(int.MinValue, int.MinValue));
    }

    [Fact]
    public void MultiplyByQuantizedMultiplier_HalfMultiplierHalves()
    {
        // 2^30 in Q0.31 is 0.5; shift 0: 1000 * 0.5 = 500; shift -1: 250; shift +1: 1000.
        Assert.Equal(500, FixedPoint.MultiplyByQuantizedMultiplier(1000, 1 << 30, 0));
        Assert.Equal(250, FixedPoint.MultiplyByQuantizedMultiplier(1000, 1 << 30, -1));
        Assert.Equal(1000, FixedPoint.MultiplyByQuantizedMultiplier(1000, 1 << 30, 1));
    }
}
