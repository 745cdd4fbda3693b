using System.Diagnostics;

namespace TinyLite.KwsTrain;

/// <summary>
/// Renders words with espeak-ng (22.05 kHz) and resamples them to 16 kHz mono with sox, caching each rendering as
/// a WAV file; loading trims leading and trailing near-silence.
/// </summary>
public sealed class Speech(string cacheDir)
{
    /// <summary>Renders every utterance not yet in the cache, two processes at a time.</summary>
    public void Render(IReadOnlyList<Utterance> utterances)
    {
        Directory.CreateDirectory(cacheDir);
        var missing = utterances.Where(u => !File.Exists(Path.Combine(cacheDir, u.FileName))).Distinct().ToList();
        int done = 0;
        Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = 2 }, u =>
        {
            string target = Path.Combine(cacheDir, u.FileName);
            string raw = target + ".raw.wav";
            Run("espeak-ng", ["-v", $"{u.Accent}+{u.Variant}", "-s", u.Speed.ToString(), "-p", u.Pitch.ToString(), "-w", raw, u.Word]);
            // -R: repeatable, SoX seeds its dither with a fixed number (otherwise every rendering differs in the last bits).
            Run("sox", ["-R", raw, "-r", "16000", "-c", "1", "-b", "16", target + ".tmp.wav"]);
            File.Move(target + ".tmp.wav", target, overwrite: true);
            File.Delete(raw);
            int n = Interlocked.Increment(ref done);
            if (n % 100 == 0) Console.WriteLine($"  rendered {n}/{missing.Count}");
        });
    }

    /// <summary>The utterance's 16 kHz samples, trimmed to where its level first and last exceeds 2% of its peak.</summary>
    public short[] Load(Utterance u)
    {
        var (samples, rate) = Wav.Read(Path.Combine(cacheDir, u.FileName));
        if (rate != 16000) throw new InvalidDataException($"{u.FileName}: {rate} Hz");
        int peak = 1;
        foreach (short s in samples) peak = Math.Max(peak, Math.Abs((int)s));
        int threshold = peak / 50;
        int first = Array.FindIndex(samples, s => Math.Abs((int)s) > threshold);
        int last = Array.FindLastIndex(samples, s => Math.Abs((int)s) > threshold);
        return first < 0 ? samples : samples[first..(last + 1)];
    }

    private static void Run(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {tool}");
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {err}");
    }
}
