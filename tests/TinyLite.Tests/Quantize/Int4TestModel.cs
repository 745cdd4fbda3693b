namespace TinyLite.Tests.Quantize;

/// <summary>
/// The project's own int8 model for the int4 golden data (tests/data/int4): CONV_2D 3×3 (7 channels, per-channel
/// scales, SAME, ReLU) → DEPTHWISE_CONV_2D 3×3 (per channel, VALID) → AVERAGE_POOL_2D → RESHAPE → FULLY_CONNECTED
/// [5, 7] (per tensor) → SOFTMAX, on an 8×8×3 int8 input. Seeded weights with a few outliers per channel, so the
/// quantizer's clipping has something to clip; the conv filter (189) and FC weights (35) have odd element counts, so
/// the last packed byte holds a lone low nibble. Biases carry the converter's quantization (TFLM checks the
/// FULLY_CONNECTED one).
/// </summary>
public static class Int4TestModel
{
    /// <summary>Builds the graph (the same every time).</summary>
    public static Graph Build()
    {
        var rng = new Random(404);
        var b = new GraphBuilder("int4_test.tflite");
        int input = b.AddInput("input", DataType.Int8, [1, 8, 8, 3], 0.05f, -2);

        float[] convScales = Scales(rng, 7, 0.004f);
        int convW = b.AddConstantInt8("conv/filter", [7, 3, 3, 3], Weights(rng, 7, 27), convScales);
        int convB = b.AddConstantInt32("conv/bias", [7], Biases(rng, 7, 3000), BiasQuantization(0.05f, convScales));
        int conv = b.AddTensor("conv/out", DataType.Int8, [1, 8, 8, 7], 0.08f, -128);
        b.AddOperator(BuiltinOperator.Conv2D, [input, convW, convB], [conv], new Conv2DOptions(Padding.Same, 1, 1, Activation.Relu, 1, 1));

        float[] dwScales = Scales(rng, 7, 0.01f);
        int dwW = b.AddConstantInt8("dw/filter", [1, 3, 3, 7], Transpose(Weights(rng, 7, 9), 7, 9), dwScales, axis: 3);
        int dwB = b.AddConstantInt32("dw/bias", [7], Biases(rng, 7, 800), BiasQuantization(0.08f, dwScales));
        int dw = b.AddTensor("dw/out", DataType.Int8, [1, 6, 6, 7], 0.1f, 5);
        b.AddOperator(BuiltinOperator.DepthwiseConv2D, [conv, dwW, dwB], [dw], new DepthwiseConv2DOptions(Padding.Valid, 1, 1, 1, Activation.None, 1, 1));

        int pool = b.AddTensor("pool/out", DataType.Int8, [1, 1, 1, 7], 0.1f, 5);
        b.AddOperator(BuiltinOperator.AveragePool2D, [dw], [pool], new Pool2DOptions(Padding.Valid, 1, 1, 6, 6, Activation.None));
        int shape = b.AddConstantInt32("flat/shape", [2], [1, 7]);
        int flat = b.AddTensor("flat", DataType.Int8, [1, 7], 0.1f, 5);
        b.AddOperator(BuiltinOperator.Reshape, [pool, shape], [flat], new ReshapeOptions([1, 7]));

        int fcW = b.AddConstantInt8("fc/weights", [5, 7], Weights(rng, 1, 35), [0.012f]);
        int fcB = b.AddConstantInt32("fc/bias", [5], Biases(rng, 5, 400), BiasQuantization(0.1f, [0.012f]));
        int logits = b.AddTensor("logits", DataType.Int8, [1, 5], 0.06f, -10);
        b.AddOperator(BuiltinOperator.FullyConnected, [flat, fcW, fcB], [logits], new FullyConnectedOptions(Activation.None, 0, false, false));
        int probabilities = b.AddTensor("probabilities", DataType.Int8, [1, 5], 1f / 256f, -128);
        b.AddOperator(BuiltinOperator.Softmax, [logits], [probabilities], new SoftmaxOptions(1f));
        b.MarkOutput(probabilities);
        return b.Build();
    }

    /// <summary>Seeded input cases (raw int8 bytes of [1, 8, 8, 3]).</summary>
    public static byte[] Input(int seed)
    {
        var data = new byte[8 * 8 * 3];
        new Random(2000 + seed).NextBytes(data);
        return data;
    }

    /// <summary>Per channel: values around ±40 and one outlier near ±120 in every channel.</summary>
    private static sbyte[] Weights(Random rng, int channels, int perChannel)
    {
        var w = new sbyte[channels * perChannel];
        for (int c = 0; c < channels; c++)
        {
            for (int i = 0; i < perChannel; i++)
                w[c * perChannel + i] = (sbyte)(rng.Next(-40, 41) + rng.Next(-20, 21));
            w[c * perChannel + rng.Next(perChannel)] = (sbyte)(rng.Next(2) == 0 ? -rng.Next(100, 128) : rng.Next(100, 128));
        }
        return w;
    }

    /// <summary>[channels][taps] to [taps][channels] (the depthwise filter's [1, H, W, C] order).</summary>
    private static sbyte[] Transpose(sbyte[] w, int channels, int taps)
    {
        var t = new sbyte[w.Length];
        for (int c = 0; c < channels; c++)
            for (int k = 0; k < taps; k++)
                t[k * channels + c] = w[c * taps + k];
        return t;
    }

    /// <summary>The converter's bias quantization: scale = input scale × weight scale, zero point 0.</summary>
    private static Quantization BiasQuantization(float inputScale, float[] weightScales) =>
        new([.. weightScales.Select(s => inputScale * s)], new long[weightScales.Length], 0);

    private static float[] Scales(Random rng, int channels, float around) =>
        [.. Enumerable.Range(0, channels).Select(_ => around * (0.5f + (float)rng.NextDouble()))];

    private static int[] Biases(Random rng, int count, int range) =>
        [.. Enumerable.Range(0, count).Select(_ => rng.Next(-range, range + 1))];
}
