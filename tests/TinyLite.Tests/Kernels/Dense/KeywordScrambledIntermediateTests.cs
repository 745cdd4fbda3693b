using System.Text.Json;
using TinyLite.Codegen;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;
using TinyLite.Tests.Support;

namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// The Dense operators of keyword_scrambled (FULLY_CONNECTED int8, SOFTMAX int8 -> int16), which the generic
/// intermediates test leaves to the keyword-spotting work: each runs alone on TFLM's intermediate input and must
/// reproduce TFLM's intermediate output byte for byte.
/// </summary>
public class KeywordScrambledIntermediateTests
{
    private const string Model = "keyword_scrambled";

    public static IEnumerable<object[]> Rows()
    {
        if (SharedModels.Root == null || !File.Exists(Path.Combine(SharedModels.Dir(Model), "model.tflite")))
        {
            yield return [-1];
            yield break;
        }
        var graph = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(Model), "model.tflite"));
        foreach (var op in graph.Operators)
            if (op.Op is BuiltinOperator.FullyConnected or BuiltinOperator.Softmax)
                yield return [op.Index];
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void DenseOperator_MatchesTflmIntermediates(int opIndex)
    {
        Skip.If(opIndex < 0, SharedModels.MissingMessage);
        string dir = Path.Combine(SharedModels.Dir(Model), "intermediates", "random_0");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tensors.json")));
        var files = doc.RootElement.GetProperty("tensors").EnumerateArray()
            .ToDictionary(t => t.GetProperty("index").GetInt32(), t => Path.Combine(dir, t.GetProperty("file").GetString()!));
        var full = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(Model), "model.tflite"));
        var op = full.Operators[opIndex];
        var inputs = op.Inputs.Where(t => t >= 0 && !full.Tensors[t].IsConstant).Distinct().ToArray();
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
        ByteAssert.Equal(File.ReadAllBytes(files[op.Outputs[0]]), interpreter.GetOutput(0), $"{Model} operator {opIndex} ({op.OpName})");
    }
}
