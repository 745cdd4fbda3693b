namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// The float32 test models: one operator each (every Float-family kernel, with and without bias, fused activations,
/// padding, strides, dilation, groups) plus a small keyword-spotting-shaped network and a QUANTIZE/DEQUANTIZE edge
/// model. They are written with the project's TFLite writer into tests/data/float/ (FloatGoldenData), where TFLM's
/// reference kernels gave their golden outputs, and they seed the native agreement cases.
/// Weights are seeded pseudo-random floats; nothing here depends on the code under test.
/// </summary>
public static class FloatTestModels
{
    /// <summary>Every model by name (the folder name under tests/data/float).</summary>
    public static readonly IReadOnlyDictionary<string, Func<Graph>> All = new Dictionary<string, Func<Graph>>
    {
        ["conv_f32"] = () => Conv("conv_f32", [1, 7, 6, 3], 4, 3, 3, 3, Padding.Same, 1, 1, 1, 1, Activation.Relu6, bias: true, seed: 1),
        ["conv_f32_stride2_dilation_nobias"] = () => Conv("conv_f32_stride2_dilation_nobias", [2, 9, 8, 2], 5, 3, 2, 2,
            Padding.Valid, 2, 1, 1, 2, Activation.None, bias: false, seed: 2),
        ["conv_f32_grouped"] = () => Conv("conv_f32_grouped", [1, 5, 5, 4], 6, 3, 3, 2, Padding.Same, 1, 1, 1, 1,
            Activation.Relu, bias: true, seed: 3),
        ["depthwise_f32"] = () => Depthwise("depthwise_f32", [1, 8, 7, 3], 2, 3, 3, Padding.Same, 2, 2, 1, 1,
            Activation.ReluN1To1, bias: true, seed: 4),
        // With a bias: TFLM's float DepthwiseConv checks the bias shape even without one (a debug assertion aborts
        // its reference build), so a bias-less depthwise has no TFLM golden; the native agreement cases cover it.
        ["depthwise_f32_dilation"] = () => Depthwise("depthwise_f32_dilation", [1, 9, 9, 4], 1, 3, 3,
            Padding.Same, 1, 1, 2, 2, Activation.None, bias: true, seed: 5),
        ["fully_connected_f32"] = () => FullyConnected("fully_connected_f32", 3, 20, 7, Activation.Relu, bias: true, seed: 6),
        ["fully_connected_f32_nobias"] = () => FullyConnected("fully_connected_f32_nobias", 1, 33, 5, Activation.None, bias: false, seed: 7),
        ["average_pool_f32"] = () => Pool("average_pool_f32", BuiltinOperator.AveragePool2D, Activation.None),
        ["max_pool_f32"] = () => Pool("max_pool_f32", BuiltinOperator.MaxPool2D, Activation.Relu6),
        ["mean_f32_hw"] = () => Mean("mean_f32_hw", [2, 5, 4, 3], [1, 2], keepDims: true),
        ["mean_f32_last_axis"] = () => Mean("mean_f32_last_axis", [3, 4, 6], [-1, 0], keepDims: false),
        ["softmax_f32"] = () => Softmax("softmax_f32", [4, 10], 1.0f),
        ["softmax_f32_beta"] = () => Softmax("softmax_f32_beta", [2, 3, 7], 0.37f),
        ["logistic_f32"] = () => Unary("logistic_f32", BuiltinOperator.Logistic),
        ["tanh_f32"] = () => Unary("tanh_f32", BuiltinOperator.Tanh),
        ["kws_f32"] = KeywordSpotting,
    };

    /// <summary>Seeded uniform floats in [lo, hi).</summary>
    public static float[] Uniform(int count, int seed, float lo, float hi)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(lo + (hi - lo) * rng.NextDouble())).ToArray();
    }

    /// <summary>Little-endian bytes of <paramref name="values"/>.</summary>
    public static byte[] Bytes(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static int Constant(GraphBuilder b, string name, int[] shape, float[] values) =>
        b.Add(name, DataType.Float32, shape, null, Bytes(values));

    private static int Elements(int[] shape) => shape.Aggregate(1, (a, d) => a * d);

    private static Graph Conv(string name, int[] inShape, int outC, int fH, int fW, int fC, Padding padding,
        int strideH, int strideW, int dilationH, int dilationW, Activation activation, bool bias, int seed)
    {
        var b = new GraphBuilder(name + ".tflite");
        int x = b.AddInput("x", DataType.Float32, inShape);
        int w = Constant(b, "w", [outC, fH, fW, fC], Uniform(outC * fH * fW * fC, seed, -1f, 1f));
        int bt = bias ? Constant(b, "b", [outC], Uniform(outC, seed + 100, -0.5f, 0.5f)) : -1;
        int outH = OutSize(padding, inShape[1], fH, strideH, dilationH), outW = OutSize(padding, inShape[2], fW, strideW, dilationW);
        int y = b.AddTensor("y", DataType.Float32, [inShape[0], outH, outW, outC]);
        b.AddOperator(BuiltinOperator.Conv2D, [x, w, bt], [y],
            new Conv2DOptions(padding, strideW, strideH, activation, dilationW, dilationH)).MarkOutput(y);
        return b.Build();
    }

    /// <summary>A DEPTHWISE_CONV_2D model (also used by the native agreement cases).</summary>
    internal static Graph Depthwise(string name, int[] inShape, int multiplier, int fH, int fW, Padding padding,
        int strideH, int strideW, int dilationH, int dilationW, Activation activation, bool bias, int seed)
    {
        var b = new GraphBuilder(name + ".tflite");
        int outC = inShape[3] * multiplier;
        int x = b.AddInput("x", DataType.Float32, inShape);
        int w = Constant(b, "w", [1, fH, fW, outC], Uniform(fH * fW * outC, seed, -1f, 1f));
        int bt = bias ? Constant(b, "b", [outC], Uniform(outC, seed + 100, -0.5f, 0.5f)) : -1;
        int outH = OutSize(padding, inShape[1], fH, strideH, dilationH), outW = OutSize(padding, inShape[2], fW, strideW, dilationW);
        int y = b.AddTensor("y", DataType.Float32, [inShape[0], outH, outW, outC]);
        b.AddOperator(BuiltinOperator.DepthwiseConv2D, [x, w, bt], [y],
            new DepthwiseConv2DOptions(padding, strideW, strideH, multiplier, activation, dilationW, dilationH)).MarkOutput(y);
        return b.Build();
    }

    private static Graph FullyConnected(string name, int batches, int inDepth, int outDepth, Activation activation, bool bias, int seed)
    {
        var b = new GraphBuilder(name + ".tflite");
        int x = b.AddInput("x", DataType.Float32, [batches, inDepth]);
        int w = Constant(b, "w", [outDepth, inDepth], Uniform(outDepth * inDepth, seed, -1f, 1f));
        int bt = bias ? Constant(b, "b", [outDepth], Uniform(outDepth, seed + 100, -0.5f, 0.5f)) : -1;
        int y = b.AddTensor("y", DataType.Float32, [batches, outDepth]);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, w, bt], [y],
            new FullyConnectedOptions(activation, 0, false, false)).MarkOutput(y);
        return b.Build();
    }

    private static Graph Pool(string name, BuiltinOperator op, Activation activation)
    {
        var b = new GraphBuilder(name + ".tflite");
        int x = b.AddInput("x", DataType.Float32, [1, 7, 6, 3]);
        int y = b.AddTensor("y", DataType.Float32, [1, 4, 3, 3]);
        b.AddOperator(op, [x], [y], new Pool2DOptions(Padding.Same, 2, 2, 3, 3, activation)).MarkOutput(y);
        return b.Build();
    }

    private static Graph Mean(string name, int[] inShape, int[] axes, bool keepDims)
    {
        var b = new GraphBuilder(name + ".tflite");
        int x = b.AddInput("x", DataType.Float32, inShape);
        int a = b.AddConstantInt32("axis", [axes.Length], axes);
        var reduced = axes.Select(v => v < 0 ? v + inShape.Length : v).ToHashSet();
        int[] outShape = keepDims
            ? inShape.Select((d, i) => reduced.Contains(i) ? 1 : d).ToArray()
            : inShape.Where((_, i) => !reduced.Contains(i)).ToArray();
        int y = b.AddTensor("y", DataType.Float32, outShape);
        b.AddOperator(BuiltinOperator.Mean, [x, a], [y], new ReducerOptions(keepDims)).MarkOutput(y);
        return b.Build();
    }

    private static Graph Softmax(string name, int[] shape, float beta)
    {
        var b = new GraphBuilder(name + ".tflite");
        int x = b.AddInput("x", DataType.Float32, shape);
        int y = b.AddTensor("y", DataType.Float32, shape);
        b.AddOperator(BuiltinOperator.Softmax, [x], [y], new SoftmaxOptions(beta)).MarkOutput(y);
        return b.Build();
    }

    private static Graph Unary(string name, BuiltinOperator op)
    {
        var b = new GraphBuilder(name + ".tflite");
        int x = b.AddInput("x", DataType.Float32, [UnaryLength]);
        int y = b.AddTensor("y", DataType.Float32, [UnaryLength]);
        b.AddOperator(op, [x], [y]).MarkOutput(y);
        return b.Build();
    }

    /// <summary>Elements of the LOGISTIC and TANH models' input (a sweep across their branches, see FloatGoldenData).</summary>
    public const int UnaryLength = 4096;

    /// <summary>
    /// A float DS-CNN in small, the shape of a keyword-spotting model: conv, depthwise + pointwise, average pool,
    /// reshape, fully connected, softmax, with ADD (a residual) and the existing float element-wise kernels.
    /// </summary>
    private static Graph KeywordSpotting()
    {
        var b = new GraphBuilder("kws_f32.tflite");
        int x = b.AddInput("x", DataType.Float32, [1, 20, 10, 1]);
        int w1 = Constant(b, "conv1/w", [8, 5, 3, 1], Uniform(8 * 15, 21, -0.5f, 0.5f));
        int b1 = Constant(b, "conv1/b", [8], Uniform(8, 22, -0.1f, 0.1f));
        int c1 = b.AddTensor("conv1", DataType.Float32, [1, 10, 5, 8]);
        b.AddOperator(BuiltinOperator.Conv2D, [x, w1, b1], [c1], new Conv2DOptions(Padding.Same, 2, 2, Activation.Relu, 1, 1));
        int w2 = Constant(b, "dw/w", [1, 3, 3, 8], Uniform(72, 23, -0.5f, 0.5f));
        int b2 = Constant(b, "dw/b", [8], Uniform(8, 24, -0.1f, 0.1f));
        int c2 = b.AddTensor("dw", DataType.Float32, [1, 10, 5, 8]);
        b.AddOperator(BuiltinOperator.DepthwiseConv2D, [c1, w2, b2], [c2],
            new DepthwiseConv2DOptions(Padding.Same, 1, 1, 1, Activation.Relu6, 1, 1));
        int w3 = Constant(b, "pw/w", [8, 1, 1, 8], Uniform(64, 25, -0.5f, 0.5f));
        int b3 = Constant(b, "pw/b", [8], Uniform(8, 26, -0.1f, 0.1f));
        int c3 = b.AddTensor("pw", DataType.Float32, [1, 10, 5, 8]);
        b.AddOperator(BuiltinOperator.Conv2D, [c2, w3, b3], [c3], new Conv2DOptions(Padding.Valid, 1, 1, Activation.None, 1, 1));
        int sum = b.AddTensor("residual", DataType.Float32, [1, 10, 5, 8]);
        b.AddOperator(BuiltinOperator.Add, [c3, c1], [sum], new AddSubOptions(Activation.Relu, false));
        int pool = b.AddTensor("pool", DataType.Float32, [1, 1, 1, 8]);
        b.AddOperator(BuiltinOperator.AveragePool2D, [sum], [pool], new Pool2DOptions(Padding.Valid, 1, 1, 5, 10, Activation.None));
        int shape = b.AddConstantInt32("shape", [2], [1, 8]);
        int flat = b.AddTensor("flat", DataType.Float32, [1, 8]);
        b.AddOperator(BuiltinOperator.Reshape, [pool, shape], [flat], new ReshapeOptions([1, 8]));
        int w4 = Constant(b, "fc/w", [4, 8], Uniform(32, 27, -1f, 1f));
        int b4 = Constant(b, "fc/b", [4], Uniform(4, 28, -0.1f, 0.1f));
        int logits = b.AddTensor("logits", DataType.Float32, [1, 4]);
        b.AddOperator(BuiltinOperator.FullyConnected, [flat, w4, b4], [logits], new FullyConnectedOptions(Activation.None, 0, false, false));
        int y = b.AddTensor("y", DataType.Float32, [1, 4]);
        b.AddOperator(BuiltinOperator.Softmax, [logits], [y], new SoftmaxOptions(1f)).MarkOutput(y);
        return b.Build();
    }

    /// <summary>TFLite's output size for SAME / VALID padding with dilation.</summary>
    private static int OutSize(Padding padding, int inSize, int filter, int stride, int dilation)
    {
        int effective = (filter - 1) * dilation + 1;
        return padding == Padding.Same ? (inSize + stride - 1) / stride : (inSize - effective + stride) / stride;
    }
}
