using System.Globalization;
using System.Text.RegularExpressions;
using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Planning;

namespace TinyLite.Tests.Cli;

/// <summary>
/// <c>compile --board</c> checks each plan with its own figures (arena, interpreter state, image), picks a plan that
/// fits, and counts the image where nanoFramework holds it in RAM (the byte[] Resources.GetBytes returns).
/// </summary>
[Collection("Console")]
public sealed class BoardChoiceTests() : TempFolderTests("tinylite-board-choice-")
{
    [SkippableFact]
    public void Compile_Vww96_OnStm32f429iDisco_Fits()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        string model = Path.Combine(SharedModels.Dir("vww_96_int8"), "model.tflite"), image = Path.Combine(TempDir, "vww.tlm");
        var r = CliRunner.Run("compile", model, "-o", image, "--board", "stm32f429i-disco");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("board stm32f429i-disco: fits with plan ", r.Stdout);
        Assert.True(File.Exists(image));
    }

    /// <summary>
    /// A 3×3 convolution of an 8×8×64 input to 128 channels: 73,728 B of weights. Arena and interpreter state are far
    /// below the ESP32's 80,896 B, the image alone is below it too, but both together are not.
    /// </summary>
    private string HeavyWeightsModel()
    {
        var graph = StreamTestModels.Start("weights.tflite", 8, 8, 64, seed: 11).Conv(128, 3, 1).Finish();
        string path = Path.Combine(TempDir, "weights.tflite");
        File.WriteAllBytes(path, TfliteWriter.Write(graph));
        return path;
    }

    [Fact]
    public void Compile_Esp32_CountsTheImageCopyInTheManagedHeap()
    {
        string model = HeavyWeightsModel(), image = Path.Combine(TempDir, "w.tlm");
        var layer = Compiler.Compile(File.ReadAllBytes(model), model, new CompileOptions { Plan = PlanStrategy.Layer }).Report;
        Assert.True(layer.ArenaBytes + layer.RuntimeRamBytes < 80896 / 4, $"arena {layer.ArenaBytes} + interpreter {layer.RuntimeRamBytes}");
        Assert.True(layer.ImageBytes < 80896, $"image {layer.ImageBytes}");
        var r = CliRunner.Run("compile", model, "-o", image, "--board", "esp32");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("weights.tflite: does not fit board esp32: no plan fits its budgets of 80,896 bytes of RAM", r.Stderr);
        Assert.Contains($" + image {layer.ImageBytes.ToString("N0", CultureInfo.InvariantCulture)})", r.Stderr);
        Assert.False(File.Exists(image));
        // The emulated board runs the image from its own buffer (image_in_ram false): the same model fits there.
        var qemu = CliRunner.Run("compile", model, "-o", image, "--board", "qemu-mps2-an386");
        Assert.True(qemu.ExitCode == 0, qemu.Stderr);
    }

    [Fact]
    public void Compile_NothingFits_NamesEachPlansOwnNeed()
    {
        string model = HeavyWeightsModel();
        var r = CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "w.tlm"), "--board", "esp32");
        Assert.Equal(1, r.ExitCode);
        // Each plan's figures are its own image's: compiled here one plan at a time.
        foreach (var strategy in PlanStrategies.Concrete)
        {
            var rep = Compiler.Compile(File.ReadAllBytes(model), model, new CompileOptions { Plan = strategy }).Report;
            string need = string.Format(CultureInfo.InvariantCulture, "{0} {1:N0} B (arena {2:N0} + interpreter {3:N0} + image {4:N0})",
                strategy.Name(), rep.ArenaBytes + rep.RuntimeRamBytes + rep.ImageBytes, rep.ArenaBytes, rep.RuntimeRamBytes, rep.ImageBytes);
            Assert.Contains(need, r.Stderr);
        }
        Assert.Contains("; try ", r.Stderr);
    }

    [Fact]
    public void Compile_AutoWithBoard_PicksAPlanThatFitsWhereTheLayerPlanDoesNot()
    {
        // A 64×64×32 intermediate (131,072 B) cannot be whole in the ESP32's 80,896 B; the streamed plans fit.
        var graph = StreamTestModels.Start("wide.tflite", 64, 64, 3, seed: 21).Conv(32, 3, 1).Depthwise(3, 2).Conv(8, 1, 1).Finish();
        string model = Path.Combine(TempDir, "wide.tflite"), image = Path.Combine(TempDir, "wide.tlm");
        File.WriteAllBytes(model, TfliteWriter.Write(graph));
        var r = CliRunner.Run("compile", model, "-o", image, "--board", "esp32");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var m = Regex.Match(r.Stdout, @"board esp32: fits with plan (\w+)");
        Assert.True(m.Success, r.Stdout);
        Assert.NotEqual("layer", m.Groups[1].Value);
        var rep = Compiler.Compile(File.ReadAllBytes(model), model, new CompileOptions { Plan = PlanStrategies.Names.Parse(m.Groups[1].Value) }).Report;
        Assert.True(rep.ArenaBytes + rep.RuntimeRamBytes + rep.ImageBytes <= 80896);
        Assert.Equal(rep.ImageBytes, new FileInfo(image).Length);
    }
}
