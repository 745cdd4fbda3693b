namespace TinyLite.Tests.Cli;

/// <summary><c>tinylite demo --wake-word</c>: the project's wake-word model on its committed clip, against the clip's truth.</summary>
[Collection("Console")]
public sealed class WakeDemoCliTests
{
    [Fact]
    public void DemoWakeWord_DetectsTheClipsWakeWords_AndPrintsTheTradeOff()
    {
        var r = CliRunner.Run("demo", "--wake-word");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("streamed demo/wake/clip.wav", r.Stdout);
        // The floor WakeWordTests holds the model to on this clip (3 of 4, at most one false accept).
        Assert.Matches(@"clip: [34]/4 wake words detected, [01] false accept\(s\)", r.Stdout);
        Assert.Contains("said 'marvin': DETECTED at", r.Stdout);
        Assert.Contains("| threshold (/256) |", r.Stdout);
        Assert.Matches(@"default threshold: \d+", r.Stdout);
    }

    [Fact]
    public void DemoWakeWord_ThresholdAboveAnyScore_MissesEveryWakeWord()
    {
        var r = CliRunner.Run("demo", "--wake-word", "--threshold", "256");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("clip: 0/4 wake words detected, 0 false accept(s)", r.Stdout);
        Assert.Contains("MISSED", r.Stdout);
    }
}
