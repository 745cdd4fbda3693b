using System.Text.Json;

namespace TinyLite.Tests.Support;

/// <summary>
/// The golden test data in <c>../shared/models</c> beside the repository (never copied into it): models,
/// their cases (input files, golden outputs) and TFLM intermediates.
/// </summary>
public static class SharedModels
{
    /// <summary>The models folder, or null when it is absent.</summary>
    public static string? Root { get; } = Checkout.SharedFolder("models");

    /// <summary>Why tests that need the shared models are skipped.</summary>
    public const string MissingMessage = "../shared/models is absent: golden-model tests skipped";

    /// <summary>Relative names ("kws_dscnn", "seanet/add/add0") of every model with a meta.json and model.tflite.</summary>
    public static IEnumerable<string> ModelNames()
    {
        if (Root == null) yield break;
        foreach (var meta in Directory.EnumerateFiles(Root, "meta.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string dir = Path.GetDirectoryName(meta)!;
            if (!File.Exists(Path.Combine(dir, "model.tflite"))) continue;
            string rel = Path.GetRelativePath(Root, dir).Replace('\\', '/');
            yield return rel;
        }
    }

    /// <summary>Folder of a model.</summary>
    public static string Dir(string model) => Path.Combine(Root!, model);

    /// <summary>
    /// xunit rows (model, plan) over every model and every concrete memory plan; one placeholder row when the models
    /// are absent (the test skips it).
    /// </summary>
    public static IEnumerable<object[]> ModelPlanRows() =>
        Root == null
            ? [["(no shared models)", PlanStrategy.Layer]]
            : ModelNames().SelectMany(m => PlanStrategies.Concrete.Select(s => new object[] { m, s }));

    /// <summary>Compiles a model's model.tflite with the given memory plan.</summary>
    public static CompiledModel Compile(string model, PlanStrategy plan)
    {
        string path = Path.Combine(Dir(model), "model.tflite");
        return Compiler.Compile(File.ReadAllBytes(path), path, new CompileOptions { Plan = plan });
    }

    /// <summary>
    /// The cases of a model from its meta.json, multi-step ones included (<see cref="GoldenCase.Steps"/> invokes
    /// on one interpreter; see <see cref="GoldenCase.Run"/>).
    /// </summary>
    public static IEnumerable<GoldenCase> Cases(string model)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(model), "meta.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int steps = c.TryGetProperty("steps", out var s) ? s.GetInt32() : 1;
            yield return new GoldenCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("inputs").EnumerateArray().Select(e => Path.Combine(Dir(model), e.GetString()!)).ToArray(),
                c.GetProperty("golden").EnumerateArray().Select(e => Path.Combine(Dir(model), e.GetString()!)).ToArray(),
                steps);
        }
    }

    /// <summary>xunit rows (model, case) over every model and single-step case; one placeholder row when absent.</summary>
    public static IEnumerable<object[]> CaseRows()
    {
        if (Root == null)
        {
            yield return ["(no shared models)", ""];
            yield break;
        }
        foreach (var m in ModelNames())
            foreach (var c in Cases(m))
                yield return [m, c.Name];
    }
}

/// <summary>
/// One case: input files in model order and golden output files. With <see cref="Steps"/> above 1 each input file
/// holds that many tensors back to back, fed one per invoke to the same interpreter (state carries over), and each
/// golden file holds the outputs of every step back to back.
/// </summary>
public sealed record GoldenCase(string Name, string[] Inputs, string[] Golden, int Steps = 1)
{
    /// <summary>Runs the case on <paramref name="interpreter"/>; returns each output's bytes over all steps.</summary>
    public byte[][] Run(TinyLite.Runtime.Interpreter interpreter)
    {
        byte[][] inputs = Inputs.Select(File.ReadAllBytes).ToArray();
        var outputs = Enumerable.Range(0, interpreter.OutputCount).Select(_ => new List<byte>()).ToArray();
        for (int step = 0; step < Steps; step++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                int size = inputs[i].Length / Steps;
                Assert.True(size * Steps == inputs[i].Length, $"{Name}: input {i} does not hold {Steps} equal steps");
                interpreter.SetInput(i, inputs[i].AsSpan(step * size, size).ToArray());
            }
            interpreter.Invoke();
            for (int j = 0; j < outputs.Length; j++) outputs[j].AddRange(interpreter.GetOutput(j));
        }
        return outputs.Select(o => o.ToArray()).ToArray();
    }
}
