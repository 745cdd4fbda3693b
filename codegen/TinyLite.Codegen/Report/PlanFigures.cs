using System.Text.Json.Serialization;
using TinyLite.Codegen.Planning;

namespace TinyLite.Codegen.Report;

/// <summary>
/// What one memory plan costs on the device, from its own image: the arena, the interpreter state that image makes
/// (<see cref="InterpreterHeap"/>; streamed and patched plans have more kernel calls, so more state), the image bytes
/// and an instruction estimate. <c>--plan auto</c> and <c>--board</c> compare plans by these figures.
/// </summary>
public sealed record PlanFigures
{
    /// <summary>The plan's strategy (never <see cref="PlanStrategy.Auto"/>).</summary>
    [JsonPropertyName("plan"), JsonConverter(typeof(PlanStrategyJsonConverter))] public required PlanStrategy Strategy { get; init; }
    [JsonPropertyName("arena_bytes")] public required int ArenaBytes { get; init; }
    /// <summary>Interpreter state on a 32-bit device (the report's <c>runtime_ram_bytes</c> for this plan's image).</summary>
    [JsonPropertyName("runtime_ram_bytes")] public required long RuntimeRamBytes { get; init; }
    [JsonPropertyName("image_bytes")] public required int ImageBytes { get; init; }
    /// <summary>MACs the plan recomputes (patch borders).</summary>
    [JsonPropertyName("extra_macs")] public required long ExtraMacs { get; init; }
    /// <summary>MACs one invoke executes: the model's plus <see cref="ExtraMacs"/>.</summary>
    [JsonPropertyName("executed_macs")] public required long ExecutedMacs { get; init; }
    /// <summary>
    /// Estimated instructions per invoke: <see cref="ExecutedMacs"/> × the instructions per MAC measured for the plan
    /// (<see cref="CompileOptions.InstructionsPerMac"/>; 1 per MAC when none is given, i.e. the executed MACs).
    /// </summary>
    [JsonPropertyName("estimated_instructions")] public required double EstimatedInstructions { get; init; }
    /// <summary>
    /// True when the deployment loads the image into RAM (<see cref="CompileOptions.ImageInRam"/>): on nanoFramework the
    /// interpreter takes the image as a <c>byte[]</c> in the managed heap.
    /// </summary>
    [JsonPropertyName("image_in_ram")] public required bool ImageInRam { get; init; }

    /// <summary>
    /// RAM the device spends on the model: arena + interpreter state, + the image when <see cref="ImageInRam"/>.
    /// </summary>
    [JsonPropertyName("device_ram_bytes")] public long DeviceRamBytes => ArenaBytes + RuntimeRamBytes + (ImageInRam ? ImageBytes : 0);

    /// <summary>The figures of <paramref name="plan"/> whose image is <paramref name="image"/>.</summary>
    public static PlanFigures Of(MemoryPlan plan, byte[] image, long modelMacs, bool imageInRam, IReadOnlyDictionary<PlanStrategy, double>? instructionsPerMac)
    {
        long runtime = InterpreterHeap.Bytes(ImageCounts.FromImage(image), HeapLayout.Device32);
        long executed = modelMacs + plan.ExtraMacs;
        double perMac = instructionsPerMac != null && instructionsPerMac.TryGetValue(plan.Strategy, out double v) ? v : 1.0;
        return new PlanFigures
        {
            Strategy = plan.Strategy,
            ArenaBytes = plan.ArenaBytes,
            RuntimeRamBytes = runtime,
            ImageBytes = image.Length,
            ExtraMacs = plan.ExtraMacs,
            ExecutedMacs = executed,
            EstimatedInstructions = executed * perMac,
            ImageInRam = imageInRam,
        };
    }
}
