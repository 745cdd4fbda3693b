using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// Finds the layers whose weights can become int4 in TFLM's terms: CONV_2D and DEPTHWISE_CONV_2D with int8
/// activations and int8 weights (per tensor or per output channel), FULLY_CONNECTED with int8 activations and
/// int8 weights per tensor (TFLM refuses per-channel int4 FULLY_CONNECTED). Other weighted layers are kept with a
/// reason; a layer of a supported type whose weights are laid out in a way TFLite does not define for it (a
/// quantized axis other than the output channels, asymmetric weights, shuffled FULLY_CONNECTED weights) is an error.
/// </summary>
public static class WeightLayers
{
    /// <summary>The candidates and the kept layers, in model order.</summary>
    /// <exception cref="CompileException">A layer's weight layout is one the quantizer cannot requantize.</exception>
    public static (List<WeightLayer> Candidates, List<KeptLayer> Kept) Find(Graph graph)
    {
        string model = Path.GetFileName(graph.Source);
        var candidates = new List<WeightLayer>();
        var kept = new List<KeptLayer>();
        var uses = new Dictionary<int, int>();
        foreach (var op in graph.Operators)
            foreach (int t in op.Inputs.Where(t => t >= 0))
                uses[t] = uses.GetValueOrDefault(t) + 1;

        foreach (var op in graph.Operators)
        {
            if (op.Op is not (BuiltinOperator.Conv2D or BuiltinOperator.DepthwiseConv2D or BuiltinOperator.FullyConnected)) continue;
            string Where() => $"{model}: operator {op.Index} ({op.OpName})";
            if (op.Inputs.Length < 2 || op.Outputs.Length < 1 || op.Inputs[0] < 0 || op.Inputs[1] < 0) continue;
            var input = graph.Tensors[op.Inputs[0]];
            var weights = graph.Tensors[op.Inputs[1]];
            var output = graph.Tensors[op.Outputs[0]];
            int biasIndex = op.Inputs.Length > 2 ? op.Inputs[2] : -1;
            var bias = biasIndex >= 0 ? graph.Tensors[biasIndex] : null;

            string? keep = null;
            if (weights.Type == DataType.Int4) keep = "already int4";
            else if (weights.Type != DataType.Int8) keep = $"{DataTypes.Name(weights.Type)} weights";
            else if (input.Type != DataType.Int8 || output.Type != DataType.Int8) keep = $"{DataTypes.Name(input.Type)} activations (TFLM has int4 weights for int8 activations only)";
            else if (!weights.IsConstant) keep = "weights are not constant";
            else if (bias is not null && (bias.Type != DataType.Int32 || !bias.IsConstant)) keep = "bias is not a constant INT32";
            else if (uses.GetValueOrDefault(weights.Index) > 1 || (bias is not null && uses.GetValueOrDefault(bias.Index) > 1)) keep = "weights or bias shared with another operator";
            if (keep != null)
            {
                kept.Add(new KeptLayer(op.Index, op.OpName, keep));
                continue;
            }

            var q = weights.Quantization
                ?? throw new CompileException($"{Where()}: unsupported layout: INT8 weights without quantization parameters");
            if (q.ZeroPoints.Any(z => z != 0))
                throw new CompileException($"{Where()}: unsupported layout: asymmetric weights (zero point {q.ZeroPoints.First(z => z != 0)}); int4 weights must be symmetric");
            int[] s = weights.Shape;
            switch (op.Op)
            {
                case BuiltinOperator.Conv2D:
                case BuiltinOperator.DepthwiseConv2D:
                {
                    int axis = op.Op == BuiltinOperator.Conv2D ? 0 : 3;
                    if (s.Length != 4)
                        throw new CompileException($"{Where()}: unsupported layout: filter {weights.Describe()} is not 4-D");
                    if (q.IsPerChannel && (q.QuantizedDimension != axis || q.Scales.Length != s[axis]))
                        throw new CompileException($"{Where()}: unsupported layout: {q.Scales.Length} filter scales along axis {q.QuantizedDimension} of {weights.Describe()}; expected {s[axis]} along axis {axis}");
                    RequireBias(bias, s[axis], Where);
                    int outer = 1, inner = 1;
                    for (int d = 0; d < axis; d++) outer *= s[d];
                    for (int d = axis + 1; d < 4; d++) inner *= s[d];
                    candidates.Add(new WeightLayer
                    {
                        OperatorIndex = op.Index, OperatorName = op.OpName, Weights = weights.Index, Bias = biasIndex,
                        Outer = outer, Channels = s[axis], Inner = inner, ChannelAxis = axis,
                    });
                    break;
                }
                default:
                {
                    if (op.Options is FullyConnectedOptions { WeightsFormat: not 0 } fc)
                        throw new CompileException($"{Where()}: unsupported layout: weights format {fc.WeightsFormat} (shuffled); only the default format can be requantized");
                    if (s.Length != 2)
                        throw new CompileException($"{Where()}: unsupported layout: weights {weights.Describe()} are not 2-D [outputs, depth]");
                    RequireBias(bias, s[0], Where);
                    if (q.IsPerChannel)
                    {
                        kept.Add(new KeptLayer(op.Index, op.OpName, "per-channel weights (TFLM has no per-channel int4 FULLY_CONNECTED)"));
                        continue;
                    }
                    candidates.Add(new WeightLayer
                    {
                        OperatorIndex = op.Index, OperatorName = op.OpName, Weights = weights.Index, Bias = biasIndex,
                        Outer = 1, Channels = 1, Inner = s[0] * s[1], ChannelAxis = 0,
                    });
                    break;
                }
            }
        }
        return (candidates, kept);
    }

    private static void RequireBias(Tensor? bias, int channels, Func<string> where)
    {
        if (bias is not null && bias.ElementCount != channels)
            throw new CompileException($"{where()}: unsupported layout: bias {bias.Describe()} does not hold one value per output channel ({channels})");
    }
}
