using TinyLite.Codegen;
using TinyLite.Codegen.Audio;
using TinyLite.Runtime;

namespace TinyLite.KwsTrain;

/// <summary>
/// A plain streaming check of the committed models on a WAV file (not the runtime's recognizer, which lives in the
/// pipeline API): front end every 20 ms, classifier on the latest 49 rows every 20 ms, scores averaged over the last
/// 12 classifications, a keyword reported when its average passes the threshold, then quiet for one second.
/// </summary>
public static class Listen
{
    /// <summary>Classifications averaged (20 ms apart: 240 ms).</summary>
    private const int Average = 12;
    /// <summary>Prints the detections in <paramref name="wavPath"/> using the models in <paramref name="dir"/>.</summary>
    public static void Run(string wavPath, string dir, double threshold)
    {
        var (samples, rate) = Wav.Read(wavPath);
        if (rate != AudioFrontEndModel.SampleRate) throw new InvalidDataException($"{wavPath}: {rate} Hz, want 16000");
        string[] labels = File.ReadAllLines(Path.Combine(dir, "labels.txt")).Where(l => l.Length > 0).ToArray();
        var frontEnd = new Interpreter(Compiler.Compile(File.ReadAllBytes(Path.Combine(dir, "frontend.tflite")), "frontend.tflite").Image);
        var classifier = new Interpreter(Compiler.Compile(File.ReadAllBytes(Path.Combine(dir, "kws_yes_no.tflite")), "kws_yes_no.tflite").Image);
        int features = AudioFrontEndModel.Features;
        var rows = new byte[FrontEnd.InputLength];
        var window = new byte[AudioFrontEndModel.WindowSamples * 2];
        var history = new Queue<double[]>();
        int quietUntil = -1;
        int windows = (samples.Length - AudioFrontEndModel.WindowSamples) / AudioFrontEndModel.StrideSamples + 1;
        for (int w = 0; w < windows; w++)
        {
            Buffer.BlockCopy(samples, w * AudioFrontEndModel.StrideSamples * 2, window, 0, window.Length);
            frontEnd.SetInput(0, window);
            frontEnd.Invoke();
            Buffer.BlockCopy(rows, features, rows, 0, rows.Length - features);
            Buffer.BlockCopy(frontEnd.GetOutput(0), 0, rows, rows.Length - features, features);
            if (w < FrontEnd.Rows - 1) continue;
            classifier.SetInput(0, rows);
            classifier.Invoke();
            byte[] q = classifier.GetOutput(0);
            history.Enqueue(q.Select(v => ((sbyte)v + 128) / 256.0).ToArray());
            if (history.Count > Average) history.Dequeue();
            int endMs = (w * AudioFrontEndModel.StrideSamples + AudioFrontEndModel.WindowSamples) / 16;
            for (int c = 0; c < labels.Length; c++)
            {
                if (labels[c] is "silence" or "unknown") continue;
                double mean = history.Average(h => h[c]);
                if (mean >= threshold && endMs >= quietUntil)
                {
                    Console.WriteLine($"{endMs,6} ms  {labels[c],-8} {mean:F2}");
                    quietUntil = endMs + 1000;
                }
            }
        }
    }
}
