using TinyLite.Tests.Native;

namespace TinyLite.Tests.Golden;

/// <summary>
/// The models of <c>../shared/models-next</c> whose operators TinyLite runs, every case (multi-step ones on one
/// interpreter, state carried between invokes) under every memory plan, on the managed and the native kernels:
/// byte-identical to TFLM's reference kernels.
/// </summary>
public class NextModelGoldenTests
{
    /// <summary>The models-next models TinyLite supports (issue #11: UNIDIRECTIONAL_SEQUENCE_LSTM).</summary>
    public static readonly string[] Supported = ["mnist_lstm_int8"];

    public static IEnumerable<object[]> Rows() =>
        NextModels.CaseRows(Supported).SelectMany(row => GoldenModelTests.Plans.SelectMany(plan =>
            new[] { new object[] { row[0], row[1], plan, false }, new object[] { row[0], row[1], plan, true } }));

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void CompiledImage_MatchesTflmGoldenBitExactOverEveryStep(string model, string caseName, PlanStrategy plan, bool native)
    {
        Skip.If(NextModels.Root == null, NextModels.MissingMessage);
        Skip.If(native && !TinyLite.Runtime.Native.NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = NextModels.Cases(model).Single(x => x.Name == caseName);
        string path = Path.Combine(NextModels.Dir(model), "model.tflite");
        var compiled = Compiler.Compile(File.ReadAllBytes(path), path, new CompileOptions { Plan = plan });
        Assert.Equal(plan, compiled.Report.Plan);
        var interpreter = new Interpreter(compiled.Image);
        if (native) NativeSupport.UseNative(interpreter, $"{model}/{caseName}");

        byte[][] inputs = c.Inputs.Select(File.ReadAllBytes).ToArray();
        byte[][] golden = c.Golden.Select(File.ReadAllBytes).ToArray();
        for (int step = 0; step < c.Steps; step++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                int size = inputs[i].Length / c.Steps;
                interpreter.SetInput(i, inputs[i].AsSpan(step * size, size).ToArray());
            }
            interpreter.Invoke();
            for (int j = 0; j < golden.Length; j++)
            {
                int size = golden[j].Length / c.Steps;
                ByteAssert.Equal(golden[j].AsSpan(step * size, size).ToArray(), interpreter.GetOutput(j),
                    $"{model}/{caseName} plan {plan.Name()} {(native ? "native" : "managed")} step {step} output {j}");
            }
        }
    }
}
