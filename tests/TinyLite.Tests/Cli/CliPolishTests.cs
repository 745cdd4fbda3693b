using System.Text.RegularExpressions;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Cli;

/// <summary>Issue #14 item 5: the run summary, inspect on images, messages about files and paths, --name.</summary>
[Collection("Console")]
public sealed class CliPolishTests() : TempFolderTests("tinylite-polish-")
{
    /// <summary>An int8 [1, 4] input that is also the output (scale 0.5, zero point 1).</summary>
    private string PassThroughModel(string file = "pass.tflite")
    {
        var b = new GraphBuilder(file);
        int x = b.AddInput("x", DataType.Int8, [1, 4], 0.5f, 1);
        b.MarkOutput(x);
        string path = Path.Combine(TempDir, file);
        File.WriteAllBytes(path, TfliteWriter.Write(b.Build()));
        return path;
    }

    private static void AssertOneErrorLine(CliRunner.Result r, string expected)
    {
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("tinylite: error: " + expected + "\n", r.Stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Run_PrintsTopClassDequantizedValuesAndTimePerInvoke()
    {
        string input = Path.Combine(TempDir, "in.bin");
        File.WriteAllBytes(input, [3, 9, unchecked((byte)-5), 1]);
        var r = CliRunner.Run("run", PassThroughModel(), "-i", input, "-o", Path.Combine(TempDir, "out"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        // (q - 1) * 0.5: 3 -> 1, 9 -> 4, -5 -> -3, 1 -> 0 (worked by hand).
        Assert.Contains("output 0 (INT8 [1, 4]): top class 1; largest values [1] 4, [0] 1, [3] 0\n", r.Stdout.Replace("\r\n", "\n"));
        Assert.Matches(@"[\d.]+ ms per Invoke \(managed kernels on this host, 1 invoke\)", r.Stdout);
    }

    [Fact]
    public void Compile_TlmImage_SaysItIsAlreadyCompiled()
    {
        string model = PassThroughModel(), image = Path.Combine(TempDir, "pass.tlm");
        Assert.Equal(0, CliRunner.Run("compile", model, "-o", image).ExitCode);
        var r = CliRunner.Run("compile", image, "-o", Path.Combine(TempDir, "again.tlm"));
        AssertOneErrorLine(r, $"{image}: is a TinyLite image (.tlm), already compiled; compile takes a .tflite model (run and inspect take the image as it is)");
        Assert.False(File.Exists(Path.Combine(TempDir, "again.tlm")));
    }

    [Theory]
    [InlineData("notes.tflite")]
    [InlineData("notes.txt")]
    public void Compile_FileWithoutTfl3_SaysItIsNotTflite(string file)
    {
        string path = Path.Combine(TempDir, file);
        File.WriteAllText(path, "these are not the bytes of a flatbuffer");
        var r = CliRunner.Run("compile", path, "-o", Path.Combine(TempDir, "x.tlm"));
        AssertOneErrorLine(r, $"{path}: not a TFLite model (no \"TFL3\" file identifier at byte 4); compile, run and inspect take a .tflite flatbuffer or a .tlm image");
        var inspect = CliRunner.Run("inspect", path);
        Assert.Contains("not a TFLite model (no \"TFL3\"", inspect.Stderr);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("inspect")]
    public void TruncatedTlm_MessageNamesTheFile(string command)
    {
        string model = PassThroughModel(), image = Path.Combine(TempDir, "pass.tlm"), cut = Path.Combine(TempDir, "cut.tlm");
        Assert.Equal(0, CliRunner.Run("compile", model, "-o", image).ExitCode);
        File.WriteAllBytes(cut, File.ReadAllBytes(image)[..100]);
        string[] args = command == "run" ? ["run", cut, "-i", image, "-o", Path.Combine(TempDir, "out")] : ["inspect", cut];
        var r = CliRunner.Run(args);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"tinylite: error: {cut}: image: ", r.Stderr);
    }

    [Fact]
    public void OutputPaths_FolderForFileAndFileForFolder_GetOurMessage()
    {
        string model = PassThroughModel(), image = Path.Combine(TempDir, "pass.tlm"), input = Path.Combine(TempDir, "in.bin");
        File.WriteAllBytes(input, [1, 2, 3, 4]);
        Directory.CreateDirectory(Path.Combine(TempDir, "folder"));
        AssertOneErrorLine(CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "folder")),
            $"{Path.Combine(TempDir, "folder")}: is a folder; give the path of the file to write");
        Assert.Equal(0, CliRunner.Run("compile", model, "-o", image).ExitCode);
        AssertOneErrorLine(CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "x.tlm"), "--emit-c", image),
            $"{image}: is a file; give a folder to write into (it is created when missing)");
        AssertOneErrorLine(CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "x.tlm"), "--emit-cs", Path.Combine(image, "cs")),
            $"{Path.Combine(image, "cs")}: {image} is a file, so nothing can be written under it");
        AssertOneErrorLine(CliRunner.Run("run", image, "-i", input, "-o", input),
            $"{input}: is a file; give a folder to write into (it is created when missing)");
        Assert.False(File.Exists(Path.Combine(TempDir, "x.tlm")));
    }

    [Fact]
    public void EmitName_GivenDefaultAndInvalid()
    {
        string model = PassThroughModel("kws-tiny v2.tflite");
        string c = Path.Combine(TempDir, "c"), cs = Path.Combine(TempDir, "cs");
        var named = CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "a.tlm"), "--emit-c", c, "--emit-cs", cs, "--name", "Wake");
        Assert.True(named.ExitCode == 0, named.Stderr);
        Assert.Contains("extern const uint8_t Wake_data[WAKE_DATA_BYTES];", File.ReadAllText(Path.Combine(c, "Wake_data.h")));
        Assert.Contains("#include \"Wake_data.h\"", File.ReadAllText(Path.Combine(c, "Wake_data.c")));
        Assert.Matches(@"class Wake\b", File.ReadAllText(Path.Combine(cs, "Model.g.cs")));

        // Default: from the file name.
        var byFile = CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "b.tlm"), "--emit-c", Path.Combine(TempDir, "c2"), "--emit-cs", Path.Combine(TempDir, "cs2"));
        Assert.True(byFile.ExitCode == 0, byFile.Stderr);
        Assert.Contains("extern const uint8_t kws_tiny_v2_data[", File.ReadAllText(Path.Combine(TempDir, "c2", "kws_tiny_v2_data.h")));
        Assert.Matches(@"class KwsTinyV2Model\b", File.ReadAllText(Path.Combine(TempDir, "cs2", "Model.g.cs")));

        // model.tflite keeps the plain names.
        string plain = PassThroughModel("model.tflite");
        Assert.Equal(0, CliRunner.Run("compile", plain, "-o", Path.Combine(TempDir, "m.tlm"), "--emit-c", Path.Combine(TempDir, "c3"), "--emit-cs", Path.Combine(TempDir, "cs3")).ExitCode);
        Assert.True(File.Exists(Path.Combine(TempDir, "c3", "model_data.c")));
        Assert.Matches(@"class Model\b", File.ReadAllText(Path.Combine(TempDir, "cs3", "Model.g.cs")));

        AssertOneErrorLine(CliRunner.Run("compile", model, "-o", Path.Combine(TempDir, "d.tlm"), "--emit-c", c, "--name", "2fast"),
            "--name 2fast: not a C and C# identifier (letters, digits and '_', not starting with a digit)");
    }

    [SkippableTheory]
    [MemberData(nameof(SharedModels.ModelPlanRows), MemberType = typeof(SharedModels))]
    public void InspectTlm_ListsEveryKernelCallWithTheCompilersMacs(string model, PlanStrategy plan)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var compiled = SharedModels.Compile(model, plan);
        string image = Path.Combine(TempDir, "m.tlm");
        File.WriteAllBytes(image, compiled.Image);
        var r = CliRunner.Run("inspect", image);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = Regex.Matches(r.Stdout, @"^\s+(\d+) (\w+)\s+op\s+(\d+)\s.* (\d+) B in, (\d+) B out, (\d+) MACs$", RegexOptions.Multiline);
        Assert.Equal(compiled.Plan.Calls.Count, rows.Count);
        for (int c = 0; c < rows.Count; c++)
        {
            var call = compiled.Plan.Calls[c];
            Assert.Equal(c, int.Parse(rows[c].Groups[1].Value));
            Assert.Equal(call.SourceIndex, int.Parse(rows[c].Groups[3].Value));
            // The compiler's own count of the call (its lowering's or band's), not recomputed here.
            Assert.True(call.Macs == long.Parse(rows[c].Groups[6].Value), $"call {c} {rows[c].Groups[2].Value}: compiler {call.Macs}, inspect {rows[c].Groups[6].Value}");
        }
        Assert.Contains($"total: {compiled.Report.Macs + compiled.Report.ExtraMacs} MACs in {rows.Count} kernel calls", r.Stdout);
    }
}
