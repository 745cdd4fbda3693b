using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Compat;

namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// The project's own float32 golden data, tests/data/float/&lt;model&gt;/ (layout of ../shared/models: model.tflite,
/// inputs/&lt;case&gt;.input0.bin, golden/&lt;case&gt;.output0.bin): the models of <see cref="FloatTestModels"/>
/// written by the TFLite writer, seeded inputs, and outputs of TFLM's reference kernels (tests/data/float/README.md).
/// </summary>
public static class FloatGoldenData
{
    /// <summary>tests/data/float in this checkout.</summary>
    public static string Root => Path.Combine(Checkout.Root(), "tests", "data", "float");

    /// <summary>The model's .tflite bytes as the writer makes them now.</summary>
    public static byte[] ModelBytes(string model) => TfliteWriter.Write(FloatTestModels.All[model]());

    /// <summary>The input cases of a model: two seeded uniform ones, and the sweep for the transcendental ones.</summary>
    public static IReadOnlyList<(string Case, byte[] Input)> Inputs(string model)
    {
        var graph = FloatTestModels.All[model]();
        int count = (int)graph.Tensors[graph.Inputs[0]].ElementCount;
        int seed = model.Aggregate(17, (h, ch) => h * 31 + ch) & 0x7fffffff;
        var cases = new List<(string, byte[])>
        {
            ("random_0", FloatTestModels.Bytes(FloatTestModels.Uniform(count, seed, -3f, 3f))),
            ("random_1", FloatTestModels.Bytes(FloatTestModels.Uniform(count, seed + 1, -3f, 3f))),
        };
        if (model.StartsWith("softmax"))
            cases.Add(("wide", FloatTestModels.Bytes(FloatTestModels.Uniform(count, seed + 2, -90f, 90f))));
        if (model is "logistic_f32" or "tanh_f32")
            cases.Add(("sweep", FloatTestModels.Bytes(Sweep())));
        return cases;
    }

    /// <summary>
    /// <see cref="FloatTestModels.UnaryLength"/> values: an even sweep over [-30, 30] and the edges of LOGISTIC's
    /// and TANH's branches (cut-offs and their neighbours, zeros, subnormals, tiny, huge and infinite values).
    /// </summary>
    public static float[] Sweep()
    {
        float[] special =
        [
            0f, -0f, 1e-40f, -1e-40f, 1e-20f, -1e-20f, 2e-8f, -2e-8f, 16.619047164916992188f,
            BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(16.619047164916992188f) + 1),
            BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(16.619047164916992188f) - 1),
            -9f, BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(-9f) + 1),
            BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(-9f) - 1),
            0.34657359f, -0.34657359f, 1.03972077f, -1.03972077f, 1f, -1f, 0.5f, -0.5f, 22f, -22f, 44f, -44f,
            88.7f, -88.7f, -103.9f, -104f, -150f, 1e30f, -1e30f, float.MaxValue, float.MinValue,
            float.PositiveInfinity, float.NegativeInfinity,
        ];
        var values = new float[FloatTestModels.UnaryLength];
        int even = values.Length - special.Length;
        for (int i = 0; i < even; i++) values[i] = -30f + 60f * i / (even - 1);
        special.CopyTo(values, even);
        return values;
    }
}
