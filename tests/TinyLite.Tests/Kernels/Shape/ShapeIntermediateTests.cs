using System.Text.Json;
using TinyLite.Codegen;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;
using TinyLite.Tests.Support;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>
/// Every Shape-family operator of every shared model that has TFLM intermediates (keyword-spotting models
/// included: CAST, CONCATENATION, STRIDED_SLICE int32, QUANTIZE int16→int8): run alone on TFLM's input
/// tensors, it must reproduce TFLM's output tensor byte for byte.
/// </summary>
public class ShapeIntermediateTests
{
    private static readonly HashSet<BuiltinOperator> ShapeOps =
    [
        BuiltinOperator.Reshape, BuiltinOperator.Squeeze, BuiltinOperator.ExpandDims, BuiltinOperator.Pad, BuiltinOperator.Padv2,
        BuiltinOperator.Concatenation, BuiltinOperator.StridedSlice, BuiltinOperator.Transpose, BuiltinOperator.Quantize,
        BuiltinOperator.Dequantize, BuiltinOperator.Cast,
    ];

    public static IEnumerable<object[]> Rows()
    {
        if (SharedModels.Root == null)
        {
            yield return ["(no shared models)", -1];
            yield break;
        }
        foreach (var m in SharedModels.ModelNames(includeKeywordSpotting: true))
        {
            if (!File.Exists(TensorsJson(m))) continue;
            var graph = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(m), "model.tflite"));
            foreach (var op in graph.Operators.Where(o => ShapeOps.Contains(o.Op))) yield return [m, op.Index];
        }
    }

    [SkippableFact]
    public void Rows_CoverEveryShapeOperatorKindOfTheSharedModels()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var kinds = Rows().Select(r => TfliteReader.ReadFile(Path.Combine(SharedModels.Dir((string)r[0]), "model.tflite")).Operators[(int)r[1]].Op)
            .ToHashSet();
        Assert.Superset(new HashSet<BuiltinOperator>
        {
            BuiltinOperator.Reshape, BuiltinOperator.Quantize, BuiltinOperator.Dequantize, BuiltinOperator.Cast,
            BuiltinOperator.Concatenation, BuiltinOperator.StridedSlice,
        }, kinds);
    }

    private static string TensorsJson(string model) => Path.Combine(SharedModels.Dir(model), "intermediates", "random_0", "tensors.json");

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void ShapeOperator_MatchesTflmIntermediates(string model, int opIndex)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var full = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(model), "model.tflite"));
        var op = full.Operators[opIndex];
        var files = IntermediateFiles(model);
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
        for (int j = 0; j < op.Outputs.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(files[op.Outputs[j]]), interpreter.GetOutput(j), $"{model} operator {opIndex} ({op.OpName}) output {j}");
    }

    private static Dictionary<int, string> IntermediateFiles(string model)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TensorsJson(model)));
        string dir = Path.GetDirectoryName(TensorsJson(model))!;
        return doc.RootElement.GetProperty("tensors").EnumerateArray()
            .ToDictionary(t => t.GetProperty("index").GetInt32(), t => Path.Combine(dir, t.GetProperty("file").GetString()!));
    }
}
