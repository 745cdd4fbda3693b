using System.Diagnostics;
using TinyLite.Codegen;
using TinyLite.Codegen.Demo;
using TinyLite.Codegen.Emit;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;

namespace TinyLite.Cli;

/// <summary>
/// The README's main job: makes the line-detector model, writes it as a standard .tflite, compiles it to an
/// image (with report, C and C# outputs) under <c>out/demo/</c>, runs it from the image file on test pictures
/// and shows the figures. With <c>../shared/models</c> present it also checks one real model against TFLM.
/// </summary>
public static class Demo
{
    public static int Run(TextWriter output)
    {
        string dir = Path.Combine(Boards.RepoRoot(), "out", "demo");
        var graph = LineDetectorModel.Build();
        byte[] tflite = TfliteWriter.Write(graph);
        var clock = Stopwatch.StartNew();
        var compiled = Compiler.Compile(tflite, "line_detector.tflite");
        double compileMs = clock.Elapsed.TotalMilliseconds;
        AtomicFiles.Write(files =>
        {
            files.Add(Path.Combine(dir, "line_detector.tflite"), tflite);
            files.Add(Path.Combine(dir, "line_detector.tlm"), compiled.Image);
            files.Add(Path.Combine(dir, "report.json"), compiled.Report.ToJson());
            var (symbol, className) = Emitters.Names(null, "line_detector.tflite");
            Emitters.AddC(files, Path.Combine(dir, "c"), compiled, symbol);
            Emitters.AddCSharp(files, Path.Combine(dir, "cs"), compiled, className);
        });
        var rep = compiled.Report;
        output.WriteLine("TinyLite demo: a 12x12 line detector (CONV_2D, MAX_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX; int8)");
        output.WriteLine($"  wrote {Rel(dir)}/: line_detector.tflite ({tflite.Length} B), line_detector.tlm, report.json, c/, cs/");
        output.WriteLine($"  compiled in {compileMs:F0} ms: image {rep.ImageBytes} B, weights {rep.WeightBytes} B, arena {rep.ArenaBytes} B, {rep.Macs} MACs, {compiled.Calls.Count} kernel calls");

        // Run from the image file, as a device would from flash.
        var interpreter = new Interpreter(File.ReadAllBytes(Path.Combine(dir, "line_detector.tlm")));
        int correct = 0;
        var kinds = LineDetectorModel.Classes;
        for (int k = 0; k < kinds.Length; k++)
        {
            interpreter.SetInput(0, LineDetectorModel.Picture(kinds[k], seed: 7 + k));
            interpreter.Invoke();
            var probabilities = interpreter.GetOutput(0).Select(q => ((sbyte)q + 128) / 256.0).ToArray();
            int best = Array.IndexOf(probabilities, probabilities.Max());
            if (best == k) correct++;
            output.WriteLine($"  picture '{kinds[k]}' -> '{kinds[best]}' ({probabilities[best]:P0})");
        }
        output.WriteLine($"  {correct}/{kinds.Length} pictures recognised");

        GoldenCheck(output);
        return correct == kinds.Length ? 0 : 1;
    }

    /// <summary>If the shared golden models are beside the repository, shows one bit-exact comparison with TFLM.</summary>
    private static void GoldenCheck(TextWriter output)
    {
        string model = Path.Combine(Boards.RepoRoot(), "..", "shared", "models", "kws_dscnn");
        if (!File.Exists(Path.Combine(model, "model.tflite")))
        {
            output.WriteLine("  (../shared/models not found: skipping the comparison with TensorFlow Lite Micro)");
            return;
        }
        var compiled = Compiler.Compile(File.ReadAllBytes(Path.Combine(model, "model.tflite")), "kws_dscnn.tflite");
        var interpreter = new Interpreter(compiled.Image);
        interpreter.SetInput(0, File.ReadAllBytes(Path.Combine(model, "inputs", "random_0.input0.bin")));
        interpreter.Invoke();
        bool same = interpreter.GetOutput(0).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(model, "golden", "random_0.output0.bin")));
        output.WriteLine($"  kws_dscnn (MLPerf Tiny keyword spotting) vs TFLM reference kernels: {(same ? "bit-exact" : "DIFFERS")}; " +
                         $"arena {compiled.Report.ArenaBytes} B, image {compiled.Report.ImageBytes} B");
    }

    private static string Rel(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
