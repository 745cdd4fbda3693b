namespace TinyLite.Tests.Planning;

/// <summary>
/// Small int8 CNNs for the streaming tests, built layer by layer from seeded random weights: each layer's output
/// scale is set from its fan-in so values spread over the int8 range instead of saturating.
/// </summary>
public sealed class StreamTestModels
{
    private readonly GraphBuilder _g;
    private readonly Random _rng;
    private int _h, _w, _c;
    private float _scale = 0.05f;
    private int _zeroPoint = -3;
    private int _count;

    private StreamTestModels(string name, int h, int w, int c, int seed)
    {
        _g = new GraphBuilder(name);
        _rng = new Random(seed);
        (_h, _w, _c) = (h, w, c);
        Current = _g.AddInput("input", DataType.Int8, [1, h, w, c], _scale, _zeroPoint);
    }

    /// <summary>The tensor the next layer reads.</summary>
    public int Current { get; private set; }

    /// <summary>Starts a model whose input is [1, h, w, c] int8.</summary>
    public static StreamTestModels Start(string name, int h, int w, int c, int seed) => new(name, h, w, c, seed);

    /// <summary>
    /// Starts a model the way PyTorch exports one: the input is [1, c, h, w] int8 (NCHW) and a TRANSPOSE (perm 0, 2, 3,
    /// 1) makes the [1, h, w, c] tensor the next layer reads.
    /// </summary>
    public static StreamTestModels StartNchw(string name, int h, int w, int c, int seed)
    {
        var m = new StreamTestModels(name, c, h, w, seed);
        int perm = m._g.AddConstantInt32($"perm{++m._count}", [4], [0, 2, 3, 1]);
        int output = m._g.AddTensor($"t{++m._count}", DataType.Int8, [1, h, w, c], m._scale, m._zeroPoint);
        m._g.AddOperator(BuiltinOperator.Transpose, [m.Current, perm], [output]);
        return m.Advance(output, h, w, c);
    }

    /// <summary>
    /// An explicit PAD of the height and width axes (PyTorch's padding=1 exports as one before each 3×3 layer); with
    /// <paramref name="value"/> a PADV2 whose constant_values holds that int8 value (quantized as the output),
    /// otherwise the pad value is the zero point.
    /// </summary>
    public StreamTestModels Pad(int top, int bottom, int left, int right, sbyte? value = null)
    {
        int paddings = _g.AddConstantInt32($"paddings{++_count}", [4, 2], [0, 0, top, bottom, left, right, 0, 0]);
        var (oh, ow) = (_h + top + bottom, _w + left + right);
        int output = _g.AddTensor($"t{++_count}", DataType.Int8, [1, oh, ow, _c], _scale, _zeroPoint);
        if (value is sbyte v)
        {
            int constant = _g.Add($"pad_value{++_count}", DataType.Int8, [1], new Quantization([_scale], [_zeroPoint], 0), [(byte)v]);
            _g.AddOperator(BuiltinOperator.Padv2, [Current, paddings, constant], [output]);
        }
        else
        {
            _g.AddOperator(BuiltinOperator.Pad, [Current, paddings], [output]);
        }
        return Advance(output, oh, ow, _c);
    }

    /// <summary>CONV_2D with a k×k filter.</summary>
    public StreamTestModels Conv(int outC, int k, int stride, Padding padding = Padding.Same, Activation activation = Activation.None)
    {
        var (oh, ow) = (Out(_h, k, stride, padding), Out(_w, k, stride, padding));
        int filter = Filter([outC, k, k, _c], outC, 0);
        int bias = Bias(outC);
        int output = Next(oh, ow, outC, k * k * _c);
        _g.AddOperator(BuiltinOperator.Conv2D, [Current, filter, bias], [output], new Conv2DOptions(padding, stride, stride, activation, 1, 1));
        return Advance(output, oh, ow, outC);
    }

    /// <summary>DEPTHWISE_CONV_2D with a k×k filter.</summary>
    public StreamTestModels Depthwise(int k, int stride, int multiplier = 1, Padding padding = Padding.Same)
    {
        var (oh, ow) = (Out(_h, k, stride, padding), Out(_w, k, stride, padding));
        int outC = _c * multiplier;
        int filter = Filter([1, k, k, outC], outC, 3);
        int bias = Bias(outC);
        int output = Next(oh, ow, outC, k * k);
        _g.AddOperator(BuiltinOperator.DepthwiseConv2D, [Current, filter, bias], [output],
            new DepthwiseConv2DOptions(padding, stride, stride, multiplier, Activation.Relu6, 1, 1));
        return Advance(output, oh, ow, outC);
    }

    /// <summary>MAX_POOL_2D or AVERAGE_POOL_2D.</summary>
    public StreamTestModels Pool(bool max, int k, int stride, Padding padding = Padding.Valid)
    {
        var (oh, ow) = (Out(_h, k, stride, padding), Out(_w, k, stride, padding));
        int output = _g.AddTensor($"t{++_count}", DataType.Int8, [1, oh, ow, _c], _scale, _zeroPoint);
        _g.AddOperator(max ? BuiltinOperator.MaxPool2D : BuiltinOperator.AveragePool2D, [Current], [output],
            new Pool2DOptions(padding, stride, stride, k, k, Activation.None));
        return Advance(output, oh, ow, _c);
    }

    /// <summary>FULLY_CONNECTED over the whole current tensor (flattened), per-tensor weights, output [1, outputs].</summary>
    public StreamTestModels FullyConnected(int outputs)
    {
        int inDepth = _h * _w * _c;
        var values = Enumerable.Range(0, outputs * inDepth).Select(_ => (sbyte)_rng.Next(-127, 128)).ToArray();
        int weights = _g.AddConstantInt8($"w{++_count}", [outputs, inDepth], values, [0.005f]);
        int bias = _g.AddConstantInt32($"b{++_count}", [outputs], Enumerable.Range(0, outputs).Select(_ => _rng.Next(-2000, 2000)).ToArray(),
            new Quantization([_scale * 0.005f], [0], 0));
        float scale = (float)(_scale * 0.005 * 73 * 64 * System.Math.Sqrt(inDepth) / 60);
        int output = _g.AddTensor($"t{++_count}", DataType.Int8, [1, outputs], scale, 2);
        _g.AddOperator(BuiltinOperator.FullyConnected, [Current, weights, bias], [output], new FullyConnectedOptions(Activation.None, 0, false, false));
        _scale = scale;
        _zeroPoint = 2;
        return Advance(output, 1, outputs, 1);
    }

    /// <summary>ADD of the current tensor and <paramref name="skip"/> (same shape, its own scale).</summary>
    public StreamTestModels AddSkip(int skip, float skipScale, int skipZeroPoint)
    {
        float scale = (float)(System.Math.Max(_scale, skipScale) * 1.5);
        int output = _g.AddTensor($"t{++_count}", DataType.Int8, [1, _h, _w, _c], scale, 5);
        _g.AddOperator(BuiltinOperator.Add, [Current, skip], [output], new AddSubOptions(Activation.None, false));
        _scale = scale;
        _zeroPoint = 5;
        return Advance(output, _h, _w, _c);
    }

    /// <summary>Current scale and zero point (to add the current tensor later as a skip).</summary>
    public (float Scale, int ZeroPoint) Quantization => (_scale, _zeroPoint);

    /// <summary>Marks the current tensor as the output and returns the graph.</summary>
    public Graph Finish()
    {
        _g.MarkOutput(Current);
        return _g.Build();
    }

    /// <summary>
    /// MobileNetV2's layer structure (stem, 17 inverted residual blocks with residual ADDs, 1×1 head, global
    /// average pool) at <paramref name="side"/>×<paramref name="side"/> input and channel width multiplier
    /// <paramref name="width"/>, with random weights: the shape of network the planner must handle in general.
    /// </summary>
    public static Graph MobileNetV2(int side, double width, int seed) => MobileNetV2(side, width, seed, pytorch: false);

    /// <summary>
    /// <see cref="MobileNetV2(int, double, int)"/>, or with <paramref name="pytorch"/> the same layers and weights in
    /// the shape a PyTorch export has: an NCHW input and a TRANSPOSE first, and each 3×3 layer a PAD of one pixel on
    /// every side followed by a VALID convolution (PyTorch's padding=1; at stride 2 it pads the top and left, where
    /// TFLite's SAME pads the bottom and right, so those layers see their rows one row apart).
    /// </summary>
    public static Graph MobileNetV2(int side, double width, int seed, bool pytorch)
    {
        int Channels(int c) => System.Math.Max(8, (int)(c * width + 4) / 8 * 8);
        var m = pytorch ? StartNchw("mobilenet_v2_pytorch.tflite", side, side, 3, seed) : Start("mobilenet_v2.tflite", side, side, 3, seed);
        void ThreeByThree(Action<Padding> layer)
        {
            if (pytorch) m.Pad(1, 1, 1, 1);
            layer(pytorch ? Padding.Valid : Padding.Same);
        }
        ThreeByThree(p => m.Conv(Channels(32), 3, 2, p, Activation.Relu6));
        ThreeByThree(p => m.Depthwise(3, 1, padding: p));
        m.Conv(Channels(16), 1, 1);
        int c = Channels(16);
        foreach (var (expand, outC, repeat, firstStride) in new[] { (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1) })
        {
            for (int i = 0; i < repeat; i++)
            {
                int stride = i == 0 ? firstStride : 1;
                int skip = m.Current;
                var (scale, zeroPoint) = m.Quantization;
                m.Conv(c * expand, 1, 1, activation: Activation.Relu6);
                ThreeByThree(p => m.Depthwise(3, stride, padding: p));
                m.Conv(Channels(outC), 1, 1);
                if (stride == 1 && c == Channels(outC)) m.AddSkip(skip, scale, zeroPoint);
                c = Channels(outC);
            }
        }
        return m.Conv(1280, 1, 1, activation: Activation.Relu6).Pool(max: false, side / 32, 1).Finish();
    }

    /// <summary>A seeded random input for <paramref name="graph"/>'s first input.</summary>
    public static byte[] RandomInput(Graph graph, int seed)
    {
        var bytes = new byte[graph.Tensors[graph.Inputs[0]].ByteSize];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static int Out(int size, int k, int stride, Padding padding)
        => padding == Padding.Same ? (size + stride - 1) / stride : (size - k) / stride + 1;

    private int Filter(int[] shape, int channels, int axis)
    {
        int count = shape.Aggregate(1, (a, d) => a * d);
        var values = Enumerable.Range(0, count).Select(_ => (sbyte)_rng.Next(-127, 128)).ToArray();
        var scales = Enumerable.Range(0, channels).Select(_ => (float)(0.004 + 0.004 * _rng.NextDouble())).ToArray();
        return _g.AddConstantInt8($"w{++_count}", shape, values, scales, axis);
    }

    private int Bias(int channels)
        => _g.AddConstantInt32($"b{++_count}", [channels], Enumerable.Range(0, channels).Select(_ => _rng.Next(-2000, 2000)).ToArray(),
            new Quantization(Enumerable.Repeat(_scale * 0.006f, channels).ToArray(), new long[channels], 0));

    /// <summary>An output tensor whose scale fits a sum of <paramref name="fanIn"/> products.</summary>
    private int Next(int h, int w, int c, int fanIn)
    {
        float scale = (float)(_scale * 0.006 * 73 * 64 * System.Math.Sqrt(fanIn) / 60);
        int zeroPoint = _rng.Next(-10, 10);
        int t = _g.AddTensor($"t{++_count}", DataType.Int8, [1, h, w, c], scale, zeroPoint);
        _scale = scale;
        _zeroPoint = zeroPoint;
        return t;
    }

    private StreamTestModels Advance(int output, int h, int w, int c)
    {
        Current = output;
        (_h, _w, _c) = (h, w, c);
        return this;
    }
}
