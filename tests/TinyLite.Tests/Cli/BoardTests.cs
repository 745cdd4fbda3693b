using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Planning;

namespace TinyLite.Tests.Cli;

/// <summary>The board profiles (<c>boards/*/board.json</c>, <c>boards/speed.json</c>) and what <c>compile --board</c> prints.</summary>
[Collection("Console")]
public sealed class BoardTests() : TempFolderTests("tinylite-boards-")
{
    private static string BoardsDir() => Checkout.Path("boards");

    private static string[] BoardFolders() => Directory.GetDirectories(BoardsDir())
        .Where(d => File.Exists(Path.Combine(d, "board.json"))).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> BoardNames() => new(BoardFolders());

    private static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    [Fact]
    public void BoardsFolder_HasTheSevenProfiles()
    {
        Assert.Equal(["esp32", "esp32-psram", "esp32s3", "qemu-mps2-an386", "qemu-mps2-an500", "stm32f429i-disco", "stm32f769i-disco"], BoardFolders());
    }

    [Theory]
    [MemberData(nameof(BoardNames))]
    public void BoardJson_HasRequiredPositiveFieldsAndSources(string name)
    {
        var b = ReadJson(Path.Combine(BoardsDir(), name, "board.json"));
        Assert.Equal(name, b.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(b.GetProperty("core").GetString()));
        Assert.True(b.GetProperty("clock_mhz").GetDouble() > 0);
        Assert.True(b.GetProperty("ram_bytes_for_tinylite").GetInt64() > 0);
        Assert.True(b.GetProperty("flash_bytes_for_tinylite").GetInt64() > 0);
        var sources = b.GetProperty("sources").EnumerateArray().ToArray();
        Assert.NotEmpty(sources);
        foreach (var s in sources)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("file").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("value").GetString()));
        }
        // Every core has speed figures (measured, or approximated by a measured core).
        var native = ReadJson(Path.Combine(BoardsDir(), "speed.json")).GetProperty("native_kernels");
        Assert.True(native.TryGetProperty(b.GetProperty("core").GetString()!, out _));
    }

    [Theory]
    [MemberData(nameof(BoardNames))]
    public void BoardJson_NanoFrameworkBoard_BudgetsFollowFromHeapAndDeployment(string name)
    {
        var b = ReadJson(Path.Combine(BoardsDir(), name, "board.json"));
        if (!b.TryGetProperty("nf_target", out _)) return; // the QEMU boards run no nanoFramework
        Assert.Equal("a3e8139", b.GetProperty("nf_interpreter_commit").GetString());
        long heap = b.GetProperty("managed_heap_bytes").GetInt64(), deploy = b.GetProperty("deployment_flash_bytes").GetInt64();
        Assert.True(heap > 0);
        Assert.True(deploy > 0);
        Assert.Equal(heap - b.GetProperty("managed_heap_reserve_bytes").GetInt64(), b.GetProperty("ram_bytes_for_tinylite").GetInt64());
        Assert.Equal(deploy - b.GetProperty("deployment_reserve_bytes").GetInt64(), b.GetProperty("flash_bytes_for_tinylite").GetInt64());
        Assert.True(b.GetProperty("image_in_ram").GetBoolean());
        if (b.TryGetProperty("native_ram_bytes", out var nativeRam)) Assert.True(nativeRam.GetInt64() > 0);
        Assert.All(b.GetProperty("sources").EnumerateArray(), s => Assert.StartsWith("targets/", s.GetProperty("file").GetString()));
    }

    /// <summary>A model of about 1.7 M MACs (a 64×64×3 input, a stride-2 3×3 convolution to 32 channels, a depthwise and a 1×1 layer).</summary>
    private string ConvModel()
    {
        var graph = StreamTestModels.Start("conv.tflite", 64, 64, 3, seed: 5).Conv(32, 3, 2).Depthwise(3, 1).Conv(16, 1, 1).Finish();
        string path = Path.Combine(TempDir, "conv.tflite");
        File.WriteAllBytes(path, TfliteWriter.Write(graph));
        return path;
    }

    private static (double Native, double Managed) PrintedEstimate(string stdout)
    {
        var m = Regex.Match(stdout, @"estimated ([\d,.]+) ms per inference with native kernels, ([\d,.]+) ms with managed kernels");
        Assert.True(m.Success, stdout);
        return (double.Parse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    /// <summary>Milliseconds computed here from the data files, the same way the README states it.</summary>
    private static (double Native, double Managed) ExpectedMs(string board, string planFigure, long macs)
    {
        var b = ReadJson(Path.Combine(BoardsDir(), board, "board.json"));
        var speed = ReadJson(Path.Combine(BoardsDir(), "speed.json"));
        var core = speed.GetProperty("native_kernels").GetProperty(b.GetProperty("core").GetString()!);
        if (core.TryGetProperty("approximated_by", out var proxy)) core = speed.GetProperty("native_kernels").GetProperty(proxy.GetString()!);
        var figure = core.GetProperty("plans").GetProperty(planFigure);
        double clockHz = b.GetProperty("clock_mhz").GetDouble() * 1e6;
        double nativeCycles = macs * figure.GetProperty("instructions").GetDouble() / figure.GetProperty("macs").GetDouble()
                              * speed.GetProperty("cycles_per_instruction").GetDouble();
        var managed = speed.GetProperty("managed_kernels");
        double managedCycles = macs * managed.GetProperty("measured_at_clock_mhz").GetDouble() * 1e6 / managed.GetProperty("mac_per_second").GetDouble();
        return (nativeCycles / clockHz * 1000, managedCycles / clockHz * 1000);
    }

    [Theory]
    [InlineData("esp32", "layer", "layer")]
    [InlineData("stm32f429i-disco", "layer", "layer")]
    [InlineData("stm32f769i-disco", "stream", "stream")]
    [InlineData("qemu-mps2-an500", "inplace", "inplace")]
    [InlineData("stm32f429i-disco", "patch", "inplace")]
    public void Compile_Board_PrintsTheEstimateFromTheDataFiles(string board, string plan, string planFigure)
    {
        string report = Path.Combine(TempDir, "r.json");
        var r = CliRunner.Run("compile", ConvModel(), "-o", Path.Combine(TempDir, "c.tlm"), "--plan", plan, "--board", board, "--report", report);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"board {board}: fits with plan {plan} (RAM ", r.Stdout);
        var rep = ReadJson(report);
        long macs = rep.GetProperty("macs").GetInt64() + rep.GetProperty("extra_macs").GetInt64();
        Assert.True(macs > 1_000_000, $"{macs} MACs");
        var (native, managed) = PrintedEstimate(r.Stdout);
        var expected = ExpectedMs(board, planFigure, macs);
        // Printed to 0.1 ms below 10 ms and to 1 ms above.
        Assert.InRange(native, expected.Native - 0.51, expected.Native + 0.51);
        Assert.InRange(managed, expected.Managed - 0.51, expected.Managed + 0.51);
    }

    [Fact]
    public void Compile_Board_EstimateScalesWithClock()
    {
        // esp32 (Xtensa LX6, approximated by the Cortex-M4 figures) and stm32f429i-disco (Cortex-M4F): same instructions
        // per MAC, so the times differ only by the clocks in their board.json.
        var esp = CliRunner.Run("compile", ConvModel(), "-o", Path.Combine(TempDir, "a.tlm"), "--plan", "layer", "--board", "esp32");
        var stm = CliRunner.Run("compile", ConvModel(), "-o", Path.Combine(TempDir, "b.tlm"), "--plan", "layer", "--board", "stm32f429i-disco");
        Assert.True(esp.ExitCode == 0 && stm.ExitCode == 0, esp.Stderr + stm.Stderr);
        double espClock = ReadJson(Path.Combine(BoardsDir(), "esp32", "board.json")).GetProperty("clock_mhz").GetDouble();
        double stmClock = ReadJson(Path.Combine(BoardsDir(), "stm32f429i-disco", "board.json")).GetProperty("clock_mhz").GetDouble();
        Assert.NotEqual(espClock, stmClock);
        var (espNative, espManaged) = PrintedEstimate(esp.Stdout);
        var (stmNative, stmManaged) = PrintedEstimate(stm.Stdout);
        Assert.InRange(stmNative * stmClock / espClock, espNative - 1, espNative + 1);
        Assert.InRange(stmManaged * stmClock / espClock, espManaged - 1, espManaged + 1);
    }

    [Fact]
    public void Compile_ImageTooBigForEsp32Heap_NoPlanFitsAndNoOutput()
    {
        // 3×3×128×128 int8 weights (147,456 B): the image alone exceeds the ESP32's 80,896 B, and on nanoFramework the
        // image is a byte[] in the managed heap, so no plan helps.
        var graph = StreamTestModels.Start("heavy.tflite", 8, 8, 128, seed: 9).Conv(128, 3, 1).Finish();
        string model = Path.Combine(TempDir, "heavy.tflite"), image = Path.Combine(TempDir, "heavy.tlm");
        File.WriteAllBytes(model, TfliteWriter.Write(graph));
        var r = CliRunner.Run("compile", model, "-o", image, "--board", "esp32");
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("heavy.tflite: does not fit board esp32: no plan fits its budgets of 80,896 bytes of RAM and 1,572,864 of flash (RAM needed per plan: layer ", lines[0]);
        Assert.Contains("; the image alone (", lines[0]);
        Assert.Contains("is more than the RAM budget, and nanoFramework holds it as a byte[] in the managed heap", lines[0]);
        Assert.DoesNotContain("estimated", r.Stdout);
        Assert.False(File.Exists(image));
        // The same model fits a board whose managed heap is in SDRAM.
        var ok = CliRunner.Run("compile", model, "-o", image, "--board", "stm32f769i-disco");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("board stm32f769i-disco: fits", ok.Stdout);
    }
}
