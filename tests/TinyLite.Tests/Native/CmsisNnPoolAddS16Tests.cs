using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Tests.Kernels.Elementwise;

namespace TinyLite.Tests.Native;

/// <summary>
/// The int16 pooling and ADD routes of the CMSIS-NN backend (arm_max_pool_s16, arm_avgpool_s16 with the scratch
/// <c>--cmsis-nn</c> reserves, arm_elementwise_add_s16): windows clipped by padding, odd channel counts and lengths
/// (the DSP paths work on pairs), activations, and the records that must stay on the reference kernel (broadcasting
/// ADD, non-zero zero points), compiled with <c>--cmsis-nn</c> and run through the native library and the managed
/// kernels: the bytes must agree. With the default library the native side is the reference C; select a CMSIS-NN
/// build with TINYLITE_NATIVE_LIB to test the routes.
/// </summary>
public class CmsisNnPoolAddS16Tests
{
    private static readonly Dictionary<string, Func<Graph>> Models = new()
    {
        ["max_pool_s16_3x3_same_odd_depth"] = () => Pool(BuiltinOperator.MaxPool2D, 2, 7, 6, 5, Padding.Same, 1, 1, 3, 3, Activation.None),
        ["max_pool_s16_2x2_valid_relu"] = () => Pool(BuiltinOperator.MaxPool2D, 1, 8, 8, 4, Padding.Valid, 2, 2, 2, 2, Activation.Relu),
        ["average_pool_s16_3x3_same_odd_depth"] = () => Pool(BuiltinOperator.AveragePool2D, 2, 7, 6, 5, Padding.Same, 1, 1, 3, 3, Activation.None),
        ["average_pool_s16_global"] = () => Pool(BuiltinOperator.AveragePool2D, 1, 5, 4, 9, Padding.Valid, 1, 1, 5, 4, Activation.None),
        ["average_pool_s16_even_same_stride2_relu6"] = () => Pool(BuiltinOperator.AveragePool2D, 1, 6, 7, 3, Padding.Same, 2, 2, 4, 3, Activation.Relu6),
        ["add_s16_same_shape_odd_37"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int16, [37], [37], [37],
            (0.0005f, 0), (0.0002f, 0), (0.0006f, 0), new AddSubOptions(Activation.None, false)),
        ["add_s16_same_shape_relu_4d"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int16, [1, 4, 4, 8], [1, 4, 4, 8],
            [1, 4, 4, 8], (0.001f, 0), (0.0007f, 0), (0.0012f, 0), new AddSubOptions(Activation.Relu, false)),
        ["add_s16_broadcast_row_reference"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int16, [3, 8], [1, 8], [3, 8],
            (0.0005f, 0), (0.0002f, 0), (0.0006f, 0), new AddSubOptions(Activation.None, false)),
        ["add_s16_zero_points_reference"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int16, [10], [10], [10],
            (0.0005f, 7), (0.0002f, -3), (0.0006f, 2), new AddSubOptions(Activation.None, false)),
    };

    public static IEnumerable<object[]> Names() => Models.Keys.Select(k => new object[] { k });

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void NativeKernels_CmsisNnInt16PoolAddShapes_MatchManagedKernels(string name)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        foreach (var plan in new[] { PlanStrategy.Layer, PlanStrategy.InPlace })
        {
            byte[] image = Compiler.Compile(Models[name](), new CompileOptions { Plan = plan, CmsisNn = true }).Image;
            for (int seed = 1; seed <= 4; seed++)
            {
                var (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, seed), name);
                ByteAssert.Equal(managed[0], native[0], $"{name} plan {plan.Name()} seed {seed}");
            }
        }
    }

    [Fact]
    public void Compile_CmsisNn_Int16AveragePoolGetsOneInt32PerChannelOfScratch()
    {
        var plain = Compiler.Compile(Pool(BuiltinOperator.AveragePool2D, 1, 5, 4, 9, Padding.Valid, 1, 1, 5, 4, Activation.None),
            new CompileOptions { Plan = PlanStrategy.Layer });
        var cmsis = Compiler.Compile(Pool(BuiltinOperator.AveragePool2D, 1, 5, 4, 9, Padding.Valid, 1, 1, 5, 4, Activation.None),
            new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true });
        Assert.Single(plain.Calls.Single().Outputs);
        var call = cmsis.Calls.Single();
        Assert.Equal(OpCode.AveragePoolS16, call.Code);
        Assert.Equal(PoolSlots.OutScratch + 1, call.Outputs.Length);
        Assert.Equal(9 * 4, cmsis.Graph.Tensors[call.Outputs[PoolSlots.OutScratch]].ByteSize);
    }

    private static Graph Pool(BuiltinOperator op, int n, int h, int w, int c, Padding padding, int strideH, int strideW, int fH, int fW,
        Activation activation)
    {
        int outH = padding == Padding.Same ? (h + strideH - 1) / strideH : (h - fH) / strideH + 1;
        int outW = padding == Padding.Same ? (w + strideW - 1) / strideW : (w - fW) / strideW + 1;
        var b = new GraphBuilder("pool_s16_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int16, [n, h, w, c], 0.001f, 0);
        int y = b.AddTensor("y", DataType.Int16, [n, outH, outW, c], 0.001f, 0);
        b.AddOperator(op, [x], [y], new Pool2DOptions(padding, strideW, strideH, fW, fH, activation)).MarkOutput(y);
        return b.Build();
    }
}
