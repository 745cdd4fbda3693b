using TinyLite.Tests.Kernels.Elementwise;
using TinyLite.Tests.Kernels.Conv;
using TinyLite.Tests.Kernels.Recurrent;
using TinyLite.Tests.Kernels.Signal;
using TinyLite.Tests.Kernels.Float;
using TinyLite.Tests.Planning;

namespace TinyLite.Tests.Native;

/// <summary>
/// One-operator models of every kernel family (the op-level models of the kernel tests, rebuilt here) compiled
/// through the real pipeline and run twice on seeded random inputs: the native kernels must write exactly the
/// bytes of the managed kernels (which the family tests check against references and TFLM).
/// </summary>
public class NativeAgreementTests
{
    internal static readonly Dictionary<string, Func<Graph>> Models = new Dictionary<string, Func<Graph>>
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

        // Element-wise family (every operator and type: ElementwiseModels below).
        ["add_s8_broadcast"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int8, [2, 3, 4], [1, 1, 4], [2, 3, 4],
            (0.05f, 3), (0.02f, -2), (0.06f, 1), new AddSubOptions(Activation.None, true)),

        // Dense family.
        ["fully_connected_s8"] = FullyConnected,
        // Recurrent family: time-major with three batches (int8, hidden zero point -9) and batch-major int16x8.
        ["lstm_s8"] = () => TinyLite.Tests.Kernels.Recurrent.LstmTestModels.Build(TinyLite.Tests.Kernels.Recurrent.LstmTestModels.GoldenVariants[1]),
        ["lstm_s16"] = () => TinyLite.Tests.Kernels.Recurrent.LstmTestModels.Build(TinyLite.Tests.Kernels.Recurrent.LstmTestModels.GoldenVariants[4]),
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
        ["logistic_s8"] = () => Single(BuiltinOperator.Logistic, DataType.Int8, [15], [15], 0.06f, 3, null, null,
            DataType.Int8, 1f / 256, -128),
        ["fully_connected_s16"] = () => FullyConnected(DataType.Int16, DataType.Int8),
        ["fully_connected_s4"] = () => FullyConnected(DataType.Int8, DataType.Int4),
        // micro_speech's shape in small: the streamed plan feeds the fully connected layer band by band
        // (FullyConnectedS8Accumulate, FullyConnectedS8Finish).
        ["depthwise_then_fully_connected_s8"] = () => StreamTestModels.Start("fc.tflite", 13, 10, 1, seed: 14)
            .Depthwise(5, 2, multiplier: 8).FullyConnected(3).Finish(),
        // The same with int4 weights (FullyConnectedS4Accumulate).
        ["depthwise_then_fully_connected_s4"] = () => TinyLite.Codegen.Quantize.WeightQuantizer.Quantize(
            StreamTestModels.Start("fc4.tflite", 13, 10, 1, seed: 18).Depthwise(5, 2, multiplier: 8).FullyConnected(3).Finish(),
            new TinyLite.Codegen.Quantize.QuantizeOptions { MeasureAgreement = false }).Graph,
        ["average_pool_s16"] = () => Pool(BuiltinOperator.AveragePool2D, DataType.Int16),
        ["max_pool_s16"] = () => Pool(BuiltinOperator.MaxPool2D, DataType.Int16),
        ["mean_s16"] = () => Single(BuiltinOperator.Mean, DataType.Int16, [1, 4, 5, 3], [1, 1, 1, 3], 0.002f, 0,
            b => [b.AddConstantInt32("axis", [2], [1, 2])], new ReducerOptions(true), DataType.Int16, 0.0015f, 0),
        ["softmax_s8_s16"] = () => Single(BuiltinOperator.Softmax, DataType.Int8, [2, 10], [2, 10], 0.1f, 4, null,
            new SoftmaxOptions(1f), DataType.Int16, 1f / 65536, -32768),
        ["softmax_s16"] = () => Single(BuiltinOperator.Softmax, DataType.Int16, [2, 10], [2, 10], 0.0005f, 0, null,
            new SoftmaxOptions(1f), DataType.Int16, 1f / 32768, 0),

        // Conv kernels the cases above do not reach: int4 depthwise, int16 transposed, 1x1 and multiplier-1 shapes
        // that the in-place plan runs over their own input.
        ["depthwise_s4"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { Kind = ConvTestModel.Kind.Depthwise, WeightType = DataType.Int4, FC = 2, Seed = 10 }).Graph,
        ["depthwise_s8_multiplier1"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { Kind = ConvTestModel.Kind.Depthwise, FC = 1, Seed = 11 }).Graph,
        ["depthwise_s4_multiplier1"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { Kind = ConvTestModel.Kind.Depthwise, WeightType = DataType.Int4, FC = 1, Seed = 12 }).Graph,
        ["pointwise_s8"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { FH = 1, FW = 1, Padding = Padding.Valid, Seed = 13 }).Graph,
        ["pointwise_s4"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { FH = 1, FW = 1, Padding = Padding.Valid, WeightType = DataType.Int4, Seed = 16 }).Graph,
        ["pointwise_s4_odd_depth"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { FH = 1, FW = 1, InC = 5, OutC = 7, Padding = Padding.Valid, WeightType = DataType.Int4, Seed = 17 }).Graph,
        ["pointwise_s16"] = () => ConvTestModel.Build(new ConvTestModel.Options
        { FH = 1, FW = 1, Padding = Padding.Valid, ActivationType = DataType.Int16, BiasType = DataType.Int64, Seed = 14 }).Graph,
        // Float depthwise without a bias (the golden models all have one: TFLM's reference asserts on its shape).
        ["depthwise_f32_nobias"] = () => FloatTestModels.Depthwise("depthwise_f32_nobias", [1, 6, 5, 3], 2, 3, 3, Padding.Same,
            1, 2, 2, 1, Activation.Relu, bias: false, seed: 16),
        ["transpose_conv_s16"] = () => ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = ConvTestModel.Kind.Transpose, StrideH = 2, StrideW = 2, ActivationType = DataType.Int16,
            BiasType = DataType.Int64, Seed = 15
        }).Graph,

        // Recurrent family: SVDF with its state carried between the two runs of each seed.
        ["svdf_s8"] = () => SvdfTestModels.Build(DataType.Int8, batches: 2),
        ["svdf_s8_s16"] = () => SvdfTestModels.Build(DataType.Int16, withBias: false),

        // DIV exists for int32 only (TFLM's unquantized int32 DIV).
        ["div_s32"] = () => ElementwiseHarness.Binary(BuiltinOperator.Div, DataType.Int32, [3, 5], [3, 5], [3, 5],
            null, null, null, new DivOptions(Activation.None)),
    }.Concat(ElementwiseModels()).Concat(SignalTestModels.All).Concat(FloatTestModels.All).ToDictionary(e => e.Key, e => e.Value);

    /// <summary>Every element-wise operator on every type it has a kernel for, same-shape operands.</summary>
    private static IEnumerable<KeyValuePair<string, Func<Graph>>> ElementwiseModels()
    {
        (DataType Type, string Suffix, (float, long)? In1, (float, long)? In2, (float, long)? Out)[] types =
        [
            (DataType.Int8, "s8", (0.05f, 3), (0.04f, -2), (0.07f, 1)),
            (DataType.Int16, "s16", (0.001f, 0), (0.0015f, 0), (0.002f, 0)),
            (DataType.Int32, "s32", null, null, null),
            (DataType.Float32, "f32", null, null, null),
        ];
        (BuiltinOperator Op, string Name, Func<OperatorOptions?> Options)[] binary =
        [
            (BuiltinOperator.Add, "add", () => new AddSubOptions(Activation.None, true)),
            (BuiltinOperator.Sub, "sub", () => new AddSubOptions(Activation.None, true)),
            (BuiltinOperator.Mul, "mul", () => new MulOptions(Activation.None)),
            (BuiltinOperator.Maximum, "maximum", () => null),
            (BuiltinOperator.Minimum, "minimum", () => null),
        ];
        foreach (var (op, name, options) in binary)
            foreach (var t in types)
            {
                // MAXIMUM and MINIMUM keep the input quantization.
                var outQuant = op is BuiltinOperator.Maximum or BuiltinOperator.Minimum ? t.In1 : t.Out;
                var inQuant2 = op is BuiltinOperator.Maximum or BuiltinOperator.Minimum ? t.In1 : t.In2;
                yield return new($"{name}_{t.Suffix}", () => ElementwiseHarness.Binary(op, t.Type, [3, 5], [3, 5], [3, 5],
                    t.In1, inQuant2, outQuant, options()));
            }
        (BuiltinOperator Op, string Name, Func<OperatorOptions?> Options, string[] Suffixes)[] unary =
        [
            (BuiltinOperator.Relu, "relu", () => null, ["s8", "s16", "f32"]),
            (BuiltinOperator.Relu6, "relu6", () => null, ["s8", "s16", "f32"]),
            (BuiltinOperator.LeakyRelu, "leaky_relu", () => new LeakyReluOptions(0.2f), ["s8", "s16", "f32"]),
            (BuiltinOperator.HardSwish, "hard_swish", () => null, ["s8", "f32"]),
        ];
        foreach (var (op, name, options, suffixes) in unary)
            foreach (var t in types.Where(t => suffixes.Contains(t.Suffix)))
                yield return new($"{name}_{t.Suffix}", () => ElementwiseHarness.Unary(op, t.Type, [12], t.In1,
                    op == BuiltinOperator.Relu6 ? t.In1 : t.Out, options()));
    }

    /// <summary>The plans every model runs under: the in-place and streamed plans pick their own kernel variants.</summary>
    private static readonly PlanStrategy[] Plans = [PlanStrategy.Layer, PlanStrategy.InPlace, PlanStrategy.Stream];

    public static IEnumerable<object[]> Cases() =>
        from name in Models.Keys from plan in Plans select new object[] { name, plan };

    private static CompiledModel Compile(string name, PlanStrategy plan) =>
        Compiler.Compile(Models[name](), new CompileOptions { Plan = plan });

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void NativeKernels_MatchManagedKernels(string name, PlanStrategy plan)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = Compile(name, plan).Image;
        for (int seed = 1; seed <= 3; seed++)
        {
            var (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, seed), name);
            Assert.Equal(managed.Length, native.Length);
            for (int j = 0; j < managed.Length; j++)
                ByteAssert.Equal(managed[j], native[j], $"{name} {plan} seed {seed} output {j}");
        }
    }

    /// <summary>
    /// Every kernel code of the manifest (the generated <see cref="OpCode"/> constants) appears in at least one of
    /// the compiled models above, so a new kernel cannot land without a native-vs-managed agreement case.
    /// </summary>
    [Fact]
    public void EveryManifestKernel_IsCoveredByAnAgreementCase()
    {
        var covered = new HashSet<int>();
        foreach (string name in Models.Keys)
            foreach (PlanStrategy plan in Plans)
                foreach (var call in Compile(name, plan).Plan.Calls)
                    covered.Add(call.Code);
        var missing = ManifestCodes().Where(c => !covered.Contains(c.Value)).Select(c => $"{c.Key} ({c.Value})").ToList();
        Assert.True(missing.Count == 0, "kernels without a native agreement case: " + string.Join(", ", missing));
    }

    /// <summary>The kernel codes of the manifest: every constant of OpCode inside [First, End) but the range bounds.</summary>
    internal static Dictionary<string, int> ManifestCodes() =>
        LayoutConstants.Of(typeof(OpCode))
            .Where(e => e.Key is not (nameof(OpCode.First) or nameof(OpCode.End) or nameof(OpCode.FamilyRange)))
            .ToDictionary(e => e.Key, e => e.Value);

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

    private static Graph FullyConnected() => FullyConnected(DataType.Int8, DataType.Int8);

    /// <summary>FULLY_CONNECTED 12 -> 5 over two rows, per-channel weights of <paramref name="weights"/> type.</summary>
    private static Graph FullyConnected(DataType activations, DataType weights)
    {
        var b = new GraphBuilder("fc_native.tflite");
        bool int16 = activations == DataType.Int16;
        int x = b.AddInput("x", activations, [2, 12], int16 ? 0.001f : 0.05f, int16 ? 0 : 3);
        int y = b.AddTensor("y", activations, [2, 5], int16 ? 0.004f : 0.2f, int16 ? 0 : -2);
        AddFullyConnected(b, x, y, 12, 5, weights, int16 ? 0.001f : 0.05f, int64Bias: int16, seed: 11);
        b.MarkOutput(y);
        return b.Build();
    }

    /// <summary>Adds FULLY_CONNECTED <paramref name="x"/> -> <paramref name="y"/> with random weights and bias.</summary>
    private static void AddFullyConnected(GraphBuilder b, int x, int y, int inDepth, int outDepth, DataType weights,
        float inputScale, bool int64Bias, int seed)
    {
        var rng = new Random(seed);
        bool int4 = weights == DataType.Int4;
        int[] w = Enumerable.Range(0, inDepth * outDepth).Select(_ => int4 ? rng.Next(-8, 8) : rng.Next(-127, 128)).ToArray();
        // int4 FULLY_CONNECTED has per-tensor weights only (as TFLM).
        float[] wScales = Enumerable.Range(0, int4 ? 1 : outDepth).Select(i => (int4 ? 0.1f : 0.01f) + 0.002f * i).ToArray();
        int wt = b.Add("w", weights, [outDepth, inDepth], new Quantization(wScales, new long[wScales.Length], 0),
            int4 ? ConvTestModel.PackInt4(w) : w.Select(v => (byte)(sbyte)v).ToArray());
        var biasQuant = new Quantization(wScales.Select(s => inputScale * s).ToArray(), new long[wScales.Length], 0);
        long[] biasValues = Enumerable.Range(0, outDepth).Select(_ => (long)rng.Next(-3000, 3000)).ToArray();
        int bias = int64Bias
            ? b.AddConstantInt64("b", [outDepth], biasValues, biasQuant)
            : b.AddConstantInt32("b", [outDepth], biasValues.Select(v => (int)v).ToArray(), biasQuant);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, wt, bias], [y], new FullyConnectedOptions(Activation.None, 0, false, false));
    }

    private static Graph Pool(BuiltinOperator op) => Pool(op, DataType.Int8);

    private static Graph Pool(BuiltinOperator op, DataType type)
    {
        var b = new GraphBuilder("pool_native.tflite");
        bool int16 = type == DataType.Int16;
        int x = b.AddInput("x", type, [1, 6, 5, 3], int16 ? 0.001f : 0.05f, int16 ? 0 : 2);
        int y = b.AddTensor("y", type, [1, 3, 3, 3], int16 ? 0.001f : 0.05f, int16 ? 0 : 2);
        b.AddOperator(op, [x], [y], new Pool2DOptions(Padding.Same, 2, 2, 3, 2, Activation.None)).MarkOutput(y);
        return b.Build();
    }
}
