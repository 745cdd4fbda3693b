using System.Diagnostics;
using TinyLite.Codegen.Audio;

namespace TinyLite.Cli;

/// <summary>
/// <c>tinylite demo --wake-word</c>: the project's own wake-word model (<c>demo/wake</c>, its README is the contract)
/// listens to <c>demo/wake/clip.wav</c> (held-back voices; the wake word among other words and near misses) through
/// the same <see cref="Runtime.Speech.SpeechPipeline"/> as the keyword demo, and prints each detection next to
/// <c>clip_truth.csv</c>, then the false-accept / false-reject trade-off measured on the held-back streams
/// (<c>training_log.txt</c>). Needs nothing outside the repository.
/// </summary>
public static class WakeDemo
{
    private static readonly string[] Files = ["frontend.tflite", "wake_marvin.tflite", "labels.txt", "clip.wav", "clip_truth.csv", "training_log.txt"];

    /// <summary>
    /// The default threshold (probability × 256): the one with the fewest false rejects on the held-back streams
    /// among those with at most two false accepts per hour (demo/wake/training_log.txt).
    /// </summary>
    public const int DefaultThreshold = 204;

    /// <summary>Classify every row, average 12 classifications (240 ms), 1 s between events, silence and unknown ignored.</summary>
    public static SpeechDemo.Settings Settings(int threshold) => new(1, 12, threshold, 1000, [0, 1]);

    /// <summary>The folder of the project's wake-word data.</summary>
    public static string Folder() => Path.Combine(Boards.RepoRoot(), "demo", "wake");

    /// <summary>True when every file the demo reads is there.</summary>
    public static bool Available() => Files.All(f => File.Exists(Path.Combine(Folder(), f)));

    public static int Run(TextWriter output, KernelSet kernels, int threshold)
    {
        if (!Available()) throw new CliError("demo --wake-word: demo/wake does not hold the wake-word model and clip");
        var clock = Stopwatch.StartNew();
        string dir = Folder();
        string[] labels = File.ReadAllLines(Path.Combine(dir, "labels.txt")).Where(l => l.Length > 0).ToArray();
        string wake = labels[^1];
        short[] samples = WavFile.Read(Path.Combine(dir, "clip.wav"));
        var pipeline = SpeechDemo.Pipeline(Path.Combine(dir, "frontend.tflite"), Path.Combine(dir, "wake_marvin.tflite"), kernels, Settings(threshold));
        output.WriteLine($"TinyLite demo: wake word '{wake}' with the project's own model (demo/wake, {KernelSets.Names.Name(kernels)} kernels, " +
                         $"threshold {threshold}/256{(threshold == DefaultThreshold ? ", the default" : "")})");
        var heard = SpeechDemo.Listen(pipeline, samples);
        output.WriteLine($"  streamed demo/wake/clip.wav ({samples.Length / (double)WavFile.SampleRateHz:F1} s, voices training never used) in " +
                         $"{SpeechDemo.ChunkSamples}-sample chunks: {pipeline.Classifications} classifications");

        // A wake word counts as heard when a detection comes between its start and one second after its end.
        var used = new bool[heard.Count];
        int wakes = 0, hits = 0;
        foreach (string line in File.ReadAllLines(Path.Combine(dir, "clip_truth.csv")).Skip(1).Where(l => l.Trim().Length > 0))
        {
            string[] f = line.Split(',');
            if (f.Length < 4 || !int.TryParse(f[1], out int start) || !int.TryParse(f[2], out int end))
                throw new CliError($"demo/wake/clip_truth.csv: '{line}' is not label,start_ms,end_ms,word");
            bool isWake = f[0] == wake;
            int match = -1;
            for (int h = 0; h < heard.Count && isWake && match < 0; h++)
                if (!used[h] && heard[h].TimeMs >= start && heard[h].TimeMs <= end + 1000) match = h;
            if (isWake) wakes++;
            if (match >= 0)
            {
                used[match] = true;
                hits++;
            }
            string verdict = !isWake
                ? (heard.Any(h => h.TimeMs >= start && h.TimeMs <= end + 1000) ? "(not the wake word; a detection came near it)" : "(not the wake word: no detection, right)")
                : match >= 0 ? $"DETECTED at {heard[match].TimeMs / 1000.0:F2} s ({heard[match].Score}/256)" : "MISSED";
            output.WriteLine($"    {start / 1000.0,6:F2}-{end / 1000.0:F2} s  said '{f[3]}': {verdict}");
        }
        for (int h = 0; h < heard.Count; h++)
            if (!used[h])
                output.WriteLine($"    {heard[h].TimeMs / 1000.0,6:F2} s  FALSE ACCEPT ({heard[h].Score}/256)");
        output.WriteLine($"  clip: {hits}/{wakes} wake words detected, {used.Count(u => !u)} false accept(s)");

        output.WriteLine("  trade-off on the held-back streams (demo/wake/training_log.txt):");
        foreach (string line in File.ReadAllLines(Path.Combine(dir, "training_log.txt")).SkipWhile(l => !l.StartsWith("streaming trade-off", StringComparison.Ordinal)))
            if (line.StartsWith('|') || line.StartsWith("streaming", StringComparison.Ordinal) || line.StartsWith("default", StringComparison.Ordinal))
                output.WriteLine("    " + line);
        output.WriteLine($"  done in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
