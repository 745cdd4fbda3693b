using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Cli;

/// <summary>
/// <c>tinylite run --steps K</c>: K invokes on one interpreter (state carried over), K input tensors back to back per
/// file, K outputs concatenated per output file; managed and native kernels, .tflite and .tlm.
/// </summary>
[Collection("Console")]
public sealed class RunStepsTests() : TempFolderTests("tinylite-steps-")
{
    /// <summary>
    /// An accumulator: y = x + state (ADD, int8, every scale 1 and zero point 0, so exact integer sums), then
    /// state = y (RESHAPE into the variable tensor); a second input z passes through ADD with a constant 1 as
    /// output 1. state starts at 0 and lives across invokes.
    /// </summary>
    private string AccumulatorModel()
    {
        var b = new GraphBuilder("acc.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 4], 1f, 0);
        int z = b.AddInput("z", DataType.Int8, [1, 2], 1f, 0);
        int state = b.Add("state", DataType.Int8, [1, 4], new Quantization([1f], [0], 0), null, isVariable: true);
        int y = b.AddTensor("y", DataType.Int8, [1, 4], 1f, 0);
        int one = b.Add("one", DataType.Int8, [1, 2], new Quantization([1f], [0], 0), [1, 1]);
        int z1 = b.AddTensor("z1", DataType.Int8, [1, 2], 1f, 0);
        int shape = b.AddConstantInt32("shape", [2], [1, 4]);
        b.AddOperator(BuiltinOperator.Add, [x, state], [y], new AddSubOptions(Activation.None, true))
            .AddOperator(BuiltinOperator.Reshape, [y, shape], [state], new ReshapeOptions([1, 4]))
            .AddOperator(BuiltinOperator.Add, [z, one], [z1], new AddSubOptions(Activation.None, true))
            .MarkOutput(y)
            .MarkOutput(z1);
        string path = Path.Combine(TempDir, "acc.tflite");
        File.WriteAllBytes(path, TfliteWriter.Write(b.Build()));
        return path;
    }

    private static byte[] Bytes(params int[] values) => values.Select(v => unchecked((byte)(sbyte)v)).ToArray();

    /// <summary>Three steps of x: [1,2,3,4], [10,10,10,10], [-1,-1,-1,-1]; of z: [5,6], [7,8], [-9,0].</summary>
    private (string X, string Z) ThreeStepInputs()
    {
        string xs = Path.Combine(TempDir, "x.bin"), zs = Path.Combine(TempDir, "z.bin");
        File.WriteAllBytes(xs, Bytes(1, 2, 3, 4, 10, 10, 10, 10, -1, -1, -1, -1));
        File.WriteAllBytes(zs, Bytes(5, 6, 7, 8, -9, 0));
        return (xs, zs);
    }

    /// <summary>Running sums of x (the state carries over), and z + 1 step by step.</summary>
    private static readonly byte[] ExpectedY = Bytes(1, 2, 3, 4, 11, 12, 13, 14, 10, 11, 12, 13);

    private static readonly byte[] ExpectedZ1 = Bytes(6, 7, 8, 9, -8, 1);

    private void AssertThreeSteps(string model, params string[] extra)
    {
        var (xs, zs) = ThreeStepInputs();
        string outDir = Path.Combine(TempDir, "out");
        var r = CliRunner.Run(["run", model, "-i", xs, "-i", zs, "-o", outDir, "--steps", "3", .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(ExpectedY, File.ReadAllBytes(Path.Combine(outDir, "output0.bin")));
        Assert.Equal(ExpectedZ1, File.ReadAllBytes(Path.Combine(outDir, "output1.bin")));
    }

    [Fact]
    public void RunSteps_Tflite_CarriesStateAndConcatenatesOutputs()
    {
        AssertThreeSteps(AccumulatorModel());
    }

    [Theory]
    [InlineData("layer")]
    [InlineData("inplace")]
    [InlineData("stream")]
    public void RunSteps_CompiledImage_CarriesStateUnderEveryPlan(string plan)
    {
        string image = Path.Combine(TempDir, "acc.tlm");
        var c = CliRunner.Run("compile", AccumulatorModel(), "-o", image, "--plan", plan);
        Assert.True(c.ExitCode == 0, c.Stderr);
        AssertThreeSteps(image);
    }

    [SkippableFact]
    public void RunSteps_NativeKernels_CarryStateLikeManaged()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        AssertThreeSteps(AccumulatorModel(), "--kernels", "native");
    }

    [Fact]
    public void RunSteps_One_IsThePlainRun()
    {
        string model = AccumulatorModel();
        string xs = Path.Combine(TempDir, "x1.bin"), zs = Path.Combine(TempDir, "z1.bin");
        File.WriteAllBytes(xs, Bytes(1, 2, 3, 4));
        File.WriteAllBytes(zs, Bytes(5, 6));
        var plain = CliRunner.Run("run", model, "-i", xs, "-i", zs, "-o", Path.Combine(TempDir, "plain"));
        var one = CliRunner.Run("run", model, "-i", xs, "-i", zs, "-o", Path.Combine(TempDir, "one"), "--steps", "1");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(Bytes(1, 2, 3, 4), File.ReadAllBytes(Path.Combine(TempDir, "one", "output0.bin")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TempDir, "plain", "output0.bin")), File.ReadAllBytes(Path.Combine(TempDir, "one", "output0.bin")));
    }

    [Fact]
    public void RunSteps_FileNotKTimesTheTensor_OneErrorLineAndNoOutput()
    {
        string model = AccumulatorModel();
        var (xs, _) = ThreeStepInputs();
        string zs = Path.Combine(TempDir, "z-short.bin");
        File.WriteAllBytes(zs, Bytes(5, 6, 7, 8, -9)); // 5 bytes: not 3 x 2
        string outDir = Path.Combine(TempDir, "out");
        var r = CliRunner.Run("run", model, "-i", xs, "-i", zs, "-o", outDir, "--steps", "3");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"tinylite: error: {zs}: input 1 needs 3 x 2 = 6 bytes (3 steps of INT8 [1, 2]) but the file has 5",
            r.Stderr.TrimEnd());
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void RunSteps_Zero_IsRefused()
    {
        var (xs, zs) = ThreeStepInputs();
        var r = CliRunner.Run("run", AccumulatorModel(), "-i", xs, "-i", zs, "-o", Path.Combine(TempDir, "out"), "--steps", "0");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("tinylite: error: --steps 0: the number of steps must be at least 1", r.Stderr.TrimEnd());
    }
}
