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
    /// <summary>The strategy of the image's plan (never <see cref="PlanStrategy.Auto"/>); its name in the JSON.</summary>
    [JsonPropertyName("plan"), JsonConverter(typeof(PlanStrategyJsonConverter))] public required PlanStrategy Plan { get; init; }
    /// <summary>Peak activation RAM including inputs, outputs and scratch.</summary>
    [JsonPropertyName("arena_bytes")] public required int ArenaBytes { get; init; }
    [JsonPropertyName("image_bytes")] public required int ImageBytes { get; init; }
    /// <summary>Constant bytes in the image (weights, bias, requantization tables).</summary>
    [JsonPropertyName("weight_bytes")] public required long WeightBytes { get; init; }
    [JsonPropertyName("macs")] public required long Macs { get; init; }
    /// <summary>MACs recomputed by the plan (patch borders); 0 for layer-by-layer.</summary>
    [JsonPropertyName("extra_macs")] public required long ExtraMacs { get; init; }
    /// <summary>
    /// Interpreter state besides the arena and the image on a 32-bit device: the managed heap
    /// <c>new Interpreter(image, arena)</c> keeps, object by object with nanoCLR's 12-byte heap blocks
    /// (<see cref="InterpreterHeap"/>).
    /// </summary>
    [JsonPropertyName("runtime_ram_bytes")] public required long RuntimeRamBytes { get; init; }
    /// <summary>
    /// The same on the 64-bit posix nanoCLR (24-byte heap blocks), the build bench/nanoclr/run-heap.sh measures on:
    /// compare the measurement with this figure.
    /// </summary>
    [JsonPropertyName("runtime_ram_bytes_posix64")] public required long RuntimeRamBytesPosix64 { get; init; }
    /// <summary>
    /// Whether <see cref="DeviceRamBytes"/> counts the image (the deployment loads it into RAM, as nanoFramework does
    /// with a <c>byte[]</c> read from a resource). Set by the compiler from <see cref="CompileOptions.ImageInRam"/>.
    /// </summary>
    [JsonPropertyName("image_in_ram")] public bool ImageInRam { get; init; } = true;
    /// <summary>RAM the device spends: <see cref="ArenaBytes"/> + <see cref="RuntimeRamBytes"/> (+ <see cref="ImageBytes"/> when <see cref="ImageInRam"/>).</summary>
    [JsonPropertyName("device_ram_bytes")] public long DeviceRamBytes => ArenaBytes + RuntimeRamBytes + (ImageInRam ? ImageBytes : 0);
    /// <summary>The device figures of every plan compared (only the chosen one when a plan was named without comparing).</summary>
    [JsonPropertyName("plans")] public IReadOnlyList<PlanFigures> Plans { get; init; } = [];
    /// <summary>
    /// Per model input, whether the plan keeps its bytes through <c>Invoke()</c> (<see cref="InputReuse"/>); false: call
    /// <c>SetInput</c> before every <c>Invoke()</c> (the rule for every plan, docs/RUNTIME.md).
    /// </summary>
    [JsonPropertyName("inputs_kept")] public IReadOnlyList<bool> InputsKept { get; init; } = [];
    [JsonPropertyName("compile_ms")] public required double CompileMilliseconds { get; init; }
    [JsonPropertyName("layers")] public required IReadOnlyList<LayerReport> Layers { get; init; }

    /// <summary>Builds the report of a compilation.</summary>
    public static CompileReport Create(Graph graph, IReadOnlyList<KernelCall> calls, MemoryPlan plan, byte[] image, TimeSpan elapsed)
    {
        // Each constant counts at the first call that reads it: the row bands of a streamed layer (and layers that
        // share a table) read the same weights, and the entries must add up to weight_bytes.
        var counted = new HashSet<int>();
        var layers = calls.Select((c, i) => new LayerReport(i, c.SourceOp, c.SourceIndex, c.Code, c.Macs,
            c.Inputs.Where(t => t >= 0 && graph.Tensors[t].IsConstant && counted.Add(t)).Sum(t => (long)graph.Tensors[t].Data!.Length),
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
            RuntimeRamBytes = InterpreterHeap.Bytes(ImageCounts.FromImage(image), HeapLayout.Device32),
            RuntimeRamBytesPosix64 = InterpreterHeap.Bytes(ImageCounts.FromImage(image), HeapLayout.Posix64),
            CompileMilliseconds = Math.Round(elapsed.TotalMilliseconds, 1),
            Layers = layers,
            InputsKept = InputReuse.InputsKept(graph, plan),
        };
    }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}
