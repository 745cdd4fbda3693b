using System.Text.Json;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// Reads every golden model and checks it against facts recorded independently of our code in index.json and
/// meta.json (written from the upstream files by the test-data tooling).
/// </summary>
public class TfliteReaderSharedModelTests
{
    [SharedModelTheory]
    [MemberData(nameof(SharedModelIndex.AllDirs), MemberType = typeof(SharedModelIndex))]
    public void Read_SharedModel_MatchesIndexFacts(string dir)
    {
        var entry = SharedModelIndex.Entry(dir);
        byte[] bytes = File.ReadAllBytes(SharedModelIndex.ModelPath(dir));
        var graph = TfliteReader.Read(bytes, SharedModelIndex.ModelPath(dir));

        Assert.Equal(entry.GetProperty("model_sha256").GetString(), graph.SourceSha256);

        var expectedOps = entry.GetProperty("op_histogram").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var actualOps = graph.Operators
            .GroupBy(o => o.Op == BuiltinOperator.Custom ? "CUSTOM:" + o.CustomCode : BuiltinOperators.Name(o.Op))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedOps.OrderBy(p => p.Key, StringComparer.Ordinal), actualOps.OrderBy(p => p.Key, StringComparer.Ordinal));

        var expectedTypes = entry.GetProperty("tensor_types").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var actualTypes = graph.Tensors.GroupBy(t => DataTypes.Name(t.Type)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedTypes.OrderBy(p => p.Key, StringComparer.Ordinal), actualTypes.OrderBy(p => p.Key, StringComparer.Ordinal));

        Assert.Equal(entry.GetProperty("stateful_variable_tensors").GetInt32(), graph.Tensors.Count(t => t.IsVariable));

        AssertIo(entry.GetProperty("inputs"), graph.Inputs, graph);
        AssertIo(entry.GetProperty("outputs"), graph.Outputs, graph);
    }

    [SharedModelTheory]
    [MemberData(nameof(SharedModelIndex.AllDirs), MemberType = typeof(SharedModelIndex))]
    public void Read_SharedModel_IoTensorIndicesAndNamesMatchMeta(string dir)
    {
        using var meta = JsonDocument.Parse(File.ReadAllBytes(SharedModelIndex.MetaPath(dir)));
        var graph = TfliteReader.ReadFile(SharedModelIndex.ModelPath(dir));

        Assert.Equal(meta.RootElement.GetProperty("num_ops").GetInt32(), graph.Operators.Count);
        var inputs = meta.RootElement.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(inputs.Select(i => i.GetProperty("tensor_index").GetInt32()), graph.Inputs);
        Assert.Equal(inputs.Select(i => i.GetProperty("name").GetString()), graph.Inputs.Select(t => graph.Tensors[t].Name));
        var outputs = meta.RootElement.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(outputs.Select(i => i.GetProperty("tensor_index").GetInt32()), graph.Outputs);
        Assert.Equal(outputs.Select(i => i.GetProperty("name").GetString()), graph.Outputs.Select(t => graph.Tensors[t].Name));
    }

    private static void AssertIo(JsonElement specs, int[] tensors, Graph graph)
    {
        var list = specs.EnumerateArray().ToArray();
        Assert.Equal(list.Length, tensors.Length);
        for (int i = 0; i < list.Length; i++)
        {
            var t = graph.Tensors[tensors[i]];
            Assert.Equal(list[i].GetProperty("type").GetString(), DataTypes.Name(t.Type));
            Assert.Equal(list[i].GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), t.Shape);
            double scale = list[i].GetProperty("scale").GetDouble();
            long zeroPoint = list[i].GetProperty("zero_point").GetInt64();
            if (t.Quantization is null)
            {
                Assert.Equal(0.0, scale);
                Assert.Equal(0, zeroPoint);
            }
            else
            {
                // index.json prints scales with 9 significant digits.
                Assert.Equal(scale, t.Quantization.Scale, 1e-8 * System.Math.Max(1.0, scale));
                Assert.Equal(zeroPoint, t.Quantization.ZeroPoints[0]);
            }
        }
    }
}
