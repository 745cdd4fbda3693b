using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Demo;

/// <summary>
/// The demo model, made here rather than downloaded: a 12×12 grayscale picture goes through four hand-set
/// 3×3 line detectors (horizontal, vertical, diagonal, anti-diagonal) with ReLU, a global max pool, a fully
/// connected layer that turns detector strengths into five class scores (the four line kinds and "blank"),
/// and a softmax. All int8, as the TFLite converter would quantize it; it exercises CONV_2D, MAX_POOL_2D,
/// RESHAPE, FULLY_CONNECTED and SOFTMAX.
/// </summary>
public static class LineDetectorModel
{
    /// <summary>Side of the square input picture, in pixels.</summary>
    public const int Side = 12;

    /// <summary>Class names, in output order.</summary>
    public static readonly string[] Classes = ["horizontal", "vertical", "diagonal", "anti-diagonal", "blank"];

    /// <summary>Input quantization: pixel brightness 0..1 maps to 0..127.</summary>
    public const float InputScale = 1f / 127f;

    // The detectors: +2 on the line through the middle, -1 beside it, so a uniform area scores 0.
    private static readonly sbyte[][] Detectors =
    [
        [-1, -1, -1, 2, 2, 2, -1, -1, -1],
        [-1, 2, -1, -1, 2, -1, -1, 2, -1],
        [2, -1, -1, -1, 2, -1, -1, -1, 2],
        [-1, -1, 2, -1, 2, -1, 2, -1, -1],
    ];

    /// <summary>Builds the graph.</summary>
    public static Graph Build()
    {
        var b = new GraphBuilder("line_detector.tflite");
        int image = b.AddInput("image", DataType.Int8, [1, Side, Side, 1], InputScale, 0);

        // Weights ±1/2 in real terms: int8 ±80 at scale 1/160 (per channel, as the converter emits).
        const float weightScale = 1f / 160f;
        var filters = Detectors.SelectMany(d => d.Select(v => (sbyte)(v * 40))).ToArray();
        int w = b.AddConstantInt8("detectors", [4, 3, 3, 1], filters, [weightScale, weightScale, weightScale, weightScale], axis: 0);
        int bias = b.AddConstantInt32("detector_bias", [4], [0, 0, 0, 0],
            new Quantization(Enumerable.Repeat(InputScale * weightScale, 4).ToArray(), new long[4], 0));
        // A full line scores 3 × 2 × 1/2 = 3; ReLU keeps 0..3, mapped onto int8 with zero point -128.
        const float featureScale = 3f / 255f;
        int features = b.AddTensor("line_strength", DataType.Int8, [1, Side - 2, Side - 2, 4], featureScale, -128);
        b.AddOperator(BuiltinOperator.Conv2D, [image, w, bias], [features], new Conv2DOptions(Padding.Valid, 1, 1, Activation.Relu, 1, 1));

        int pooled = b.AddTensor("strongest", DataType.Int8, [1, 1, 1, 4], featureScale, -128);
        b.AddOperator(BuiltinOperator.MaxPool2D, [features], [pooled], new Pool2DOptions(Padding.Valid, 1, 1, Side - 2, Side - 2, Activation.None));
        int shape = b.AddConstantInt32("flat_shape", [2], [1, 4]);
        int flat = b.AddTensor("strongest_flat", DataType.Int8, [1, 4], featureScale, -128);
        b.AddOperator(BuiltinOperator.Reshape, [pooled, shape], [flat], new ReshapeOptions([1, 4]));

        // Scores: 4 × own strength − 1 × the others' (so a cross-talk detector does not win), and "blank" is a
        // fixed 1.5 that wins only when no detector fires.
        const float classWeightScale = 1f / 32f;
        var classWeights = new sbyte[5 * 4];
        for (int c = 0; c < 4; c++)
            for (int f = 0; f < 4; f++)
                classWeights[c * 4 + f] = (sbyte)(c == f ? 4 * 32 - 1 : -32);
        int fcw = b.AddConstantInt8("class_weights", [5, 4], classWeights, [classWeightScale]);
        float biasScale = featureScale * classWeightScale;
        int fcb = b.AddConstantInt32("class_bias", [5], [0, 0, 0, 0, (int)MathF.Round(1.5f / biasScale)],
            new Quantization([biasScale], [0], 0));
        // Scores span about -9..15.
        const float logitScale = 24f / 255f;
        int logits = b.AddTensor("scores", DataType.Int8, [1, 5], logitScale, -32);
        b.AddOperator(BuiltinOperator.FullyConnected, [flat, fcw, fcb], [logits], new FullyConnectedOptions(Activation.None, 0, false, false));

        int probabilities = b.AddTensor("probabilities", DataType.Int8, [1, 5], 1f / 256f, -128);
        b.AddOperator(BuiltinOperator.Softmax, [logits], [probabilities], new SoftmaxOptions(1f));
        b.MarkOutput(probabilities);
        return b.Build();
    }

    /// <summary>A quantized test picture of <paramref name="kind"/> (a class name), with a little seeded noise.</summary>
    public static byte[] Picture(string kind, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[Side * Side];
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                bool on = kind switch
                {
                    "horizontal" => y == Side / 2,
                    "vertical" => x == Side / 2,
                    "diagonal" => x == y,
                    "anti-diagonal" => x == Side - 1 - y,
                    _ => false,
                };
                float brightness = (on ? 0.9f : 0.05f) + random.Next(0, 6) / 100f;
                pixels[y * Side + x] = (byte)(sbyte)Math.Clamp((int)MathF.Round(brightness / InputScale), 0, 127);
            }
        }
        return pixels;
    }
}
