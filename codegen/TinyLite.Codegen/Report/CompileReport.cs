using System.Text.Json;
using System.Text.Json.Serialization;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Codegen.Planning;
using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Report;

/// <summary>The figures of a compiled model (the <c>--report</c> JSON).</summary>
public sealed record CompileReport
{
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("model_sha256")] public required string ModelSha256 { get; init; }
    [JsonPropertyName("compiler_version")] public required string CompilerVersion { get; init; }
    [JsonPropertyName("git_commit")] public required string GitCommit { get; init; }
    [JsonPropertyName("plan")] public required string Plan { get; init; }
    /// <summary>Peak activation RAM including inputs, outputs and scratch.</summary>
    [JsonPropertyName("arena_bytes")] public required int ArenaBytes { get; init; }
    [JsonPropertyName("image_bytes")] public required int ImageBytes { get; init; }
    /// <summary>Constant bytes in the image (weights, bias, requantization tables).</summary>
    [JsonPropertyName("weight_bytes")] public required long WeightBytes { get; init; }
    [JsonPropertyName("macs")] public required long Macs { get; init; }
    /// <summary>MACs recomputed by the plan (patch borders); 0 for layer-by-layer.</summary>
    [JsonPropertyName("extra_macs")] public required long ExtraMacs { get; init; }
    /// <summary>Interpreter state besides the arena: tensor and operator tables as the runtime holds them.</summary>
    [JsonPropertyName("runtime_ram_bytes")] public required long RuntimeRamBytes { get; init; }
    [JsonPropertyName("compile_ms")] public required double CompileMilliseconds { get; init; }
    [JsonPropertyName("layers")] public required IReadOnlyList<LayerReport> Layers { get; init; }

    /// <summary>Builds the report of a compilation.</summary>
    public static CompileReport Create(Graph graph, IReadOnlyList<KernelCall> calls, MemoryPlan plan, byte[] image, TimeSpan elapsed)
    {
        var layers = calls.Select((c, i) => new LayerReport(i, c.SourceOp, c.SourceIndex, c.Code, c.Macs,
            c.Inputs.Where(t => t >= 0 && graph.Tensors[t].IsConstant).Distinct().Sum(t => (long)graph.Tensors[t].Data!.Length),
            plan.LiveBytes(i))).ToList();
        var (version, commit) = CompilerInfo.VersionAndCommit();
        return new CompileReport
        {
            Model = Path.GetFileName(graph.Source),
            ModelSha256 = graph.SourceSha256,
            CompilerVersion = version,
            GitCommit = commit,
            Plan = plan.Strategy,
            ArenaBytes = plan.ArenaBytes,
            ImageBytes = image.Length,
            WeightBytes = calls.SelectMany(c => c.Inputs).Where(t => t >= 0 && graph.Tensors[t].IsConstant).Distinct().Sum(t => (long)graph.Tensors[t].Data!.Length),
            Macs = calls.Sum(c => c.Macs) - plan.ExtraMacs,
            ExtraMacs = plan.ExtraMacs,
            RuntimeRamBytes = RuntimeRam(graph.Tensors.Count, calls),
            CompileMilliseconds = Math.Round(elapsed.TotalMilliseconds, 1),
            Layers = layers,
        };
    }

    /// <summary>
    /// Estimate of the interpreter's own managed state on a 32-bit device: per tensor the nine int tables and a
    /// buffer reference (10 × 4 bytes + 6 dims × 4), per kernel call an OpRecord (header and three arrays of
    /// 12-byte headers plus their ints).
    /// </summary>
    private static long RuntimeRam(int tensors, IReadOnlyList<KernelCall> calls)
        => tensors * (10L * 4 + ImageLayout.MaxRank * 4)
           + calls.Select((c, i) => 24L + 3 * 12 + 4L * (c.Inputs.Length + c.Outputs.Length + (SharesParams(calls, i) ? 0 : c.Params.Length))).Sum();

    /// <summary>
    /// True when the interpreter reuses an earlier call's parameter array for call <paramref name="i"/> (same kernel
    /// and values among the <see cref="TinyLite.Runtime.Interpreter.ParamsSharingWindow"/> calls before it).
    /// </summary>
    private static bool SharesParams(IReadOnlyList<KernelCall> calls, int i)
    {
        for (int j = i - 1; j >= Math.Max(0, i - TinyLite.Runtime.Interpreter.ParamsSharingWindow); j--)
            if (calls[j].Code == calls[i].Code && calls[j].Params.AsSpan().SequenceEqual(calls[i].Params)) return true;
        return false;
    }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}
