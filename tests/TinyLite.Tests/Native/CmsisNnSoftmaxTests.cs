namespace TinyLite.Tests.Native;

/// <summary>
/// int8 SOFTMAX records compiled with <c>--cmsis-nn</c> carry TFLM's Prepare values (beta multiplier, left shift,
/// diff_min) for CMSIS-NN's arm_softmax_s8 / arm_softmax_s8_s16, which a native build with
/// TINYLITE_CMSIS_NN_ALL_ROUTES=ON routes them to. Row lengths on both sides of the route's limit (511), several rows,
/// int16 output and in-place plans run through the native library and the managed kernels: the bytes must agree
/// (with the default library the native side is the reference C; select a CMSIS-NN build with TINYLITE_NATIVE_LIB).
/// </summary>
public class CmsisNnSoftmaxTests
{
    private static Graph Softmax(int rows, int depth, float inScale, float beta, bool int16Out)
    {
        var b = new GraphBuilder("softmax_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int8, [rows, depth], inScale, 3);
        int y = int16Out
            ? b.AddTensor("y", DataType.Int16, [rows, depth], 1f / 65536, -32768)
            : b.AddTensor("y", DataType.Int8, [rows, depth], 1f / 256, -128);
        b.AddOperator(BuiltinOperator.Softmax, [x], [y], new SoftmaxOptions(beta)).MarkOutput(y);
        return b.Build();
    }

    [Fact]
    public void Compile_CmsisNn_SoftmaxCarriesTflmPrepareValues()
    {
        // Input scale 0.1f = 13421773 * 2^-27, beta 1: beta * scale * 2^26 = 6710886.5, in [2^22, 2^23), so the left
        // shift is 23 and the Q0.31 multiplier 6710886.5 * 2^-23 * 2^31 = 1717986944 exactly; TFLM's input radius
        // is (2^5 - 1) * 2^26 / 2^23 = 248.
        var plain = Compiler.Compile(Softmax(2, 10, 0.1f, 1f, false), new CompileOptions { Plan = PlanStrategy.Layer }).Calls.Single();
        var cmsis = Compiler.Compile(Softmax(2, 10, 0.1f, 1f, false), new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true }).Calls.Single();
        Assert.Equal([2, 10], plain.Params);
        Assert.Equal([2, 10, 1717986944, 23, -248], cmsis.Params);
    }

    public static TheoryData<string, int, int, float, float, bool> Shapes() => new()
    {
        { "s8_rows3_depth10", 3, 10, 0.1f, 1f, false },
        { "s8_depth511", 1, 511, 0.05f, 1f, false },
        { "s8_depth512_reference", 2, 512, 0.05f, 1f, false },
        { "s8_beta_small_scale", 2, 33, 0.02f, 0.5f, false },
        { "s8_s16_rows4_depth37", 4, 37, 0.08f, 1f, true },
        { "s8_s16_depth600_reference", 1, 600, 0.1f, 1f, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Shapes))]
    public void NativeKernels_CmsisNnSoftmaxShapes_MatchManagedKernels(string name, int rows, int depth, float inScale, float beta,
        bool int16Out)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        foreach (var plan in new[] { PlanStrategy.Layer, PlanStrategy.InPlace })
        {
            var compiled = Compiler.Compile(Softmax(rows, depth, inScale, beta, int16Out), new CompileOptions { Plan = plan, CmsisNn = true });
            Assert.Equal(5, compiled.Calls.Single(c => c.Code is OpCode.SoftmaxS8 or OpCode.SoftmaxS8S16).Params.Length);
            for (int seed = 1; seed <= 4; seed++)
            {
                var (managed, native) = NativeSupport.RunBoth(compiled.Image, NativeSupport.RandomInputs(compiled.Image, seed), name);
                ByteAssert.Equal(managed[0], native[0], $"{name} plan {plan.Name()} seed {seed}");
            }
        }
    }
}
