using System.Diagnostics;
using System.Text.Json;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Cli;

[Collection("Console")]
public sealed class CliTests() : TempFolderTests("tinylite-cli-")
{
    private string PassThroughModel()
    {
        var b = new GraphBuilder("pass.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 4], 0.5f, 1);
        b.MarkOutput(x);
        string path = Path.Combine(TempDir, "pass.tflite");
        File.WriteAllBytes(path, TfliteWriter.Write(b.Build()));
        return path;
    }

    private static void AssertOneErrorLine(CliRunner.Result r, string contains)
    {
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(contains, lines[0]);
    }

    [Fact]
    public void Run_MissingModel_OneErrorLine()
    {
        var r = CliRunner.Run("run", Path.Combine(TempDir, "nope.tflite"), "-i", "x.bin", "-o", Path.Combine(TempDir, "out"));
        AssertOneErrorLine(r, "nope.tflite: no such file");
    }

    [Fact]
    public void Compile_GarbageFile_OneErrorLineAndNoOutput()
    {
        string bad = Path.Combine(TempDir, "bad.tflite");
        File.WriteAllBytes(bad, Enumerable.Range(0, 200).Select(i => (byte)(i * 37)).ToArray());
        string output = Path.Combine(TempDir, "bad.tlm");
        var r = CliRunner.Run("compile", bad, "-o", output);
        AssertOneErrorLine(r, "bad.tflite");
        Assert.Equal([bad], Directory.GetFiles(TempDir));
    }

    [Fact]
    public void Compile_UnsupportedOperator_NamesIndexTypeAndDtypes()
    {
        var b = new GraphBuilder("sin.tflite");
        int x = b.AddInput("x", DataType.Float32, [4]);
        int y = b.AddTensor("y", DataType.Float32, [4]);
        b.AddOperator(BuiltinOperator.Sin, [x], [y]).MarkOutput(y);
        string path = Path.Combine(TempDir, "sin.tflite");
        File.WriteAllBytes(path, TfliteWriter.Write(b.Build()));
        var r = CliRunner.Run("compile", path, "-o", Path.Combine(TempDir, "sin.tlm"));
        AssertOneErrorLine(r, "sin.tflite: operator 0 (SIN, inputs FLOAT32 -> outputs FLOAT32): operator type is not supported");
        Assert.False(File.Exists(Path.Combine(TempDir, "sin.tlm")));
    }

    [Fact]
    public void Compile_SeveralUnsupportedOperators_ListsThemAllAndWritesNothing()
    {
        string path = Path.Combine(TempDir, "four.tflite");
        File.WriteAllBytes(path, TfliteWriter.Write(TinyLite.Tests.Compiling.OperatorProblemsTests.FourProblemModel()));
        var r = CliRunner.Run("compile", path, "-o", Path.Combine(TempDir, "four.tlm"), "--report", Path.Combine(TempDir, "four.json"),
            "--emit-c", Path.Combine(TempDir, "c"));
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("tinylite: error: four.tflite: 4 operators cannot be compiled (3 distinct problems):", lines[0]);
        Assert.Contains("operators 0, 2 (SIN, inputs FLOAT32 -> outputs FLOAT32)", lines[1]);
        Assert.Contains("operator 1 (FLOOR, inputs FLOAT32 -> outputs FLOAT32)", lines[2]);
        Assert.Contains("operator 3 (QUANTIZE, inputs FLOAT32 -> outputs FLOAT32)", lines[3]);
        Assert.Equal([path], Directory.GetFileSystemEntries(TempDir));
    }

    [Fact]
    public void CompileThenRun_WritesImageReportAndOutputs()
    {
        string model = PassThroughModel();
        string image = Path.Combine(TempDir, "pass.tlm");
        string report = Path.Combine(TempDir, "report.json");
        var c = CliRunner.Run("compile", model, "-o", image, "--report", report);
        Assert.Equal(0, c.ExitCode);
        using (var doc = JsonDocument.Parse(File.ReadAllText(report)))
        {
            var root = doc.RootElement;
            Assert.Equal(4, root.GetProperty("arena_bytes").GetInt32());
            Assert.Equal(new FileInfo(image).Length, root.GetProperty("image_bytes").GetInt64());
            foreach (var key in new[] { "weight_bytes", "macs", "extra_macs", "runtime_ram_bytes", "layers" })
                Assert.True(root.TryGetProperty(key, out _), key);
        }
        // The memory picture beside the JSON.
        string picture = File.ReadAllText(Path.Combine(TempDir, "report.html"));
        Assert.Contains("arena_bytes = 4", picture);
        Assert.Contains("<h2>Plan inplace:", picture);
        string input = Path.Combine(TempDir, "in.bin");
        File.WriteAllBytes(input, [1, 2, 3, 250]);
        foreach (var m in new[] { model, image })
        {
            string outDir = Path.Combine(TempDir, "out-" + Path.GetExtension(m).TrimStart('.'));
            var r = CliRunner.Run("run", m, "-i", input, "-o", outDir);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new byte[] { 1, 2, 3, 250 }, File.ReadAllBytes(Path.Combine(outDir, "output0.bin")));
        }
    }

    [Fact]
    public void Run_WrongInputSize_OneErrorLineAndNoOutputs()
    {
        string input = Path.Combine(TempDir, "in.bin");
        File.WriteAllBytes(input, [1, 2, 3]);
        string outDir = Path.Combine(TempDir, "out");
        var r = CliRunner.Run("run", PassThroughModel(), "-i", input, "-o", outDir);
        AssertOneErrorLine(r, "input 0 needs 4 bytes (INT8 [1, 4]) but the file has 3");
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir).Any());
    }

    [Fact]
    public void Run_WrongInputCount_OneErrorLine()
    {
        var r = CliRunner.Run("run", PassThroughModel(), "-o", Path.Combine(TempDir, "out"));
        AssertOneErrorLine(r, "the model has 1 input(s) but 0 -i file(s) were given");
    }

    [Fact]
    public void Run_CorruptImage_OneErrorLine()
    {
        string image = Path.Combine(TempDir, "pass.tlm");
        Assert.Equal(0, CliRunner.Run("compile", PassThroughModel(), "-o", image).ExitCode);
        var bytes = File.ReadAllBytes(image);
        bytes[^1] ^= 1;
        File.WriteAllBytes(image, bytes);
        File.WriteAllBytes(Path.Combine(TempDir, "in.bin"), [0, 0, 0, 0]);
        var r = CliRunner.Run("run", image, "-i", Path.Combine(TempDir, "in.bin"), "-o", Path.Combine(TempDir, "out"));
        AssertOneErrorLine(r, "CRC32 mismatch");
    }

    [Fact]
    public void Compile_UnknownBoard_ListsKnownBoards()
    {
        var r = CliRunner.Run("compile", PassThroughModel(), "-o", Path.Combine(TempDir, "x.tlm"), "--board", "toaster");
        AssertOneErrorLine(r, "--board toaster: unknown board (known: ");
        Assert.Contains("esp32", r.Stderr);
    }

    [Fact]
    public void Compile_BadMaxExtraMacs_OneErrorLine()
    {
        var r = CliRunner.Run("compile", PassThroughModel(), "-o", Path.Combine(TempDir, "x.tlm"), "--max-extra-macs", "lots");
        AssertOneErrorLine(r, "--max-extra-macs: 'lots' is not a percentage between 0% and 1000%");
        Assert.False(File.Exists(Path.Combine(TempDir, "x.tlm")));
    }

    /// <summary>System.CommandLine's error for a value outside a fixed list, the names in the CLI's order.</summary>
    private static string NotOneOf(string value, params string[] names) =>
        $"Argument '{value}' not recognized. Must be one of:{string.Concat(names.Select(n => $"\n\t'{n}'"))}\n\n";

    [Theory]
    [InlineData("tiles")]
    [InlineData("Layer")] // names are case-sensitive
    [InlineData("1")] // and never the enum's numbers
    [InlineData("")]
    public void Compile_UnknownPlan_ListsThePlansAndWritesNothing(string value)
    {
        string image = Path.Combine(TempDir, "x.tlm");
        var r = CliRunner.Run("compile", PassThroughModel(), "-o", image, "--plan", value);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NotOneOf(value, "layer", "inplace", "patch", "stream", "auto"), r.Stderr);
        Assert.Contains("--plan <auto|inplace|layer|patch|stream>", r.Stdout);
        Assert.False(File.Exists(image));
    }

    [Theory]
    [InlineData("int2")]
    [InlineData("INT8")]
    [InlineData("0")]
    public void Compile_UnknownWeights_ListsThePrecisionsAndWritesNothing(string value)
    {
        string image = Path.Combine(TempDir, "x.tlm");
        var r = CliRunner.Run("compile", PassThroughModel(), "-o", image, "--weights", value);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NotOneOf(value, "int8", "int4", "auto"), r.Stderr);
        Assert.False(File.Exists(image));
    }

    [Theory]
    [InlineData("int8")]
    [InlineData("int4")]
    [InlineData("auto")]
    public void Compile_WeightsOfAModelWithoutWeights_WritesTheSameImage(string value)
    {
        string model = PassThroughModel(), plain = Path.Combine(TempDir, "plain.tlm"), image = Path.Combine(TempDir, "x.tlm");
        Assert.Equal(0, CliRunner.Run("compile", model, "-o", plain).ExitCode);
        var r = CliRunner.Run("compile", model, "-o", image, "--weights", value);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(image));
    }

    [Fact]
    public void Run_UnknownKernels_ListsTheKernelSets()
    {
        var r = CliRunner.Run("run", PassThroughModel(), "-o", Path.Combine(TempDir, "out"), "--kernels", "cmsis");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NotOneOf("cmsis", "managed", "native"), r.Stderr);
        Assert.Contains("--kernels <managed|native>", r.Stdout);
        Assert.False(Directory.Exists(Path.Combine(TempDir, "out")));
    }

    [Fact]
    public void Help_NamedOptions_ShowTheNamesAndTheDefaultByName()
    {
        var compile = CliRunner.Run("compile", "--help");
        Assert.Equal(0, compile.ExitCode);
        Assert.Matches(@"--weights <auto\|int4\|int8>\s+weight precision: int8, int4 or auto \[default: int8\]", compile.Stdout);
        Assert.Matches(@"--plan <auto\|inplace\|layer\|patch\|stream>\s+memory plan: .* \[default: auto\]", compile.Stdout);
        var run = CliRunner.Run("run", "--help");
        Assert.Matches(@"--kernels <managed\|native>\s+managed \(C#\) or native \(C\) kernels \[default: managed\]", run.Stdout);
    }

    [Theory]
    [InlineData("layer")]
    [InlineData("inplace")]
    [InlineData("stream")]
    [InlineData("patch")]
    public void Compile_EachPlan_NamesItInTheReportAndTheSummary(string plan)
    {
        string report = Path.Combine(TempDir, "r.json");
        var r = CliRunner.Run("compile", PassThroughModel(), "-o", Path.Combine(TempDir, "x.tlm"), "--plan", plan, "--report", report);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.EndsWith($" kernel calls, plan {plan}\n", r.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(plan, doc.RootElement.GetProperty("plan").GetString());
        Assert.Contains($"The image uses plan <b>{plan}</b>", File.ReadAllText(Path.Combine(TempDir, "r.html")));
    }

    [Fact]
    public void Compile_LayerPlanTooBigForBoard_NamesThePlanThatFits()
    {
        // A 64×64×32 intermediate (131,072 B) does not fit the ESP32's 80,896 B layer by layer; streamed, only a few
        // of its rows exist at once.
        var graph = TinyLite.Tests.Planning.StreamTestModels.Start("wide.tflite", 64, 64, 3, seed: 21)
            .Conv(32, 3, 1).Depthwise(3, 2).Conv(8, 1, 1).Finish();
        string model = Path.Combine(TempDir, "wide.tflite");
        File.WriteAllBytes(model, TfliteWriter.Write(graph));
        string image = Path.Combine(TempDir, "wide.tlm");
        var r = CliRunner.Run("compile", model, "-o", image, "--plan", "layer", "--board", "esp32");
        AssertOneErrorLine(r, "wide.tflite: --plan layer does not fit board esp32: it needs ");
        Assert.Contains("these plans fit: ", r.Stderr);
        Assert.Contains("--plan stream (", r.Stderr);
        Assert.Contains("(RAM needed per plan: layer ", r.Stderr);
        Assert.False(File.Exists(image));
        // Without --plan, auto picks a plan that fits.
        var auto = CliRunner.Run("compile", model, "-o", image, "--board", "esp32");
        Assert.True(auto.ExitCode == 0, auto.Stderr);
        Assert.Contains("board esp32: fits with plan ", auto.Stdout);
        var ok = CliRunner.Run("compile", model, "-o", image, "--plan", "stream", "--board", "esp32");
        Assert.Equal(0, ok.ExitCode);
        Assert.True(File.Exists(image));
    }

    [Fact]
    public void Compile_EmitC_CompilesWithWallWerror()
    {
        string cDir = Path.Combine(TempDir, "c"), csDir = Path.Combine(TempDir, "cs");
        var r = CliRunner.Run("compile", PassThroughModel(), "-o", Path.Combine(TempDir, "x.tlm"), "--emit-c", cDir, "--emit-cs", csDir, "--name", "model");
        Assert.Equal(0, r.ExitCode);
        string source = File.ReadAllText(Path.Combine(cDir, "model_data.c"));
        Assert.StartsWith("/* generated by tinylite v", source);
        Assert.Contains("#define MODEL_ARENA_BYTES 4u", File.ReadAllText(Path.Combine(cDir, "model_data.h")));
        string cs = File.ReadAllText(Path.Combine(csDir, "Model.g.cs"));
        Assert.Contains("public const int ArenaBytes = 4;", cs);
        Assert.Contains("public const float Input0Scale = 0.5f;", cs);
        var gcc = Process.Start(new ProcessStartInfo("gcc", ["-std=c99", "-Wall", "-Wextra", "-Werror", "-c", Path.Combine(cDir, "model_data.c"), "-o", Path.Combine(cDir, "model_data.o")])
        {
            RedirectStandardError = true,
        })!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, errors);
        // The image bytes in the C array are the image itself.
        var image = File.ReadAllBytes(Path.Combine(TempDir, "x.tlm"));
        Assert.Contains($"MODEL_DATA_BYTES {image.Length}u", File.ReadAllText(Path.Combine(cDir, "model_data.h")));
    }
}
