using TinyLite.Codegen;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Native;
using TinyLite.Tests.Kernels.Elementwise;
using TinyLite.Tests.Kernels.Conv;
using TinyLite.Tests.Support;

namespace TinyLite.Tests.Native;

/// <summary>
/// One-operator models of every kernel family (the op-level models of the kernel tests, rebuilt here) compiled
/// through the real pipeline and run twice on seeded random inputs: the native kernels must write exactly the
/// bytes of the managed kernels (which the family tests check against references and TFLM).
/// </summary>
public class NativeAgreementTests
{
    private static readonly Dictionary<string, Func<Graph>> Models = new()
    {
        // Shape family.
        ["pad_s8"] = () => Single(BuiltinOperator.Pad, DataType.Int8, [1, 3, 4, 2], [1, 6, 5, 2], 0.1f, 3,
            b => [b.AddConstantInt32("paddings", [4, 2], [0, 0, 1, 2, 0, 1, 0, 0])]),
        ["pad_s16"] = () => Single(BuiltinOperator.Pad, DataType.Int16, [2, 3, 3], [2, 5, 4], 0.001f, 0,
            b => [b.AddConstantInt32("paddings", [3, 2], [0, 0, 2, 0, 1, 0])]),
        ["transpose_s8"] = () => Single(BuiltinOperator.Transpose, DataType.Int8, [2, 3, 4], [4, 2, 3], 0.1f, 0,
            b => [b.AddConstantInt32("perm", [3], [2, 0, 1])]),
        ["strided_slice_s16"] = () => Single(BuiltinOperator.StridedSlice, DataType.Int16, [4, 6], [2, 3], 0.01f, 0,
            b => [b.AddConstantInt32("begin", [2], [0, 1]), b.AddConstantInt32("end", [2], [4, 6]), b.AddConstantInt32("strides", [2], [2, 2])],
            new StridedSliceOptions(0, 0, 0, 0, 0, false)),
        ["reshape_s8"] = () => Single(BuiltinOperator.Reshape, DataType.Int8, [2, 6], [3, 4], 0.1f, 0,
            b => [b.AddConstantInt32("shape", [2], [3, 4])], new ReshapeOptions([3, 4])),
        ["concatenation_s8"] = Concatenation,
        ["quantize_f32_s8"] = () => Single(BuiltinOperator.Quantize, DataType.Float32, [3, 7], [3, 7], null, 0, null, null,
            DataType.Int8, 0.05f, -4),
        ["requantize_s8_s16"] = () => Single(BuiltinOperator.Quantize, DataType.Int8, [20], [20], 0.07f, 5, null, null,
            DataType.Int16, 0.003f, 0),
        ["dequantize_s8"] = () => Single(BuiltinOperator.Dequantize, DataType.Int8, [17], [17], 0.031f, -7, null, null,
            DataType.Float32),
        ["cast_s8_s32"] = () => Single(BuiltinOperator.Cast, DataType.Int8, [9], [9], null, 0, null, null, DataType.Int32),

        // Conv family.
        ["conv_s8"] = () => ConvTestModel.Build(new ConvTestModel.Options { Seed = 3 }).Graph,
        ["conv_s8_stride2_valid"] = () => ConvTestModel.Build(new ConvTestModel.Options
            { InH = 7, InW = 6, StrideH = 2, StrideW = 2, Padding = Padding.Valid, Activation = Activation.Relu, Seed = 4 }).Graph,
        ["conv_s4"] = () => ConvTestModel.Build(new ConvTestModel.Options { WeightType = DataType.Int4, Seed = 5 }).Graph,
        ["conv_s16"] = () => ConvTestModel.Build(new ConvTestModel.Options
            { ActivationType = DataType.Int16, BiasType = DataType.Int64, Seed = 6 }).Graph,
        ["depthwise_s8"] = () => ConvTestModel.Build(new ConvTestModel.Options
            { Kind = ConvTestModel.Kind.Depthwise, FC = 2, Seed = 7 }).Graph,
        ["depthwise_s16"] = () => ConvTestModel.Build(new ConvTestModel.Options
            { Kind = ConvTestModel.Kind.Depthwise, ActivationType = DataType.Int16, BiasType = DataType.Int64, Seed = 8 }).Graph,
        ["transpose_conv_s8"] = () => ConvTestModel.Build(new ConvTestModel.Options
            { Kind = ConvTestModel.Kind.Transpose, StrideH = 2, StrideW = 2, Seed = 9 }).Graph,

        // Element-wise family.
        ["add_s8_broadcast"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int8, [2, 3, 4], [1, 1, 4], [2, 3, 4],
            (0.05f, 3), (0.02f, -2), (0.06f, 1), new AddSubOptions(Activation.None, true)),
        ["sub_s16"] = () => ElementwiseHarness.Binary(BuiltinOperator.Sub, DataType.Int16, [3, 5], [3, 5], [3, 5],
            (0.001f, 0), (0.002f, 0), (0.003f, 0), new AddSubOptions(Activation.None, false)),
        ["mul_s8"] = () => ElementwiseHarness.Binary(BuiltinOperator.Mul, DataType.Int8, [4, 4], [4, 4], [4, 4],
            (0.05f, 1), (0.04f, -3), (0.1f, 2), new MulOptions(Activation.None)),
        ["maximum_s8"] = () => ElementwiseHarness.Binary(BuiltinOperator.Maximum, DataType.Int8, [10], [10], [10],
            (0.05f, 0), (0.05f, 0), (0.05f, 0)),
        ["relu_s8"] = () => ElementwiseHarness.Unary(BuiltinOperator.Relu, DataType.Int8, [12], (0.05f, -3), (0.04f, -128)),
        ["leaky_relu_s16"] = () => ElementwiseHarness.Unary(BuiltinOperator.LeakyRelu, DataType.Int16, [12], (0.001f, 0), (0.001f, 0),
            new LeakyReluOptions(0.2f)),
        ["hard_swish_s8"] = () => ElementwiseHarness.Unary(BuiltinOperator.HardSwish, DataType.Int8, [16], (0.05f, 2), (0.03f, -5)),
        ["add_f32"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Float32, [6], [6], [6],
            options: new AddSubOptions(Activation.None, true)),

        // Dense family.
        ["fully_connected_s8"] = FullyConnected,
        ["average_pool_s8"] = () => Pool(BuiltinOperator.AveragePool2D),
        ["max_pool_s8"] = () => Pool(BuiltinOperator.MaxPool2D),
        ["softmax_s8"] = () => Single(BuiltinOperator.Softmax, DataType.Int8, [2, 10], [2, 10], 0.1f, 4, null,
            new SoftmaxOptions(1f), DataType.Int8, 1f / 256, -128),
        ["mean_s8"] = () => Single(BuiltinOperator.Mean, DataType.Int8, [1, 4, 5, 3], [1, 1, 1, 3], 0.05f, 2,
            b => [b.AddConstantInt32("axis", [2], [1, 2])], new ReducerOptions(true), DataType.Int8, 0.04f, -1),
        ["logistic_s16"] = () => Single(BuiltinOperator.Logistic, DataType.Int16, [15], [15], 1f / 4096, 0, null, null,
            DataType.Int16, 1f / 32768, 0),
        ["tanh_s16"] = () => Single(BuiltinOperator.Tanh, DataType.Int16, [15], [15], 1f / 4096, 0, null, null,
            DataType.Int16, 1f / 32768, 0),
    };

    public static IEnumerable<object[]> Names() => Models.Keys.Select(k => new object[] { k });

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void NativeKernels_MatchManagedKernels(string name)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = Compiler.Compile(Models[name](), NativeGoldenModelTests.NativePlan).Image;
        for (int seed = 1; seed <= 3; seed++)
        {
            var (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, seed), name);
            Assert.Equal(managed.Length, native.Length);
            for (int j = 0; j < managed.Length; j++)
                ByteAssert.Equal(managed[j], native[j], $"{name} seed {seed} output {j}");
        }
    }

    /// <summary>A one-operator graph: input x (plus constant inputs) to output y.</summary>
    private static Graph Single(BuiltinOperator op, DataType type, int[] inShape, int[] outShape, float? scale, long zeroPoint,
        Func<GraphBuilder, int[]>? extra = null, OperatorOptions? options = null, DataType? outType = null,
        float? outScale = null, long outZeroPoint = 0)
    {
        var b = new GraphBuilder(op + "_native.tflite");
        int x = b.AddInput("x", type, inShape, scale, zeroPoint);
        int[] more = extra?.Invoke(b) ?? [];
        bool sameQuant = outType == null;
        int y = b.AddTensor("y", outType ?? type, outShape, sameQuant ? scale : outScale, sameQuant ? zeroPoint : outZeroPoint);
        b.AddOperator(op, [x, .. more], [y], options).MarkOutput(y);
        return b.Build();
    }

    private static Graph Concatenation()
    {
        var b = new GraphBuilder("concat_native.tflite");
        int x0 = b.AddInput("x0", DataType.Int8, [2, 3], 0.1f, 1);
        int x1 = b.AddInput("x1", DataType.Int8, [2, 2], 0.1f, 1);
        int y = b.AddTensor("y", DataType.Int8, [2, 5], 0.1f, 1);
        b.AddOperator(BuiltinOperator.Concatenation, [x0, x1], [y], new ConcatenationOptions(1, Activation.None)).MarkOutput(y);
        return b.Build();
    }

    private static Graph FullyConnected()
    {
        var rng = new Random(11);
        int inDepth = 12, outDepth = 5;
        var w = Enumerable.Range(0, inDepth * outDepth).Select(_ => (sbyte)rng.Next(-127, 128)).ToArray();
        float[] wScales = Enumerable.Range(0, outDepth).Select(i => 0.01f + 0.002f * i).ToArray();
        var b = new GraphBuilder("fc_native.tflite");
        int x = b.AddInput("x", DataType.Int8, [2, inDepth], 0.05f, 3);
        int wt = b.AddConstantInt8("w", [outDepth, inDepth], w, wScales);
        int bias = b.AddConstantInt32("b", [outDepth], Enumerable.Range(0, outDepth).Select(_ => rng.Next(-3000, 3000)).ToArray(),
            new Quantization(wScales.Select(s => 0.05f * s).ToArray(), new long[outDepth], 0));
        int y = b.AddTensor("y", DataType.Int8, [2, outDepth], 0.2f, -2);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, wt, bias], [y], new FullyConnectedOptions(Activation.None, 0, false, false))
            .MarkOutput(y);
        return b.Build();
    }

    private static Graph Pool(BuiltinOperator op)
    {
        var b = new GraphBuilder("pool_native.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 6, 5, 3], 0.05f, 2);
        int y = b.AddTensor("y", DataType.Int8, [1, 3, 3, 3], 0.05f, 2);
        b.AddOperator(op, [x], [y], new Pool2DOptions(Padding.Same, 2, 2, 3, 2, Activation.None)).MarkOutput(y);
        return b.Build();
    }
}
