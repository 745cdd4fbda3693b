using System.Diagnostics;
using TinyLite.Codegen.Audio;
using TinyLite.Runtime;
using TinyLite.Runtime.Speech;

namespace TinyLite.Cli;

/// <summary>
/// The default <c>tinylite demo</c> once the project's own keyword data is in <c>demo/kws</c> (its README is the
/// contract): streams <c>clip.wav</c> through the speech pipeline with the project's front end and classifier, prints
/// what it heard and when next to <c>clip_truth.csv</c>, then the classifier's accuracy on the held-back clips.
/// Needs nothing outside the repository.
/// </summary>
public static class KwsDemo
{
    private static readonly string[] Files =
        ["frontend.tflite", "kws_yes_no.tflite", "labels.txt", "clip.wav", "clip_truth.csv", "heldout_features.bin", "heldout_labels.txt"];

    /// <summary>
    /// The recognizer for the project's model: classify every row, average 12 classifications (240 ms), threshold
    /// 179/256 (0.7), 1 s between events; the settings tools/kws-train's <c>listen</c> check uses, and it hears the
    /// same words at the same times.
    /// </summary>
    public static readonly SpeechDemo.Settings DemoSettings = new(1, 12, 179, 1000, []);

    /// <summary>The folder of the project's keyword data (an installed tool carries a copy, <see cref="ToolFiles"/>).</summary>
    public static string Folder() => ToolFiles.Folder(Path.Combine("demo", "kws"));

    /// <summary>True when every file the demo reads is there.</summary>
    public static bool Available() => Files.All(f => File.Exists(Path.Combine(Folder(), f)));

    /// <summary>One truth row: a word and when it was said.</summary>
    private sealed record Word(string Label, int StartMs, int EndMs, string Text);

    public static int Run(TextWriter output, KernelSet kernels)
    {
        var clock = Stopwatch.StartNew();
        string dir = Folder();
        string[] labels = File.ReadAllLines(Path.Combine(dir, "labels.txt")).Where(l => l.Length > 0).ToArray();
        string wav = Path.Combine(dir, "clip.wav");
        short[] samples = WavFile.Read(wav);
        var settings = DemoSettings with { IgnoredLabels = IgnoredLabels(labels) };
        var pipeline = SpeechDemo.Pipeline(Path.Combine(dir, "frontend.tflite"), Path.Combine(dir, "kws_yes_no.tflite"), kernels, settings);
        output.WriteLine($"TinyLite demo: keyword spotting with the project's own models (demo/kws: front end + {string.Join("/", labels)} classifier, {KernelSets.Names.Name(kernels)} kernels)");
        var listen = Stopwatch.StartNew();
        var heard = SpeechDemo.Listen(pipeline, samples);
        double listenMs = listen.Elapsed.TotalMilliseconds;
        double seconds = samples.Length / (double)WavFile.SampleRateHz;
        output.WriteLine($"  streamed demo/kws/clip.wav ({seconds:F1} s) in {SpeechDemo.ChunkSamples}-sample chunks: {pipeline.FrontEnd.RowsProduced} feature rows, " +
                         $"{pipeline.Classifications} classifications, {listenMs:F0} ms (real-time factor {listenMs / 1000 / seconds:F3})");

        // A keyword counts as heard when the same label is reported between its start and one second after its end
        // (the classifier's window must hold the word); each report matches at most one word.
        var truth = ReadTruth(Path.Combine(dir, "clip_truth.csv"));
        var used = new bool[heard.Count];
        int keywords = 0, hits = 0;
        foreach (var w in truth)
        {
            bool keyword = labels.Contains(w.Label) && settings.IgnoredLabels.All(i => labels[i] != w.Label);
            int match = -1;
            for (int h = 0; h < heard.Count && keyword; h++)
            {
                if (!used[h] && SpeechDemo.Name(labels, heard[h].Label) == w.Label && heard[h].TimeMs >= w.StartMs && heard[h].TimeMs <= w.EndMs + 1000)
                {
                    match = h;
                    break;
                }
            }
            if (keyword) keywords++;
            if (match >= 0)
            {
                used[match] = true;
                hits++;
            }
            string verdict = !keyword ? (Near(heard, w) ? "(a distractor; something was reported near it)" : "(a distractor: nothing reported, right)")
                : match >= 0 ? $"heard '{w.Label}' at {heard[match].TimeMs / 1000.0:F2} s ({heard[match].Score}/256)"
                : "MISSED";
            output.WriteLine($"    {w.StartMs / 1000.0,6:F2}-{w.EndMs / 1000.0:F2} s  said '{w.Text}' ({w.Label}): {verdict}");
        }
        int falseAlarms = used.Count(u => !u);
        for (int h = 0; h < heard.Count; h++)
            if (!used[h])
                output.WriteLine($"    {heard[h].TimeMs / 1000.0,6:F2} s  false alarm: '{SpeechDemo.Name(labels, heard[h].Label)}' ({heard[h].Score}/256)");
        output.WriteLine($"  clip: {hits}/{keywords} keywords heard at the right time, {falseAlarms} false alarm(s)");

        var (right, total) = HeldBack(dir, labels, kernels);
        output.WriteLine($"  held-back clips (voices training never used): {right}/{total} classified right, accuracy {100.0 * right / total:F1}%");
        output.WriteLine($"  done in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    // Labels that are not keywords: silence and unknown, when the model has them.
    private static int[] IgnoredLabels(string[] labels) =>
        Enumerable.Range(0, labels.Length).Where(i => labels[i] is "silence" or "unknown" or "_silence_" or "_unknown_").ToArray();

    private static bool Near(List<SpeechDemo.Heard> heard, Word w) => heard.Any(h => h.TimeMs >= w.StartMs && h.TimeMs <= w.EndMs + 1000);

    private static List<Word> ReadTruth(string path)
    {
        var words = new List<Word>();
        foreach (string line in File.ReadAllLines(path).Skip(1))
        {
            if (line.Trim().Length == 0) continue;
            string[] f = line.Split(',');
            if (f.Length < 4 || !int.TryParse(f[1], out int start) || !int.TryParse(f[2], out int end))
                throw new CliError($"{path}: '{line}' is not label,start_ms,end_ms,word");
            words.Add(new Word(f[0], start, end, string.Join(",", f.Skip(3))));
        }
        return words;
    }

    // The classifier alone on the held-back clips' features (N x its input size): argmax against the true label.
    private static (int Right, int Total) HeldBack(string dir, string[] labels, KernelSet kernels)
    {
        var classifier = RunCommand.Load(Path.Combine(dir, "kws_yes_no.tflite"), kernels);
        byte[] features = File.ReadAllBytes(Path.Combine(dir, "heldout_features.bin"));
        string[] truth = File.ReadAllLines(Path.Combine(dir, "heldout_labels.txt")).Where(l => l.Length > 0).ToArray();
        int size = classifier.TensorByteSize(classifier.InputTensor(0));
        if (features.Length != (long)size * truth.Length)
            throw new CliError($"demo/kws/heldout_features.bin: {features.Length} bytes, not {truth.Length} clips of {size}");
        byte[] input = new byte[size];
        byte[] scores = new byte[classifier.TensorByteSize(classifier.OutputTensor(0))];
        int right = 0;
        for (int c = 0; c < truth.Length; c++)
        {
            Array.Copy(features, (long)c * size, input, 0, size);
            classifier.SetInput(0, input);
            classifier.Invoke();
            classifier.CopyOutput(0, scores);
            int best = 0;
            for (int l = 1; l < scores.Length; l++)
                if ((sbyte)scores[l] > (sbyte)scores[best]) best = l;
            if (SpeechDemo.Name(labels, best) == truth[c]) right++;
        }
        return (right, truth.Length);
    }
}
