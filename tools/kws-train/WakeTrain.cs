using System.Diagnostics;
using System.Text;
using TinyLite.Codegen.Audio;
using TinyLite.Codegen.Tflite;

namespace TinyLite.KwsTrain;

/// <summary>
/// <c>wake CACHE_DIR OUT_DIR</c>: the wake-word model, made exactly as the yes/no one (same front end, examples,
/// network, training and int8 quantization; seeded) but for the classes silence / unknown / marvin; writes the
/// model, the demo clip and the training log into OUT_DIR. The held-back streams' trade-off is <see cref="WakeEvaluation"/>.
/// </summary>
public static class WakeTrain
{
    /// <summary>The seed of everything the wake mode makes (the yes/no seed + 1).</summary>
    public const int Seed = 20261207;

    /// <summary>The classifier's file name.</summary>
    public const string ModelFile = "wake_marvin.tflite";

    private const int Epochs = 24, Batch = 32;
    private const float LearningRate = 0.001f, WeightDecay = 1e-3f, Dropout = 0.5f;

    public static void Run(string cache, string outDir)
    {
        var clock = Stopwatch.StartNew();
        var speech = new Speech(cache);
        var task = WakeWord.Task;
        var trainPlan = DataSet.Plan(task, heldBack: false, Seed);
        var heldPlan = DataSet.Plan(task, heldBack: true, Seed + 100);
        var all = trainPlan.Select(p => p.Utterance).Concat(heldPlan.Select(p => p.Utterance))
            .Concat(WakeClip.Utterances(Seed + 200)).Concat(WakeStreams.Pool(WakeEvaluation.StreamSeed)).ToList();
        Console.WriteLine($"rendering {all.Distinct().Count()} utterances with espeak-ng into {cache}");
        speech.Render(all);
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s");

        var frontEnd = new FrontEnd();
        var train = DataSet.Build(task, speech, frontEnd, heldBack: false, Seed);
        var held = DataSet.Build(task, speech, frontEnd, heldBack: true, Seed + 100);
        Console.WriteLine($"examples: {train.Count} training, {held.Count} held back ({Program.Counts(held, task.Labels)}); {clock.Elapsed.TotalSeconds:F0} s");

        float[][] xs = train.Select(e => TinyConvNet.Dequantize(e.Features)).ToArray();
        int[] ys = train.Select(e => e.Label).ToArray();
        float[][] heldXs = held.Select(e => TinyConvNet.Dequantize(e.Features)).ToArray();
        int[] heldYs = held.Select(e => e.Label).ToArray();
        var net = new TinyConvNet(Seed, task.Labels.Length);
        var rng = new Random(Seed + 3);
        var log = new StringBuilder();
        log.AppendLine($"wake word '{WakeWord.Word}': {train.Count} training examples ({Program.Counts(train, task.Labels)}), {held.Count} held back");
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            float lr = epoch > Epochs * 2 / 3 ? LearningRate / 4 : LearningRate;
            double loss = net.TrainEpoch(xs, ys, Batch, lr, WeightDecay, Dropout, rng);
            double trainAcc = Program.Accuracy(net, xs, ys, 500);
            double heldAcc = Program.Accuracy(net, heldXs, heldYs, heldXs.Length);
            string line = $"epoch {epoch,2}: loss {loss:F4}, float accuracy train {trainAcc:P1} held-back {heldAcc:P1} ({clock.Elapsed.TotalSeconds:F0} s)";
            Console.WriteLine(line);
            log.AppendLine(line);
        }

        byte[] classifier = TfliteWriter.Write(ClassifierModel.Build(net, xs.Take(600).ToList(), ModelFile));
        string report = Program.Int8Report(classifier, held.Select(e => e.Features).ToList(), heldYs, task.Labels, ModelFile);
        Console.Write(report);
        log.Append(report);

        Directory.CreateDirectory(outDir);
        File.WriteAllBytes(Path.Combine(outDir, "frontend.tflite"), AudioFrontEndModel.Write());
        File.WriteAllBytes(Path.Combine(outDir, ModelFile), classifier);
        File.WriteAllText(Path.Combine(outDir, "labels.txt"), string.Join("\n", task.Labels) + "\n");
        WakeClip.Write(speech, Seed + 200, Path.Combine(outDir, "clip.wav"), Path.Combine(outDir, "clip_truth.csv"));
        File.WriteAllText(Path.Combine(outDir, "training_log.txt"), log.ToString());
        Console.WriteLine($"wrote {outDir} in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
