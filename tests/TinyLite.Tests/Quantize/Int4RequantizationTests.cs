using TinyLite.Codegen.Quantize;

namespace TinyLite.Tests.Quantize;

/// <summary>The int8 → int4 requantization arithmetic on hand-worked values.</summary>
public class Int4RequantizationTests
{
    [Theory]
    [InlineData(127, 127, 7)]    // the channel's largest value maps to 7
    [InlineData(9, 127, 0)]      // 63/127 = 0.496
    [InlineData(10, 127, 1)]     // 70/127 = 0.551
    [InlineData(-10, 127, -1)]
    [InlineData(-73, 127, -4)]   // 511/127 = 4.02
    [InlineData(1, 14, 1)]       // 7/14 = 0.5: ties away from zero
    [InlineData(-1, 14, -1)]
    [InlineData(3, 14, 2)]       // 21/14 = 1.5
    [InlineData(20, 14, 7)]      // 140/14 = 10, clipped to 7
    [InlineData(-20, 14, -7)]
    [InlineData(5, 0, 0)]        // an all-zero channel (range 0) stays 0
    public void Weight_IsRoundedSevenQOverRange(int q, int range, int expected) =>
        Assert.Equal(expected, Int4Requantization.Weight((sbyte)q, range));

    [Fact]
    public void Scale_GrowsByRangeOverSeven()
    {
        Assert.Equal(0.02f * 127 / 7, Int4Requantization.Scale(0.02f, 127), 6);
        Assert.Equal(0.5f, Int4Requantization.Scale(0.25f, 14));
        Assert.Equal(0.25f, Int4Requantization.Scale(0.25f, 0));
    }

    [Theory]
    [InlineData(1000, 127, 55)]     // 7000/127 = 55.12
    [InlineData(-635, 127, -35)]    // exact
    [InlineData(1, 14, 1)]          // 0.5: away from zero
    [InlineData(-1, 14, -1)]
    [InlineData(int.MaxValue, 1, int.MaxValue)] // ×7 saturates
    [InlineData(int.MinValue, 1, int.MinValue)]
    public void Bias_IsRoundedSevenBOverRangeSaturated(int bias, int range, int expected) =>
        Assert.Equal(expected, Int4Requantization.Bias(bias, range));

    [Fact]
    public void ChannelRange_ClipsOneOutlierWhenThatLowersTheError()
    {
        // One 15 and twenty 3s. Squared error Σ(7q - r·int4(q))²: r = 15 → 0 + 20·(21-15)² = 720;
        // r = 14 → 49 + 20·49 = 1029; r = 13 → 196 + 20·25 = 696; r = 12 → 441 + 20·9 = 621 (least);
        // r = 11 → 784 + 20 = 804; r = 10 → 1225 + 20 = 1245; ... r = 8 → 2401 + 180.
        var channel = new sbyte[21];
        Array.Fill(channel, (sbyte)3);
        channel[7] = 15;
        Assert.Equal(new[] { 12 }, Int4Requantization.ChannelRange(channel, 1, 1, 21));
    }

    [Fact]
    public void ChannelRange_KeepsTheMaximumWhenNothingIsGained()
    {
        // [8, 1, 1, 1]: r = 8 → 0 + 3·(7-8)² = 3; r = 7 → (56-49)² = 49; lower r only worse.
        Assert.Equal(new[] { 8 }, Int4Requantization.ChannelRange([8, 1, 1, 1], 1, 1, 4));
    }

    [Fact]
    public void ChannelRange_TakesEachChannelAlongTheMiddleAxis()
    {
        // [outer 2, channels 2, inner 1]: channel 0 = {8, -8}, channel 1 = {0, 0}.
        Assert.Equal(new[] { 8, 0 }, Int4Requantization.ChannelRange([8, 0, -8, 0], 2, 2, 1));
    }

    [Fact]
    public void RoundRatio_NonPositiveDenominator_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Int4Requantization.RoundRatio(1, 7, 0));
}
