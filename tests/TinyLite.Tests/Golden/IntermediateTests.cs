using System.Text.Json;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Golden;

/// <summary>
/// Each operator of the shared models in isolation: a one-operator graph over the real model's tensors gets
/// TFLM's intermediate inputs and must reproduce TFLM's intermediate outputs exactly. Pinpoints a kernel
/// when a whole-model golden test fails. Covers every operator TinyLite lowers in every shared model with
/// intermediates, the keyword-spotting models included (replaces the per-family copies of this harness).
/// </summary>
public class IntermediateTests
{
    public static IEnumerable<object[]> Rows()
    {
        if (SharedModels.Root == null)
        {
            yield return ["(no shared models)", -1];
            yield break;
        }
        // The keyword-spotting models too: every operator TinyLite lowers, the Signal* custom operators included.
        foreach (var m in SharedModels.ModelNames())
        {
            if (!File.Exists(TensorsJson(m))) continue;
            var graph = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(m), "model.tflite"));
            foreach (var op in graph.Operators.Where(o => (o.Op == BuiltinOperator.Custom
                         ? LoweringRegistry.Default.FindCustom(o.CustomCode)
                         : LoweringRegistry.Default.Find(o.Op)) != null))
                yield return [m, op.Index];
        }
    }

    private static string TensorsJson(string model) => Path.Combine(SharedModels.Dir(model), "intermediates", "random_0", "tensors.json");

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void SingleOperator_MatchesTflmIntermediates(string model, int opIndex)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var full = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(model), "model.tflite"));
        var op = full.Operators[opIndex];
        var files = IntermediateFiles(model);
        // Variable (state) tensors are not fed: they start at zero as in TFLM's first invoke, and TFLM's file holds
        // the state after the invoke, which is checked below.
        var inputs = op.Inputs.Where(t => t >= 0 && !full.Tensors[t].IsConstant && !full.Tensors[t].IsVariable).Distinct().ToArray();
        var states = op.Inputs.Where(t => t >= 0 && full.Tensors[t].IsVariable).Distinct().ToArray();
        var single = new Graph
        {
            Source = full.Source + $"#op{opIndex}",
            Tensors = new List<Tensor>(full.Tensors),
            Operators = [op],
            Inputs = inputs,
            Outputs = op.Outputs,
        };
        var interpreter = new Interpreter(Compiler.Compile(single).Image);
        for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, File.ReadAllBytes(files[inputs[i]]));
        interpreter.Invoke();
        for (int j = 0; j < op.Outputs.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(files[op.Outputs[j]]), interpreter.GetOutput(j), $"{model} operator {opIndex} ({op.OpName}) output {j}");
        foreach (int t in states.Where(files.ContainsKey))
            ByteAssert.Equal(File.ReadAllBytes(files[t]), interpreter.ReadTensor(t), $"{model} operator {opIndex} ({op.OpName}) state tensor {t} after the invoke");
    }

    private static Dictionary<int, string> IntermediateFiles(string model)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TensorsJson(model)));
        string dir = Path.GetDirectoryName(TensorsJson(model))!;
        return doc.RootElement.GetProperty("tensors").EnumerateArray()
            .ToDictionary(t => t.GetProperty("index").GetInt32(), t => Path.Combine(dir, t.GetProperty("file").GetString()!));
    }
}
