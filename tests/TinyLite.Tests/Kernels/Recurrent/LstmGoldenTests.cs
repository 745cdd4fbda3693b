using TinyLite.Tests.Golden;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// The LSTM variants of tests/data/lstm (int8 batch- and time-major, cell clip, a coarse cell scale, int16x8) against
/// TFLM's reference kernels: bit-exact over <see cref="LstmTestData.Steps"/> invokes on one interpreter, every plan,
/// managed and native kernels. The committed models must be exactly what <see cref="LstmTestModels"/> builds.
/// </summary>
public class LstmGoldenTests
{
    public static IEnumerable<object[]> Rows() => GoldenModelTests.PlanKernelRowsOf(LstmTestModels.GoldenVariants.Select(spec => spec.Name));

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void LstmVariant_MatchesTflmGoldenBitExactOverSteps(string variant, PlanStrategy plan, bool native)
    {
        Skip.If(native && !NativeKernels.IsAvailable, NativeSupport.SkipReason);
        string dir = LstmTestData.Dir(variant);
        byte[] model = File.ReadAllBytes(Path.Combine(dir, "model.tflite"));
        var compiled = Compiler.Compile(model, variant + ".tflite", new CompileOptions { Plan = plan });
        var interpreter = new Interpreter(compiled.Image);
        if (native) NativeSupport.UseNative(interpreter, variant);
        byte[] input = File.ReadAllBytes(Path.Combine(dir, "input0.bin"));
        byte[] golden = File.ReadAllBytes(Path.Combine(dir, "golden.output0.bin"));
        int inBytes = input.Length / LstmTestData.Steps;
        int outBytes = golden.Length / LstmTestData.Steps;
        for (int step = 0; step < LstmTestData.Steps; step++)
        {
            interpreter.SetInput(0, input.AsSpan(step * inBytes, inBytes).ToArray());
            interpreter.Invoke();
            ByteAssert.Equal(golden.AsSpan(step * outBytes, outBytes).ToArray(), interpreter.GetOutput(0),
                $"{variant} plan {plan.Name()} {(native ? "native" : "managed")} step {step}");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void CommittedModel_IsWhatTheGeneratorBuilds(string variant)
    {
        var spec = LstmTestModels.GoldenVariants.Single(s => s.Name == variant);
        Assert.Equal(LstmTestData.ModelBytes(spec), File.ReadAllBytes(Path.Combine(LstmTestData.Dir(variant), "model.tflite")));
    }

    public static IEnumerable<object[]> Variants() => LstmTestModels.GoldenVariants.Select(s => new object[] { s.Name });
}
