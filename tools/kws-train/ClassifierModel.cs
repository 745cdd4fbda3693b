using TinyLite.Codegen.Ir;

namespace TinyLite.KwsTrain;

/// <summary>
/// Quantizes a trained <see cref="TinyConvNet"/> to int8 as the TFLite converter would (per-channel symmetric
/// convolution weights, per-tensor symmetric fully connected weights, int32 biases at input scale x weight scale,
/// activation ranges calibrated on training examples) and builds the standard TFLite graph:
/// features int8 [1, 1960] -> RESHAPE [1, 49, 40, 1] -> CONV_2D (ReLU) -> FULLY_CONNECTED -> SOFTMAX int8 [1, classes].
/// </summary>
public static class ClassifierModel
{
    /// <summary>
    /// The quantized graph; <paramref name="calibration"/> are real-valued inputs for the activation ranges,
    /// <paramref name="name"/> the graph's source name.
    /// </summary>
    public static Graph Build(TinyConvNet net, IReadOnlyList<float[]> calibration, string name = "kws_yes_no.tflite")
    {
        // Activation ranges: the largest ReLU output and the logits' extremes over the calibration inputs.
        float hiddenMax = 1e-3f, logitMin = 0, logitMax = 0;
        var hidden = new float[TinyConvNet.Hidden];
        var logits = new float[net.Classes];
        foreach (float[] x in calibration)
        {
            net.Forward(x, hidden, logits);
            foreach (float h in hidden) hiddenMax = Math.Max(hiddenMax, h);
            foreach (float l in logits)
            {
                logitMin = Math.Min(logitMin, l);
                logitMax = Math.Max(logitMax, l);
            }
        }

        const float inputScale = TinyConvNet.InputScale;
        var b = new GraphBuilder(name);
        int input = b.AddInput("features", DataType.Int8, [1, TinyConvNet.InH * TinyConvNet.InW], inputScale, -128);
        int shape = b.AddConstantInt32("feature_map_shape", [4], [1, TinyConvNet.InH, TinyConvNet.InW, 1]);
        int map = b.AddTensor("feature_map", DataType.Int8, [1, TinyConvNet.InH, TinyConvNet.InW, 1], inputScale, -128);
        b.AddOperator(BuiltinOperator.Reshape, [input, shape], [map]);

        // Convolution: one symmetric scale per filter.
        int perFilter = TinyConvNet.KH * TinyConvNet.KW;
        var convScales = new float[TinyConvNet.Filters];
        var convQ = new sbyte[net.ConvW.Length];
        var convBias = new int[TinyConvNet.Filters];
        for (int f = 0; f < TinyConvNet.Filters; f++)
        {
            float max = 1e-8f;
            for (int i = 0; i < perFilter; i++) max = Math.Max(max, Math.Abs(net.ConvW[f * perFilter + i]));
            convScales[f] = max / 127f;
            for (int i = 0; i < perFilter; i++) convQ[f * perFilter + i] = Saturate(net.ConvW[f * perFilter + i] / convScales[f]);
            convBias[f] = (int)MathF.Round(net.ConvB[f] / (inputScale * convScales[f]));
        }
        int convW = b.AddConstantInt8("conv_weights", [TinyConvNet.Filters, TinyConvNet.KH, TinyConvNet.KW, 1], convQ, convScales, axis: 0);
        int convB = b.AddConstantInt32("conv_bias", [TinyConvNet.Filters], convBias,
            new Quantization(convScales.Select(s => inputScale * s).ToArray(), new long[TinyConvNet.Filters], 0));
        float hiddenScale = hiddenMax / 255f;
        int conv = b.AddTensor("conv_relu", DataType.Int8, [1, TinyConvNet.OutH, TinyConvNet.OutW, TinyConvNet.Filters], hiddenScale, -128);
        b.AddOperator(BuiltinOperator.Conv2D, [map, convW, convB], [conv],
            new Conv2DOptions(Padding.Same, TinyConvNet.Stride, TinyConvNet.Stride, Activation.Relu, 1, 1));

        // Fully connected: one symmetric scale for the whole matrix.
        float fcMax = Math.Max(1e-8f, net.FcW.Max(Math.Abs));
        float fcScale = fcMax / 127f;
        var fcQ = net.FcW.Select(w => Saturate(w / fcScale)).ToArray();
        var fcBias = net.FcB.Select(v => (int)MathF.Round(v / (hiddenScale * fcScale))).ToArray();
        int fcW = b.AddConstantInt8("fc_weights", [net.Classes, TinyConvNet.Hidden], fcQ, [fcScale]);
        int fcB = b.AddConstantInt32("fc_bias", [net.Classes], fcBias, new Quantization([hiddenScale * fcScale], [0], 0));
        float logitScale = (logitMax - logitMin) / 255f;
        long logitZero = Math.Clamp((long)MathF.Round(-128 - logitMin / logitScale), -128, 127);
        int scores = b.AddTensor("logits", DataType.Int8, [1, net.Classes], logitScale, logitZero);
        b.AddOperator(BuiltinOperator.FullyConnected, [conv, fcW, fcB], [scores], new FullyConnectedOptions(Activation.None, 0, false, false));

        int probabilities = b.AddTensor("probabilities", DataType.Int8, [1, net.Classes], 1f / 256f, -128);
        b.AddOperator(BuiltinOperator.Softmax, [scores], [probabilities], new SoftmaxOptions(1f));
        b.MarkOutput(probabilities);
        return b.Build();
    }

    private static sbyte Saturate(float v) => (sbyte)Math.Clamp((int)MathF.Round(v), -127, 127);
}
