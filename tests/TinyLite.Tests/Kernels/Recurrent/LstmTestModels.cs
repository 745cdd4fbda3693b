namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// One small UNIDIRECTIONAL_SEQUENCE_LSTM model: activations dtype, geometry, layout, quantization and the optional
/// LSTM variants (which TFLM's integer kernel refuses, so TinyLite must refuse them too).
/// </summary>
public sealed record LstmSpec(
    string Name, DataType Activations, int Batches, int Steps, int InputDepth, int StateDepth, bool TimeMajor = false,
    float CellClip = 0f, float CellScale = 1f / 2048, long HiddenZeroPoint = 0, long InputZeroPoint = 0, int Seed = 1,
    bool Peephole = false, bool Projection = false, bool LayerNorm = false, bool Cifg = false, sbyte? AllWeights = null);

/// <summary>
/// Builds LSTM test models with the project's graph builder (written to .tflite by TfliteWriter for the TFLM oracle):
/// seeded int8 weights, biases sized so the gates are neither saturated nor flat, state tensors as TFLite variables.
/// </summary>
public static class LstmTestModels
{
    /// <summary>The variants whose TFLM goldens live in tests/data/lstm/ (LstmGoldenTests).</summary>
    public static readonly LstmSpec[] GoldenVariants =
    [
        new("s8_batch_major", DataType.Int8, Batches: 2, Steps: 5, InputDepth: 6, StateDepth: 7, HiddenZeroPoint: 3, InputZeroPoint: -4, Seed: 1),
        new("s8_time_major", DataType.Int8, Batches: 3, Steps: 4, InputDepth: 5, StateDepth: 8, TimeMajor: true, HiddenZeroPoint: -9, InputZeroPoint: 6, Seed: 2),
        new("s8_cell_clip", DataType.Int8, Batches: 1, Steps: 6, InputDepth: 4, StateDepth: 6, CellClip: 0.75f, CellScale: 1f / 16384, HiddenZeroPoint: 0, Seed: 3),
        new("s8_coarse_cell", DataType.Int8, Batches: 1, Steps: 3, InputDepth: 3, StateDepth: 5, CellScale: 1f / 64, HiddenZeroPoint: -1, Seed: 4),
        new("s16_batch_major", DataType.Int16, Batches: 2, Steps: 4, InputDepth: 5, StateDepth: 6, Seed: 5),
        new("s16_mnist_shape", DataType.Int16, Batches: 1, Steps: 28, InputDepth: 28, StateDepth: 20, HiddenZeroPoint: 0, Seed: 7),
        new("s16_time_major_clip", DataType.Int16, Batches: 2, Steps: 3, InputDepth: 4, StateDepth: 5, TimeMajor: true, CellClip: 1.5f, CellScale: 1f / 3000, Seed: 6),
    ];

    /// <summary>The model of <paramref name="spec"/>; one input [B, T, I] (or [T, B, I]), one output.</summary>
    public static Graph Build(LstmSpec spec)
    {
        var rng = new Random(spec.Seed);
        bool int16 = spec.Activations == DataType.Int16;
        var b = new GraphBuilder($"lstm_{spec.Name}.tflite");
        int[] inShape = spec.TimeMajor ? [spec.Steps, spec.Batches, spec.InputDepth] : [spec.Batches, spec.Steps, spec.InputDepth];
        int[] outShape = spec.TimeMajor ? [spec.Steps, spec.Batches, spec.StateDepth] : [spec.Batches, spec.Steps, spec.StateDepth];
        // Activations span about [-1, 1] (int8) or [-8, 8] / [-1, 1] (int16 input / hidden state).
        float inScale = int16 ? 1f / 4096 : 1f / 128;
        float hiddenScale = int16 ? 1f / 32768 : 1f / 128;
        int x = b.AddInput("input", spec.Activations, inShape, inScale, spec.InputZeroPoint);

        int I = spec.InputDepth, S = spec.StateDepth;
        int Weights(string name, int rows, int depth, float scale) =>
            b.AddConstantInt8(name, [rows, depth],
                Enumerable.Range(0, rows * depth).Select(_ => spec.AllWeights ?? (sbyte)rng.Next(-127, 128)).ToArray(), [scale]);
        float[] wxScales = [0.011f, 0.009f, 0.013f, 0.010f];
        float[] whScales = [0.008f, 0.012f, 0.010f, 0.007f];
        string[] gates = ["input", "forget", "cell", "output"];
        var inputWeights = gates.Select((g, i) => spec.Cifg && i == 0 ? -1 : Weights($"{g}_input_weights", S, I, wxScales[i])).ToArray();
        var recurrentWeights = gates.Select((g, i) => spec.Cifg && i == 0 ? -1 : Weights($"{g}_recurrent_weights", S, S, whScales[i])).ToArray();
        var biases = gates.Select((g, i) =>
        {
            if (spec.Cifg && i == 0) return -1;
            float scale = inScale * wxScales[i];
            // Biases up to about +-0.5 in real terms; the forget gate leans open, as trained LSTMs do.
            long[] values = Enumerable.Range(0, S).Select(_ => (long)((rng.NextDouble() - 0.5 + (i == 1 ? 0.5 : 0)) / scale)).ToArray();
            var q = new Quantization([scale], [0], 0);
            return int16 ? b.AddConstantInt64($"{g}_bias", [S], values, q) : b.AddConstantInt32($"{g}_bias", [S], values.Select(v => (int)v).ToArray(), q);
        }).ToArray();
        int[] peephole = spec.Peephole
            ? gates.Where(g => g != "cell").Select(g => b.AddConstantInt16($"cell_to_{g}", [S], Enumerable.Range(0, S).Select(_ => (short)rng.Next(-500, 500)).ToArray(), new Quantization([0.001f], [0], 0))).ToArray()
            : [-1, -1, -1];
        int projectionWeights = spec.Projection ? Weights("projection_weights", S, S, 0.01f) : -1;
        int[] layerNorm = spec.LayerNorm
            ? gates.Select(g => b.AddConstantInt16($"{g}_layer_norm", [S], Enumerable.Range(0, S).Select(_ => (short)rng.Next(1000, 3000)).ToArray(), new Quantization([0.0005f], [0], 0))).ToArray()
            : [-1, -1, -1, -1];
        int hidden = b.Add("output_state", spec.Activations, [spec.Batches, S], new Quantization([hiddenScale], [spec.HiddenZeroPoint], 0), null, isVariable: true);
        int cell = b.Add("cell_state", DataType.Int16, [spec.Batches, S], new Quantization([spec.CellScale], [0], 0), null, isVariable: true);
        int y = b.AddTensor("output", spec.Activations, outShape, hiddenScale, spec.HiddenZeroPoint);
        int[] inputs =
        [
            x, .. inputWeights, .. recurrentWeights, .. peephole, .. biases, projectionWeights, -1, hidden, cell, .. layerNorm,
        ];
        b.AddOperator(BuiltinOperator.UnidirectionalSequenceLstm, inputs, [y],
            new UnidirectionalSequenceLstmOptions(Activation.Tanh, spec.CellClip, 0f, spec.TimeMajor, false, false));
        return b.MarkOutput(y).Build();
    }
}
