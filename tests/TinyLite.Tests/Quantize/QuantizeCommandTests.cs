using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Cli;

namespace TinyLite.Tests.Quantize;

/// <summary><c>tinylite quantize</c>: the file it writes and its one-line errors (which leave no output file).</summary>
[Collection("Console")]
public sealed class QuantizeCommandTests() : TempFolderTests("tl-quantize-")
{
    private string Output => Path.Combine(TempDir, "out.tflite");

    private static void AssertOneErrorLine(CliRunner.Result r, string expected)
    {
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("tinylite: error: " + expected + "\n", r.Stderr);
    }

    [Fact]
    public void Quantize_Int4_WritesAFileWithInt4WeightsAndReportsEachLayer()
    {
        var r = CliRunner.Run("quantize", Int4TestData.File("model_int8.tflite"), "-o", Output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var graph = TfliteReader.Read(File.ReadAllBytes(Output), "out.tflite");
        Assert.Equal(3, graph.Tensors.Count(t => t.Type == DataType.Int4));
        Assert.Contains("layer 4 FULLY_CONNECTED", r.Stdout);
        Assert.Contains("3 of 3 layers int4 (int4): weight bytes 287 -> 145, with int32 biases 363 -> 221 (0.609x)", r.Stdout);
        Assert.Contains("top-1 agreement", r.Stdout);
    }

    [Fact]
    public void Quantize_UnsupportedLayout_OneLineAndNoFile()
    {
        var b = new GraphBuilder("shuffled.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 4], 0.5f, 0);
        int w = b.AddConstantInt8("w", [2, 4], [1, 2, 3, 4, 5, 6, 7, 8], [0.1f]);
        int y = b.AddTensor("y", DataType.Int8, [1, 2], 0.25f, 0);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, w], [y], new FullyConnectedOptions(Activation.None, 1, false, false));
        b.MarkOutput(y);
        string model = Path.Combine(TempDir, "shuffled.tflite");
        File.WriteAllBytes(model, TfliteWriter.Write(b.Build()));
        var r = CliRunner.Run("quantize", model, "-o", Output);
        AssertOneErrorLine(r, "shuffled.tflite: operator 0 (FULLY_CONNECTED): unsupported layout: weights format 1 (shuffled); only the default format can be requantized");
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Quantize_CalibrationFileOfTheWrongSize_OneLineAndNoFile()
    {
        string calibration = Directory.CreateDirectory(Path.Combine(TempDir, "calib")).FullName;
        File.WriteAllBytes(Path.Combine(calibration, "a.bin"), new byte[192]);
        File.WriteAllBytes(Path.Combine(calibration, "b.bin"), new byte[191]);
        var r = CliRunner.Run("quantize", Int4TestData.File("model_int8.tflite"), "--weights", "auto", "--calibration", calibration, "-o", Output);
        AssertOneErrorLine(r, $"--calibration {Path.Combine(calibration, "b.bin")}: 191 bytes, but one input of model_int8.tflite is 192 bytes (INT8 [1, 8, 8, 3])");
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Quantize_EmptyCalibrationFolder_OneLineAndNoFile()
    {
        string calibration = Directory.CreateDirectory(Path.Combine(TempDir, "empty")).FullName;
        var r = CliRunner.Run("quantize", Int4TestData.File("model_int8.tflite"), "--weights", "auto", "--calibration", calibration, "-o", Output);
        AssertOneErrorLine(r, $"--calibration {calibration}: the folder is empty; it needs raw input files of 192 bytes (INT8 [1, 8, 8, 3])");
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Quantize_MissingCalibrationFolder_OneLineAndNoFile()
    {
        string calibration = Path.Combine(TempDir, "nowhere");
        var r = CliRunner.Run("quantize", Int4TestData.File("model_int8.tflite"), "--calibration", calibration, "-o", Output);
        AssertOneErrorLine(r, $"--calibration {calibration}: no such folder");
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Quantize_MaxErrorNotANumber_OneLineAndNoFile()
    {
        var r = CliRunner.Run("quantize", Int4TestData.File("model_int8.tflite"), "--weights", "auto", "--max-error", "loud", "-o", Output);
        AssertOneErrorLine(r, "--max-error: 'loud' is not a number of dB");
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Quantize_Auto_WithACalibrationFolder_ReportsPerLayerSqnrAndAgreement()
    {
        string calibration = Directory.CreateDirectory(Path.Combine(TempDir, "calib")).FullName;
        for (int k = 0; k < Int4TestData.Cases; k++)
            File.Copy(Int4TestData.File($"case{k}.input0.bin"), Path.Combine(calibration, $"case{k}.bin"));
        var r = CliRunner.Run("quantize", Int4TestData.File("model_int8.tflite"), "--weights", "auto", "--calibration", calibration, "-o", Output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(3, r.Stdout.Split('\n').Count(l => l.Contains("alone in int4: SQNR")));
        Assert.Contains($"vs the int8 model on 3 files in {calibration}: top-1 agreement", r.Stdout);
        Assert.True(File.Exists(Output));
    }
}
