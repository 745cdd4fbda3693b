using System.Diagnostics;
using TinyLite.Codegen.Audio;
using TinyLite.Runtime;
using TinyLite.Runtime.Speech;

namespace TinyLite.Cli;

/// <summary>
/// <c>tinylite demo --micro-speech</c> and <c>tinylite demo --wav FILE</c>: TFLM's micro_speech models (or the
/// user's) listening through the streaming <see cref="SpeechPipeline"/>, fed in device-sized chunks.
/// </summary>
public static class SpeechDemo
{
    /// <summary>TFLM's micro_speech labels, in the classifier's output order.</summary>
    public static readonly string[] MicroSpeechLabels = ["silence", "unknown", "yes", "no"];

    /// <summary>The samples fed per call: 32 ms, what an I2S driver might hand over.</summary>
    public const int ChunkSamples = 512;

    /// <summary>micro_speech's window step: 20 ms at 16 kHz.</summary>
    public const int HopSamples = 320;

    /// <summary>How the recognizer and the classifier are set up.</summary>
    public sealed record Settings(int ClassifyEveryRows, int AverageCount, int Threshold, int RefractoryMs, int[] IgnoredLabels);

    /// <summary>micro_speech's settings: classify every row, average 3 (60 ms), threshold 200/256, 1 s apart; silence and unknown ignored.</summary>
    public static readonly Settings MicroSpeechSettings = new(1, 3, 200, 1000, [0, 1]);

    /// <summary>The folder of the shared micro_speech models, or null when <c>../shared/models</c> is absent.</summary>
    public static string? SharedModels()
    {
        string models = Path.Combine(Boards.RepoRoot(), "..", "shared", "models");
        return File.Exists(Path.Combine(models, "micro_speech", "model.tflite")) ? Path.GetFullPath(models) : null;
    }

    /// <summary>A pipeline of the two models (.tflite or .tlm) on <paramref name="kernels"/>.</summary>
    public static SpeechPipeline Pipeline(string preprocessor, string classifier, KernelSet kernels, Settings settings)
    {
        var pre = RunCommand.Load(preprocessor, kernels);
        var cls = RunCommand.Load(classifier, kernels);
        if (cls.OutputCount != 1) throw new CliError($"{Path.GetFileName(classifier)}: a classifier has one output (it has {cls.OutputCount})");
        int labels = cls.TensorByteSize(cls.OutputTensor(0));
        var recognizer = new KeywordRecognizer(labels, settings.AverageCount, settings.Threshold, settings.RefractoryMs);
        foreach (int l in settings.IgnoredLabels)
            if (l < labels) recognizer.IgnoreLabel(l);
        try
        {
            return new SpeechPipeline(pre, cls, recognizer, HopSamples, settings.ClassifyEveryRows);
        }
        catch (Runtime.Image.ImageException e)
        {
            throw new CliError($"{Path.GetFileName(preprocessor)} + {Path.GetFileName(classifier)}: {e.Message}");
        }
    }

    /// <summary>One event: label index, score (0..255), time in ms from the start of the stream.</summary>
    public readonly record struct Heard(int Label, int Score, long TimeMs);

    /// <summary>Feeds <paramref name="samples"/> in <see cref="ChunkSamples"/> chunks; the events in order.</summary>
    public static List<Heard> Listen(SpeechPipeline pipeline, short[] samples)
    {
        var heard = new List<Heard>();
        for (int at = 0; at < samples.Length; at += ChunkSamples)
        {
            pipeline.Feed(samples, at, Math.Min(ChunkSamples, samples.Length - at));
            if (pipeline.PollEvent())
                heard.Add(new Heard(pipeline.Recognizer.EventLabel, pipeline.Recognizer.EventScore, pipeline.Recognizer.EventTimeMs));
        }
        return heard;
    }

    /// <summary>Label <paramref name="index"/> by name, or "label N" beyond the names given.</summary>
    public static string Name(string[] labels, int index) => index >= 0 && index < labels.Length ? labels[index] : $"label {index}";

    /// <summary><c>demo --micro-speech</c>: the four TFLM test WAVs one by one, then back to back as one stream.</summary>
    public static int RunMicroSpeech(TextWriter output, KernelSet kernels)
    {
        string models = SharedModels() ?? throw new CliError(ToolFiles.InCheckout
            ? "demo --micro-speech: ../shared/models (TFLM's micro_speech models and test WAVs) is not beside the repository"
            : $"demo --micro-speech: TFLM's micro_speech models and test WAVs are not in {Path.GetFullPath(Path.Combine(Boards.RepoRoot(), "..", "shared", "models"))} " +
              "(outside a TinyLite checkout, tinylite looks for ../shared/models from the current folder)");
        string pre = Path.Combine(models, "micro_speech_audio_preprocessor_int8", "model.tflite");
        string cls = Path.Combine(models, "micro_speech", "model.tflite");
        string wavs = Path.Combine(models, "micro_speech_audio_preprocessor_int8", "wavs");
        var pipeline = Pipeline(pre, cls, kernels, MicroSpeechSettings);
        string kernelName = KernelSets.Names.Name(kernels);
        output.WriteLine($"TinyLite demo: TFLM micro_speech through the streaming pipeline ({kernelName} kernels, {ChunkSamples}-sample chunks)");
        output.WriteLine($"  audio preprocessor (Signal ops) 480 samples -> 40 features every 20 ms; classifier on the last 49 rows -> {string.Join(" / ", MicroSpeechLabels)}");
        (string Clip, string Expected)[] clips = [("yes_1000ms", "yes"), ("no_1000ms", "no"), ("silence_1000ms", "silence"), ("noise_1000ms", "silence")];
        int right = 0;
        var stream = new List<short>();
        foreach (var (clip, expected) in clips)
        {
            short[] samples = WavFile.Read(Path.Combine(wavs, clip + ".wav"));
            stream.AddRange(samples);
            pipeline.Reset();
            Listen(pipeline, samples);
            int top = pipeline.Recognizer.TopLabel;
            string got = Name(MicroSpeechLabels, top);
            if (got == expected) right++;
            string golden = Path.Combine(models, "micro_speech_audio_preprocessor_int8", "golden", $"wav_{clip}_seq.output0.bin");
            bool exact = File.Exists(golden) && pipeline.FrontEnd.Features.AsSpan().SequenceEqual(File.ReadAllBytes(golden));
            output.WriteLine($"  {clip}.wav: heard '{got}' ({pipeline.Recognizer.TopScore}/256; expected '{expected}'); " +
                             $"scores {string.Join(" ", pipeline.Scores)}; 49 feature rows {(exact ? "bit-exact with TFLM" : "DIFFER from TFLM")}");
        }
        output.WriteLine($"  {right}/{clips.Length} clips heard as TFLM's example expects");

        // The same clips as one 4-second stream: the recognizer's events, as a device would report them.
        short[] all = stream.ToArray();
        pipeline.Reset();
        var clock = Stopwatch.StartNew();
        var heard = Listen(pipeline, all);
        double ms = clock.Elapsed.TotalMilliseconds;
        output.WriteLine($"  one stream of the four ({all.Length / 16000.0:F1} s of audio, {ms:F0} ms to process, {pipeline.Classifications} classifications):");
        foreach (var h in heard)
            output.WriteLine($"    {h.TimeMs / 1000.0,6:F2} s  '{Name(MicroSpeechLabels, h.Label)}' ({h.Score}/256)");
        if (heard.Count == 0) output.WriteLine("    (no keyword events)");
        return right == clips.Length ? 0 : 1;
    }

    /// <summary><c>demo --wav FILE</c>: listens to <paramref name="samples"/> (read from <paramref name="wav"/>) and prints what it hears, and when.</summary>
    public static int RunWav(TextWriter output, string wav, short[] samples, string preprocessor, string classifier, string[] labels, KernelSet kernels, Settings settings)
    {
        var pipeline = Pipeline(preprocessor, classifier, kernels, settings);
        var clock = Stopwatch.StartNew();
        var heard = Listen(pipeline, samples);
        double ms = clock.Elapsed.TotalMilliseconds;
        double seconds = samples.Length / (double)WavFile.SampleRateHz;
        output.WriteLine($"{wav}: {seconds:F2} s of audio, {pipeline.FrontEnd.RowsProduced} feature rows, {pipeline.Classifications} classifications, " +
                         $"{ms:F0} ms ({KernelSets.Names.Name(kernels)} kernels)");
        foreach (var h in heard)
            output.WriteLine($"  {h.TimeMs / 1000.0,6:F2} s  '{Name(labels, h.Label)}' ({h.Score}/256)");
        if (heard.Count == 0)
            output.WriteLine(pipeline.Classifications == 0
                ? $"  (too short: the classifier needs {pipeline.FrontEnd.Rows} rows, {(pipeline.FrontEnd.Rows - 1) * HopSamples + pipeline.FrontEnd.WindowSamples} samples)"
                : $"  no keyword heard (last top label '{Name(labels, pipeline.Recognizer.TopLabel)}', {pipeline.Recognizer.TopScore}/256)");
        return 0;
    }
}
