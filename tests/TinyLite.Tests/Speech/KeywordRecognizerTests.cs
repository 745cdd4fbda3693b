using TinyLite.Runtime.Speech;

namespace TinyLite.Tests.Speech;

/// <summary>The recognizer's smoothing, threshold, refractory period and event polling on hand-made score sequences.</summary>
public class KeywordRecognizerTests
{
    [Fact]
    public void Threshold_IsInclusive_AndABelowThresholdTopMakesNoEvent()
    {
        var r = new KeywordRecognizer(labelCount: 3, averageCount: 1, threshold: 200, refractoryMs: 0);
        Assert.True(r.Update([10, 220, 25], 0));
        Assert.Equal((1, 220, 0L), (r.EventLabel, r.EventScore, r.EventTimeMs));
        Assert.False(r.Update([10, 199, 46], 20));
        Assert.Equal((1, 199), (r.TopLabel, r.TopScore));
        Assert.True(r.Update([0, 200, 55], 40));
        Assert.Equal((1, 200, 40L), (r.EventLabel, r.EventScore, r.EventTimeMs));
        Assert.Equal(2, r.EventCount);
    }

    [Fact]
    public void Averaging_SuppressesAOneClassificationSpike()
    {
        // Over four classifications one 255 among zeros averages to 255 / 4 = 63, below 100; unsmoothed it fires.
        int[][] sequence = [[255, 0], [0, 255], [255, 0], [255, 0], [255, 0]];
        var smoothed = new KeywordRecognizer(2, averageCount: 4, threshold: 100, refractoryMs: 0);
        var raw = new KeywordRecognizer(2, averageCount: 1, threshold: 100, refractoryMs: 0);
        smoothed.IgnoreLabel(0);
        raw.IgnoreLabel(0);
        var smoothedEvents = sequence.Select((s, i) => smoothed.Update(s, 20 * i)).ToArray();
        var rawEvents = sequence.Select((s, i) => raw.Update(s, 20 * i)).ToArray();
        Assert.Equal([false, false, false, false, false], smoothedEvents);
        Assert.Equal([false, true, false, false, false], rawEvents);
        // After the fifth the first classification has dropped out: label 1 holds 255, 0, 0, 0 and label 0 0, 255, 255, 255.
        Assert.Equal(63, smoothed.AverageScore(1));
        Assert.Equal(191, smoothed.AverageScore(0));
    }

    [Fact]
    public void Averaging_UsesTheLastCountClassifications_AndMinimumCountDelaysTheFirstEvent()
    {
        var r = new KeywordRecognizer(2, averageCount: 3, threshold: 150, refractoryMs: 0) { MinimumCount = 3 };
        Assert.False(r.Update([0, 255], 0));     // 1 held: below the minimum count (alone it would be 255)
        Assert.False(r.Update([255, 0], 20));    // 2 held
        Assert.True(r.Update([0, 255], 40));     // label 1: (255 + 0 + 255) / 3 = 170
        Assert.Equal((1, 170), (r.EventLabel, r.EventScore));
        Assert.True(r.Update([255, 0], 60));     // the first [0,255] drops out: label 0 (255 + 0 + 255) / 3 = 170
        Assert.Equal((0, 170, 60L), (r.EventLabel, r.EventScore, r.EventTimeMs));
    }

    [Fact]
    public void Average_IsTheTruncatedIntegerMean()
    {
        var r = new KeywordRecognizer(2, averageCount: 2, threshold: 200, refractoryMs: 0);
        Assert.True(r.Update([0, 201], 0));
        Assert.False(r.Update([0, 198], 20));    // (201 + 198) / 2 = 199.5 -> 199
        Assert.Equal(199, r.TopScore);
    }

    [Fact]
    public void Refractory_BlocksEveryLabelUntilItsEnd()
    {
        var r = new KeywordRecognizer(3, averageCount: 1, threshold: 100, refractoryMs: 1000);
        Assert.True(r.Update([0, 0, 255], 0));
        Assert.False(r.Update([0, 0, 255], 500));
        Assert.False(r.Update([0, 255, 0], 999));   // another label, still inside the period
        Assert.True(r.Update([0, 255, 0], 1000));   // the period is [0, 1000)
        Assert.Equal((1, 1000L), (r.EventLabel, r.EventTimeMs));
        Assert.Equal(2, r.EventCount);
    }

    [Fact]
    public void IgnoredLabel_WinsTheTopButMakesNoEvent()
    {
        var r = new KeywordRecognizer(2, averageCount: 1, threshold: 100, refractoryMs: 0);
        r.IgnoreLabel(0);
        Assert.False(r.Update([250, 5], 0));
        Assert.Equal((0, 250), (r.TopLabel, r.TopScore));
        Assert.Equal(-1, r.EventLabel);
        Assert.False(r.PollEvent());
    }

    [Fact]
    public void PollEvent_ReturnsEachEventOnce_AndResetForgetsEverything()
    {
        var r = new KeywordRecognizer(2, averageCount: 2, threshold: 100, refractoryMs: 5000);
        Assert.False(r.PollEvent());
        r.Update([0, 200], 0);
        Assert.True(r.PollEvent());
        Assert.False(r.PollEvent());
        r.Reset();
        Assert.Equal((-1, 0, 0), (r.EventLabel, r.EventCount, r.AverageScore(1)));
        // After the reset the refractory period of the old event is gone and the old scores do not count.
        Assert.True(r.Update([0, 120], 10));
        Assert.Equal(120, r.EventScore);
        Assert.True(r.PollEvent());
    }

    [Fact]
    public void Constructor_And_MinimumCount_RefuseNonsense()
    {
        Assert.Throws<ImageException>(() => new KeywordRecognizer(0, 1, 1, 0));
        Assert.Throws<ImageException>(() => new KeywordRecognizer(2, 0, 1, 0));
        Assert.Throws<ImageException>(() => new KeywordRecognizer(2, 1, 1, -1));
        var r = new KeywordRecognizer(2, 3, 1, 0);
        Assert.Throws<ImageException>(() => r.MinimumCount = 4);
        Assert.Throws<ImageException>(() => r.MinimumCount = 0);
    }
}
