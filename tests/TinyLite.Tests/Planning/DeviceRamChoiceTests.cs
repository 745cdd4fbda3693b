using TinyLite.Codegen.Report;

namespace TinyLite.Tests.Planning;

/// <summary>
/// <c>--plan auto</c> minimises the RAM the device spends (arena + interpreter state + the image, which nanoFramework
/// holds as a byte[]), not the arena alone; the report's per-layer entries add up to its totals.
/// </summary>
public class DeviceRamChoiceTests
{
    public static IEnumerable<object[]> Models() =>
        SharedModels.Root == null ? [["(no shared models)"]] : SharedModels.ModelNames().Select(m => new object[] { m });

    private static (byte[] Tflite, string Path) Read(string model)
    {
        string path = Path.Combine(SharedModels.Dir(model), "model.tflite");
        return (File.ReadAllBytes(path), path);
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Auto_PicksTheLeastDeviceRamOfAllPlans_CompiledOneByOne(string model)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var (tflite, path) = Read(model);
        var auto = Compiler.Compile(tflite, path);
        // Each plan compiled on its own: its own image, interpreter state and arena.
        var each = PlanStrategies.Concrete.Select(s => Compiler.Compile(tflite, path, new CompileOptions { Plan = s }).Report)
            .Where(r => r.ExtraMacs <= r.Macs * 0.05).ToList();
        long Ram(CompileReport r) => r.ArenaBytes + r.RuntimeRamBytes + r.ImageBytes;
        long least = each.Min(Ram);
        var a = auto.Report;
        Assert.True(Ram(a) * 100 <= least * 102, $"{model}: auto ({a.Plan.Name()}) {Ram(a)} B, least {least} B ({string.Join(", ", each.Select(r => $"{r.Plan.Name()} {Ram(r)}"))})");
        // Within 2% of the least, auto runs the fewest MACs (no instruction figures given: one per MAC), then the least RAM.
        var close = each.Where(r => Ram(r) * 100 <= least * 102).ToList();
        long fewest = close.Min(r => r.Macs + r.ExtraMacs);
        Assert.Equal(fewest, a.Macs + a.ExtraMacs);
        Assert.Equal(close.Where(r => r.Macs + r.ExtraMacs == fewest).Min(Ram), Ram(a));
        Assert.Equal(each.Single(r => r.Plan == a.Plan).ImageBytes, a.ImageBytes);
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Report_LayerEntriesAddUpToTheTotals_OnEveryPlan(string model)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var (tflite, path) = Read(model);
        foreach (var strategy in PlanStrategies.Concrete)
        {
            var r = Compiler.Compile(tflite, path, new CompileOptions { Plan = strategy }).Report;
            // Row bands of a streamed layer read the same weights: each constant counts once.
            Assert.Equal(r.WeightBytes, r.Layers.Sum(l => l.WeightBytes));
            Assert.Equal(r.Macs + r.ExtraMacs, r.Layers.Sum(l => l.Macs));
        }
    }

    [SkippableFact]
    public void Report_Vww96Stream_BandsDoNotRepeatWeights()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var (tflite, path) = Read("vww_96_int8");
        var r = Compiler.Compile(tflite, path, new CompileOptions { Plan = PlanStrategy.Stream }).Report;
        // The stream plan runs some layers as many row-band calls; before the fix every band repeated its layer's
        // weights (the entries summed to 287,000 B against 241,984 B of weights).
        Assert.True(r.Layers.Count > 200, $"{r.Layers.Count} calls");
        Assert.Equal(241984, r.WeightBytes);
        Assert.Equal(241984, r.Layers.Sum(l => l.WeightBytes));
    }

    [Fact]
    public void PlanChoice_FasterPlanWithinTwoPercent_IsPicked()
    {
        // Hand-made figures: stream has the least RAM (1,000 B), layer 1.5% more but fewer instructions, patch 3% more
        // and fewer still (beyond the tolerance).
        var stream = Figures(PlanStrategy.Stream, ram: 1000, instructions: 300);
        var layer = Figures(PlanStrategy.Layer, ram: 1015, instructions: 200);
        var patch = Figures(PlanStrategy.Patch, ram: 1030, instructions: 100);
        Assert.Equal(PlanStrategy.Layer, PlanChoice.Pick([layer, stream, patch]).Strategy);
        Assert.Equal(PlanStrategy.Stream, PlanChoice.Pick([stream, patch]).Strategy);
        // Same instructions: the least RAM.
        var inplace = Figures(PlanStrategy.InPlace, ram: 1010, instructions: 200);
        Assert.Equal(PlanStrategy.InPlace, PlanChoice.Pick([layer, inplace, stream]).Strategy);
    }

    [Fact]
    public void PlanFigures_ImageCountsOnlyWhenInRam()
    {
        var inRam = Figures(PlanStrategy.Layer, ram: 0, instructions: 1) with { ArenaBytes = 100, RuntimeRamBytes = 20, ImageBytes = 1000, ImageInRam = true };
        Assert.Equal(1120, inRam.DeviceRamBytes);
        Assert.Equal(120, (inRam with { ImageInRam = false }).DeviceRamBytes);
    }

    private static PlanFigures Figures(PlanStrategy strategy, long ram, double instructions) => new()
    {
        Strategy = strategy, ArenaBytes = (int)ram, RuntimeRamBytes = 0, ImageBytes = 0, ImageInRam = false,
        ExtraMacs = 0, ExecutedMacs = 0, EstimatedInstructions = instructions,
    };
}
