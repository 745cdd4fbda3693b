using TinyLite.Cli;
using TinyLite.Codegen.Demo;
using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Cli;

namespace TinyLite.Tests.Native;

/// <summary><c>tinylite run --kernels native</c>: same output files as the managed kernels and as TFLM.</summary>
[Collection("Console")]
public sealed class NativeCliTests() : TempFolderTests("tinylite-native-cli-")
{
    [SkippableFact]
    public void RunKernelsNative_PadModel_WritesManagedOutput()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var b = new GraphBuilder("pad.tflite");
        int x = b.AddInput("x", DataType.Int8, [2, 3], 0.5f, -3);
        int paddings = b.AddConstantInt32("paddings", [2, 2], [1, 0, 2, 1]);
        int y = b.AddTensor("y", DataType.Int8, [3, 6], 0.5f, -3);
        b.AddOperator(BuiltinOperator.Pad, [x, paddings], [y]).MarkOutput(y);
        string model = Path.Combine(TempDir, "pad.tflite");
        File.WriteAllBytes(model, TfliteWriter.Write(b.Build()));
        string input = Path.Combine(TempDir, "in.bin");
        File.WriteAllBytes(input, [1, 2, 3, 4, 5, 6]);

        var native = CliRunner.Run("run", model, "-i", input, "-o", Path.Combine(TempDir, "native"), "--kernels", "native");
        Assert.True(native.ExitCode == 0, native.Stderr);
        var managed = CliRunner.Run("run", model, "-i", input, "-o", Path.Combine(TempDir, "managed"));
        Assert.True(managed.ExitCode == 0, managed.Stderr);

        // One row of padding above, two columns left and one right, filled with the zero point -3 (0xFD).
        byte p = unchecked((byte)-3);
        byte[] expected = [p, p, p, p, p, p, p, p, 1, 2, 3, p, p, p, 4, 5, 6, p];
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(TempDir, "native", "output0.bin")));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(TempDir, "managed", "output0.bin")));
    }

    [SkippableFact]
    public void RunKernelsNative_Tflite_RunsTheDefaultPlanBitExact()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        // The line detector's default plan is in place: the least device RAM (streaming's smaller arena costs more
        // interpreter state and image for its extra band calls).
        byte[] tflite = TfliteWriter.Write(LineDetectorModel.Build());
        string model = Path.Combine(TempDir, "line_detector.tflite");
        File.WriteAllBytes(model, tflite);
        var compiled = Compiler.Compile(tflite, model);
        Assert.Equal(PlanStrategy.InPlace, compiled.Report.Plan);

        var loaded = RunCommand.Load(model, KernelSet.Native);
        Assert.True(loaded.UsesNativeKernels);
        Assert.Equal(compiled.Report.ArenaBytes, loaded.ArenaBytes);
        Assert.Equal(compiled.Calls.Count, loaded.OperatorCount);

        var managed = new Interpreter(compiled.Image);
        for (int k = 0; k < LineDetectorModel.Classes.Length; k++)
        {
            string input = Path.Combine(TempDir, $"in{k}.bin"), outDir = Path.Combine(TempDir, $"out{k}");
            byte[] picture = LineDetectorModel.Picture(LineDetectorModel.Classes[k], seed: 3 + k);
            File.WriteAllBytes(input, picture);
            var r = CliRunner.Run("run", model, "-i", input, "-o", outDir, "--kernels", "native");
            Assert.True(r.ExitCode == 0, r.Stderr);
            managed.SetInput(0, picture);
            managed.Invoke();
            ByteAssert.Equal(managed.GetOutput(0), File.ReadAllBytes(Path.Combine(outDir, "output0.bin")), $"picture {k}");
        }
    }

    [SkippableFact]
    public void RunKernelsNative_SeanetStridedSlice_MatchesGolden()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        string dir = SharedModels.Dir("seanet/strided_slice/strided_slice0");
        var c = SharedModels.Cases("seanet/strided_slice/strided_slice0").First();
        var args = new List<string> { "run", Path.Combine(dir, "model.tflite"), "-o", Path.Combine(TempDir, "out"), "--kernels", "native" };
        foreach (var i in c.Inputs) args.AddRange(["-i", i]);
        var r = CliRunner.Run([.. args]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        for (int j = 0; j < c.Golden.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(c.Golden[j]), File.ReadAllBytes(Path.Combine(TempDir, "out", $"output{j}.bin")), $"output {j}");
    }
}
