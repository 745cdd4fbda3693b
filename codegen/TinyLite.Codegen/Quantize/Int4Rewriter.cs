using System.Buffers.Binary;
using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// Makes a copy of a graph in which chosen layers have int4 weights: the weight tensor becomes an INT4 tensor in
/// TFLite's packed layout with one scale per channel, each from the channel's least-error clipping range
/// (<see cref="Int4Requantization"/>), and the int32 bias is
/// requantized to the new bias scale. The source graph is not changed.
/// </summary>
public static class Int4Rewriter
{
    /// <summary>A copy of <paramref name="graph"/> with the weights of <paramref name="layers"/> in int4.</summary>
    public static Graph Apply(Graph graph, IEnumerable<WeightLayer> layers)
    {
        var copy = Copy(graph);
        foreach (var layer in layers)
        {
            var weights = graph.Tensors[layer.Weights];
            sbyte[] int8 = weights.Data!.Select(b => (sbyte)b).ToArray();
            int[] range = Int4Requantization.ChannelRange(int8, layer.Outer, layer.Channels, layer.Inner);
            sbyte[] int4 = Int4Requantization.Weights(int8, layer.Outer, layer.Channels, layer.Inner, range);
            var q = weights.Quantization!;
            var scales = new float[layer.Channels];
            for (int c = 0; c < layer.Channels; c++)
                scales[c] = Int4Requantization.Scale(q.Scales[q.IsPerChannel ? c : 0], range[c]);
            copy.Tensors[layer.Weights] = new Tensor
            {
                Index = weights.Index, Name = weights.Name, Type = DataType.Int4, Shape = weights.Shape,
                Quantization = new Quantization(scales, new long[layer.Channels], layer.ChannelAxis),
                Data = Int4Packing.Pack(int4),
            };
            if (layer.Bias >= 0) copy.Tensors[layer.Bias] = Bias(graph.Tensors[layer.Bias], range);
        }
        return copy;
    }

    /// <summary>The bias of a layer whose channel c's weights' scale grew by range[c]/7 (one range: the whole tensor).</summary>
    private static Tensor Bias(Tensor bias, int[] range)
    {
        int count = (int)bias.ElementCount;
        var data = new byte[count * 4];
        for (int o = 0; o < count; o++)
        {
            int m = range[range.Length == 1 ? 0 : o];
            int b = BinaryPrimitives.ReadInt32LittleEndian(bias.Data.AsSpan(o * 4));
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(o * 4), Int4Requantization.Bias(b, m));
        }
        Quantization? quantization = null;
        if (bias.Quantization is { Scales.Length: > 0 } q)
        {
            // The bias scale follows the weight scale (input scale · weight scale): per channel when the weights are.
            var scales = new float[range.Length];
            for (int c = 0; c < range.Length; c++)
                scales[c] = Int4Requantization.Scale(q.Scales[q.IsPerChannel ? c : 0], range[c]);
            quantization = new Quantization(scales, new long[range.Length], 0);
        }
        return new Tensor
        {
            Index = bias.Index, Name = bias.Name, Type = DataType.Int32, Shape = bias.Shape, Quantization = quantization, Data = data,
        };
    }

    /// <summary>A graph sharing the source's tensors and operators in new lists (compiling adds to them).</summary>
    public static Graph Copy(Graph graph) => new()
    {
        Source = graph.Source, Tensors = [.. graph.Tensors], Operators = [.. graph.Operators], Inputs = graph.Inputs,
        Outputs = graph.Outputs, SourceSha256 = graph.SourceSha256, Description = graph.Description,
    };
}
