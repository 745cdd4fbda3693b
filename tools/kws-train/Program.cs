using System.Diagnostics;
using System.Globalization;
using System.Text;
using TinyLite.Codegen;
using TinyLite.Codegen.Audio;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;

namespace TinyLite.KwsTrain;

/// <summary>
/// Makes the keyword-spotting demo's data and models (see README.md): <c>frontend OUT.tflite</c> writes the audio
/// front end; <c>all CACHE_DIR OUT_DIR</c> renders the espeak-ng utterances into CACHE_DIR, builds the examples
/// through the front end, trains, quantizes, checks the int8 model with TinyLite's runtime and writes every
/// artifact into OUT_DIR.
/// </summary>
public static class Program
{
    private const int Seed = 20261206;
    private const int Epochs = 30, Batch = 32;
    private const float LearningRate = 0.001f, WeightDecay = 1e-3f, Dropout = 0.5f;

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        switch (args)
        {
            case ["frontend", var path]:
                File.WriteAllBytes(path, AudioFrontEndModel.Write());
                Console.WriteLine($"wrote {path}");
                return 0;
            case ["all", var cache, var outDir]:
                All(cache, outDir);
                return 0;
            case ["listen", var wav, var dir]:
                Listen.Run(wav, dir, 0.7);
                return 0;
            case ["wake", var cache, var outDir]:
                WakeTrain.Run(cache, outDir);
                return 0;
            case ["wake-eval", var cache, var dir]:
                WakeEvaluation.Run(cache, dir, 30);
                return 0;
            case ["wake-eval", var cache, var dir, var minutes]:
                WakeEvaluation.Run(cache, dir, int.Parse(minutes));
                return 0;
            case ["evaluate", var dir]:
                Evaluate(dir);
                return 0;
            default:
                Console.Error.WriteLine("usage: kws-train frontend OUT.tflite | all CACHE_DIR OUT_DIR | evaluate DIR | listen WAV DIR | wake CACHE_DIR OUT_DIR | wake-eval CACHE_DIR DIR [MINUTES]");
                return 2;
        }
    }

    private static void All(string cache, string outDir)
    {
        var clock = Stopwatch.StartNew();
        var speech = new Speech(cache);
        var trainPlan = DataSet.Plan(Vocabulary.YesNo, heldBack: false, Seed);
        var heldPlan = DataSet.Plan(Vocabulary.YesNo, heldBack: true, Seed + 100);
        var clipUtterances = DemoClip.Utterances(Seed + 200);
        var all = trainPlan.Select(p => p.Utterance).Concat(heldPlan.Select(p => p.Utterance)).Concat(clipUtterances).ToList();
        Console.WriteLine($"rendering {all.Distinct().Count()} utterances with espeak-ng into {cache}");
        speech.Render(all);
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s");

        var frontEnd = new FrontEnd();
        var train = DataSet.Build(Vocabulary.YesNo, speech, frontEnd, heldBack: false, Seed);
        var held = DataSet.Build(Vocabulary.YesNo, speech, frontEnd, heldBack: true, Seed + 100);
        Console.WriteLine($"examples: {train.Count} training, {held.Count} held back ({Counts(held)}); {clock.Elapsed.TotalSeconds:F0} s");

        float[][] xs = train.Select(e => TinyConvNet.Dequantize(e.Features)).ToArray();
        int[] ys = train.Select(e => e.Label).ToArray();
        float[][] heldXs = held.Select(e => TinyConvNet.Dequantize(e.Features)).ToArray();
        var net = new TinyConvNet(Seed);
        var rng = new Random(Seed + 3);
        var log = new StringBuilder();
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            float lr = epoch > Epochs * 2 / 3 ? LearningRate / 4 : LearningRate;
            double loss = net.TrainEpoch(xs, ys, Batch, lr, WeightDecay, Dropout, rng);
            double trainAcc = Accuracy(net, xs, ys, 500);
            double heldAcc = Accuracy(net, heldXs, held.Select(e => e.Label).ToArray(), heldXs.Length);
            string line = $"epoch {epoch,2}: loss {loss:F4}, float accuracy train {trainAcc:P1} held-back {heldAcc:P1} ({clock.Elapsed.TotalSeconds:F0} s)";
            Console.WriteLine(line);
            log.AppendLine(line);
        }

        var graph = ClassifierModel.Build(net, xs.Take(600).ToList());
        byte[] classifier = TfliteWriter.Write(graph);
        string report = Int8Report(classifier, held.Select(e => e.Features).ToList(), held.Select(e => e.Label).ToList());
        Console.Write(report);
        log.Append(report);

        Directory.CreateDirectory(outDir);
        File.WriteAllBytes(Path.Combine(outDir, "frontend.tflite"), AudioFrontEndModel.Write());
        File.WriteAllBytes(Path.Combine(outDir, "kws_yes_no.tflite"), classifier);
        File.WriteAllText(Path.Combine(outDir, "labels.txt"), string.Join("\n", Vocabulary.Labels) + "\n");
        File.WriteAllBytes(Path.Combine(outDir, "heldout_features.bin"), held.SelectMany(e => e.Features).Select(v => (byte)v).ToArray());
        File.WriteAllText(Path.Combine(outDir, "heldout_labels.txt"), string.Join("\n", held.Select(e => Vocabulary.Labels[e.Label])) + "\n");
        DemoClip.Write(speech, Seed + 200, Path.Combine(outDir, "clip.wav"), Path.Combine(outDir, "clip_truth.csv"));
        File.WriteAllText(Path.Combine(outDir, "training_log.txt"), log.ToString());
        Console.WriteLine($"wrote {outDir} in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Accuracy and confusion of the committed classifier on the committed held-back features in <paramref name="dir"/>.</summary>
    private static void Evaluate(string dir)
    {
        byte[] model = File.ReadAllBytes(Path.Combine(dir, "kws_yes_no.tflite"));
        byte[] all = File.ReadAllBytes(Path.Combine(dir, "heldout_features.bin"));
        string[] labels = File.ReadAllLines(Path.Combine(dir, "heldout_labels.txt")).Where(l => l.Length > 0).ToArray();
        var features = Enumerable.Range(0, labels.Length)
            .Select(i => all.AsSpan(i * FrontEnd.InputLength, FrontEnd.InputLength).ToArray().Select(b => (sbyte)b).ToArray()).ToList();
        Console.Write(Int8Report(model, features, labels.Select(l => Array.IndexOf(Vocabulary.Labels, l)).ToList()));
    }

    /// <summary>The int8 model run by TinyLite's runtime on the examples: accuracy and confusion matrix, as text.</summary>
    public static string Int8Report(byte[] classifier, IReadOnlyList<sbyte[]> features, IReadOnlyList<int> labels) =>
        Int8Report(classifier, features, labels, Vocabulary.Labels, "kws_yes_no.tflite");

    /// <summary>As above for a classifier of <paramref name="names"/>.Length classes.</summary>
    public static string Int8Report(byte[] classifier, IReadOnlyList<sbyte[]> features, IReadOnlyList<int> labels, string[] names, string modelName)
    {
        int classes = names.Length;
        var interpreter = new Interpreter(Compiler.Compile(classifier, modelName).Image);
        var confusion = new int[classes, classes];
        int correct = 0;
        for (int i = 0; i < features.Count; i++)
        {
            interpreter.SetInput(0, (byte[])(Array)features[i]);
            interpreter.Invoke();
            byte[] p = interpreter.GetOutput(0);
            int best = 0;
            for (int c = 1; c < classes; c++) if ((sbyte)p[c] > (sbyte)p[best]) best = c;
            confusion[labels[i], best]++;
            if (best == labels[i]) correct++;
        }
        var text = new StringBuilder();
        text.AppendLine($"int8 accuracy on {features.Count} held-back clips (TinyLite runtime): {correct}/{features.Count} = {(double)correct / features.Count:P1}");
        text.AppendLine("confusion (rows truth, columns predicted): " + string.Join(" ", names));
        for (int t = 0; t < classes; t++)
            text.AppendLine($"  {names[t],-8} " + string.Join(" ", Enumerable.Range(0, classes).Select(c => confusion[t, c].ToString().PadLeft(4))));
        return text.ToString();
    }

    public static double Accuracy(TinyConvNet net, float[][] xs, int[] ys, int limit)
    {
        int n = Math.Min(limit, xs.Length), ok = 0;
        for (int i = 0; i < n; i++) if (net.Predict(xs[i]) == ys[i]) ok++;
        return (double)ok / n;
    }

    private static string Counts(List<Example> examples) => Counts(examples, Vocabulary.Labels);

    /// <summary>How many examples of each label, as text.</summary>
    public static string Counts(List<Example> examples, string[] labels) =>
        string.Join(", ", labels.Select((l, i) => $"{examples.Count(e => e.Label == i)} {l}"));
}
