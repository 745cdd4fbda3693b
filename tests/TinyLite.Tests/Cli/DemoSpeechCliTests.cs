using TinyLite.Codegen.Audio;

namespace TinyLite.Tests.Cli;

/// <summary><c>tinylite demo --wav</c> and <c>demo --micro-speech</c>: bad audio is one error line; TFLM's clips are heard.</summary>
[Collection("Console")]
public sealed class DemoSpeechCliTests() : TempFolderTests("tinylite-wav-")
{
    private string File(string name, byte[] bytes)
    {
        string path = Path.Combine(TempDir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A valid 16 kHz mono file of <paramref name="samples"/> zeros with one header field changed.</summary>
    private static byte[] Patched(int samples, int at, int value, int width)
    {
        byte[] bytes = WavFile.Write(new short[samples]);
        if (width == 2) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(at), (short)value);
        else BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), value);
        return bytes;
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "empty", "empty file (0 bytes)" },
        { "truncated", "truncated: the 'data' chunk declares 3200 bytes, the file holds 1000" },
        { "rate", "sample rate 8000 Hz" },
        { "stereo", "2 channels" },
        { "float", "audio format 3 (IEEE float)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void DemoWav_BadFile_OneErrorLineAndExitCode1(string kind, string expected)
    {
        byte[] bytes = kind switch
        {
            "empty" => [],
            "truncated" => WavFile.Write(new short[1600]).AsSpan(0, 1044).ToArray(),
            "rate" => Patched(1600, 24, 8000, 4),          // the 'fmt ' chunk's sample rate
            "stereo" => Patched(1600, 22, 2, 2),           // channels
            _ => Patched(1600, 20, 3, 2),                  // format tag 3: IEEE float
        };
        string path = File(kind + ".wav", bytes);
        var r = CliRunner.Run("demo", "--wav", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal($"tinylite: error: {path}: ", r.Stderr[..$"tinylite: error: {path}: ".Length]);
        Assert.Contains(expected, r.Stderr);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
    }

    [SkippableFact]
    public void DemoMicroSpeech_HearsTheFourClipsAsTflmExpects()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var r = CliRunner.Run("demo", "--micro-speech");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("yes_1000ms.wav: heard 'yes'", r.Stdout);
        Assert.Contains("no_1000ms.wav: heard 'no'", r.Stdout);
        Assert.Contains("4/4 clips heard as TFLM's example expects", r.Stdout);
        Assert.DoesNotContain("DIFFER", r.Stdout);
    }

    [SkippableFact]
    public void DemoWav_TflmYesClip_ReportsYesAtTheEndOfTheSecond()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        string wav = Path.Combine(SharedModels.Dir("micro_speech_audio_preprocessor_int8"), "wavs", "yes_1000ms.wav");
        var r = CliRunner.Run("demo", "--wav", wav);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        // The 49th window ends at sample 15,840: 990 ms.
        Assert.Contains("0.99 s  'yes'", r.Stdout);
    }

    [SkippableFact]
    public void Demo_WithTheProjectsKeywordData_StreamsTheClipAndReportsAccuracy()
    {
        Skip.IfNot(TinyLite.Cli.KwsDemo.Available(), "demo/kws does not hold the keyword model, clip and held-back data yet: the default demo is the line detector");
        var r = CliRunner.Run("demo");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("streamed demo/kws/clip.wav", r.Stdout);
        Assert.Matches(@"clip: \d+/\d+ keywords heard at the right time, \d+ false alarm\(s\)", r.Stdout);
        Assert.Matches(@"held-back clips .*: \d+/\d+ classified right, accuracy \d+\.\d%", r.Stdout);
    }
}
