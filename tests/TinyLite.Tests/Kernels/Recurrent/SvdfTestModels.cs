namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>One-operator SVDF models (seeded random weights), int8 and the int8/int16 hybrid.</summary>
public static class SvdfTestModels
{
    /// <summary>
    /// SVDF over <paramref name="batches"/> x 6 inputs, 4 filters of rank 2 (2 units), memory 3, int8 or int16 state
    /// and time weights, with a bias and non-zero input and output zero points.
    /// </summary>
    public static Graph Build(DataType stateType, int batches = 1, int seed = 31, bool withBias = true)
    {
        const int inputSize = 6, filters = 4, rank = 2, memory = 3;
        var rng = new Random(seed);
        bool wide = stateType == DataType.Int16;
        var b = new GraphBuilder("svdf.tflite");
        int x = b.AddInput("x", DataType.Int8, [batches, inputSize], 0.05f, 3);
        int feature = b.AddConstantInt8("feature", [filters, inputSize],
            Enumerable.Range(0, filters * inputSize).Select(_ => (sbyte)rng.Next(-127, 128)).ToArray(), [0.02f]);
        float timeScale = wide ? 0.0004f : 0.02f;
        float stateScale = wide ? 0.002f : 0.1f;
        int time = wide
            ? b.AddConstantInt16("time", [filters, memory],
                Enumerable.Range(0, filters * memory).Select(_ => (short)rng.Next(-20000, 20000)).ToArray(),
                new Quantization([timeScale], [0], 0))
            : b.AddConstantInt8("time", [filters, memory],
                Enumerable.Range(0, filters * memory).Select(_ => (sbyte)rng.Next(-127, 128)).ToArray(), [timeScale]);
        int bias = withBias
            ? b.AddConstantInt32("bias", [filters / rank], Enumerable.Range(0, filters / rank).Select(_ => rng.Next(-2000, 2000)).ToArray(),
                new Quantization([stateScale * timeScale], [0], 0))
            : -1;
        int state = b.Add("state", stateType, [batches, filters * memory], new Quantization([stateScale], [0], 0), null, isVariable: true);
        int y = b.AddTensor("y", DataType.Int8, [batches, filters / rank], wide ? 0.03f : 0.2f, -5);
        b.AddOperator(BuiltinOperator.Svdf, [x, feature, time, bias, state], [y], new SvdfOptions(rank, Activation.None, false)).MarkOutput(y);
        return b.Build();
    }
}
