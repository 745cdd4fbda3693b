using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// The float32 models of tests/data/float against the outputs of TFLM's float reference kernels: byte-identical
/// with the managed kernels and with the native kernels, under every memory plan.
/// </summary>
public class FloatGoldenTests
{
    public static IEnumerable<object[]> Rows() =>
        from model in FloatTestModels.All.Keys
        from c in FloatGoldenData.Inputs(model)
        from plan in PlanStrategies.Concrete
        select new object[] { model, c.Case, plan };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ManagedKernels_MatchTflmGoldenBitExact(string model, string caseName, PlanStrategy plan)
    {
        var (image, input, golden) = Load(model, caseName, plan);
        var interpreter = new Interpreter(image);
        interpreter.SetInput(0, input);
        interpreter.Invoke();
        ByteAssert.Equal(golden, interpreter.GetOutput(0), $"{model}/{caseName} plan {plan.Name()} managed");
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void NativeKernels_MatchTflmGoldenBitExact(string model, string caseName, PlanStrategy plan)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var (image, input, golden) = Load(model, caseName, plan);
        var interpreter = new Interpreter(image);
        NativeSupport.UseNative(interpreter, model);
        interpreter.SetInput(0, input);
        interpreter.Invoke();
        ByteAssert.Equal(golden, interpreter.GetOutput(0), $"{model}/{caseName} plan {plan.Name()} native");
    }

    private static (byte[] Image, byte[] Input, byte[] Golden) Load(string model, string caseName, PlanStrategy plan)
    {
        string dir = Path.Combine(FloatGoldenData.Root, model);
        string golden = Path.Combine(dir, "golden", $"{caseName}.output0.bin");
        Assert.True(File.Exists(golden), $"{golden} is missing (tests/data/float/README.md says how TFLM makes it)");
        var compiled = Compiler.Compile(TfliteReader.ReadFile(Path.Combine(dir, "model.tflite")), new CompileOptions { Plan = plan });
        return (compiled.Image, File.ReadAllBytes(Path.Combine(dir, "inputs", $"{caseName}.input0.bin")), File.ReadAllBytes(golden));
    }
}
