using TinyLite.Tests.Golden;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Audio;

/// <summary>
/// The keyword classifier the project trained itself (demo/kws/kws_yes_no.tflite, made by tools/kws-train): it
/// compiles, its accuracy on the committed held-back features (voices it never heard in training) is above a
/// floor, computed here by TinyLite's runtime, and the native kernels give the same bytes on every clip.
/// </summary>
public class KwsClassifierTests
{
    /// <summary>The accuracy the committed model must keep on the held-back clips (it measured 0.9+ when trained).</summary>
    private const double AccuracyFloor = 0.80;

    private const int FeatureBytes = 49 * 40;

    private static byte[] Image() =>
        Compiler.Compile(File.ReadAllBytes(KwsDemoData.File("kws_yes_no.tflite")), "kws_yes_no.tflite").Image;

    private static (byte[][] Features, int[] Labels) HeldBack()
    {
        byte[] all = File.ReadAllBytes(KwsDemoData.File("heldout_features.bin"));
        string[] labels = KwsDemoData.Labels;
        int[] truth = File.ReadAllLines(KwsDemoData.File("heldout_labels.txt")).Where(l => l.Length > 0)
            .Select(l => Array.IndexOf(labels, l)).ToArray();
        Assert.Equal(truth.Length * FeatureBytes, all.Length);
        Assert.DoesNotContain(-1, truth);
        return (Enumerable.Range(0, truth.Length).Select(i => all.AsSpan(i * FeatureBytes, FeatureBytes).ToArray()).ToArray(), truth);
    }

    private static int ArgMax(byte[] scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++) if ((sbyte)scores[c] > (sbyte)scores[best]) best = c;
        return best;
    }

    [Fact]
    public void Compile_FeaturesInLabelsOut()
    {
        var interpreter = new Interpreter(Image());
        Assert.Equal([1, FeatureBytes], interpreter.TensorShape(interpreter.InputTensor(0)));
        Assert.Equal([1, KwsDemoData.Labels.Length], interpreter.TensorShape(interpreter.OutputTensor(0)));
        Assert.Equal(["silence", "unknown", "yes", "no"], KwsDemoData.Labels);
    }

    [Fact]
    public void HeldBackAccuracy_IsAboveTheFloor()
    {
        var (features, labels) = HeldBack();
        var interpreter = new Interpreter(Image());
        int correct = 0;
        var perClass = new int[KwsDemoData.Labels.Length];
        for (int i = 0; i < features.Length; i++)
        {
            interpreter.SetInput(0, features[i]);
            interpreter.Invoke();
            if (ArgMax(interpreter.GetOutput(0)) == labels[i])
            {
                correct++;
                perClass[labels[i]]++;
            }
        }
        double accuracy = (double)correct / features.Length;
        Assert.True(accuracy >= AccuracyFloor,
            $"accuracy {correct}/{features.Length} = {accuracy:P1} is below {AccuracyFloor:P0} (correct per class: {string.Join(", ", perClass)})");
        // Every class is recognised at least half the time: a model that ignores one class cannot pass on the others.
        for (int c = 0; c < perClass.Length; c++)
            Assert.True(perClass[c] * 2 >= labels.Count(l => l == c), $"class {KwsDemoData.Labels[c]}: {perClass[c]} of {labels.Count(l => l == c)}");
    }

    [SkippableFact]
    public void NativeKernels_GiveTheManagedScoresOnEveryHeldBackClip()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var (features, _) = HeldBack();
        byte[] image = Image();
        var managed = new Interpreter((byte[])image.Clone());
        var native = new Interpreter((byte[])image.Clone());
        NativeSupport.UseNative(native, "kws classifier");
        for (int i = 0; i < features.Length; i++)
        {
            managed.SetInput(0, features[i]);
            managed.Invoke();
            native.SetInput(0, features[i]);
            native.Invoke();
            ByteAssert.Equal(managed.GetOutput(0), native.GetOutput(0), $"held-back clip {i}");
        }
    }

    /// <summary>Every held-back clip's scores against TFLM's reference kernels (tests/data/kws_classifier/README.md).</summary>
    [SkippableTheory]
    [MemberData(nameof(GoldenModelTests.PlanKernelRows), MemberType = typeof(GoldenModelTests))]
    public void TflmGolden_IsBitExact(PlanStrategy plan, bool native)
    {
        Skip.If(native && !NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var (features, _) = HeldBack();
        byte[] golden = File.ReadAllBytes(Path.Combine(KwsDemoData.ClassifierGoldenDir, "golden.output0.bin"));
        int classes = KwsDemoData.Labels.Length;
        Assert.Equal(features.Length * classes, golden.Length);
        byte[] model = File.ReadAllBytes(KwsDemoData.File("kws_yes_no.tflite"));
        var interpreter = new Interpreter(Compiler.Compile(model, "kws_yes_no.tflite", new CompileOptions { Plan = plan }).Image);
        if (native) NativeSupport.UseNative(interpreter, "kws classifier");
        for (int i = 0; i < features.Length; i++)
        {
            interpreter.SetInput(0, features[i]);
            interpreter.Invoke();
            ByteAssert.Equal(golden.AsSpan(i * classes, classes).ToArray(), interpreter.GetOutput(0),
                $"plan {plan.Name()} {(native ? "native" : "managed")} held-back clip {i}");
        }
    }

    [Fact]
    public void DemoClip_IsA16kMonoWavAndItsTruthFitsInside()
    {
        byte[] wav = File.ReadAllBytes(KwsDemoData.File("clip.wav"));
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(1, BitConverter.ToInt16(wav, 22)); // mono
        Assert.Equal(16000, BitConverter.ToInt32(wav, 24));
        Assert.Equal(16, BitConverter.ToInt16(wav, 34));
        int lengthMs = BitConverter.ToInt32(wav, 40) / 2 / 16;
        string[] rows = File.ReadAllLines(KwsDemoData.File("clip_truth.csv"));
        Assert.Equal("label,start_ms,end_ms,word", rows[0]);
        foreach (string row in rows.Skip(1).Where(r => r.Length > 0))
        {
            string[] f = row.Split(',');
            Assert.Contains(f[0], KwsDemoData.Labels);
            int start = int.Parse(f[1]), end = int.Parse(f[2]);
            Assert.True(0 <= start && start < end && end <= lengthMs, $"{row}: outside 0..{lengthMs} ms");
        }
    }
}
