using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// One CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED whose int8 weights can become int4: the tensors involved and
/// how its weights split around the channel axis ([outer, channels, inner]; one channel for FULLY_CONNECTED,
/// which TFLM runs with int4 weights only per tensor).
/// </summary>
public sealed record WeightLayer
{
    /// <summary>The operator's index in the model.</summary>
    public required int OperatorIndex { get; init; }
    /// <summary>"CONV_2D", for reports.</summary>
    public required string OperatorName { get; init; }
    /// <summary>The int8 weight tensor.</summary>
    public required int Weights { get; init; }
    /// <summary>The int32 bias tensor, or -1.</summary>
    public required int Bias { get; init; }
    /// <summary>Elements before the channel axis.</summary>
    public required int Outer { get; init; }
    /// <summary>Channels that get their own int4 scale (1: one scale for the tensor).</summary>
    public required int Channels { get; init; }
    /// <summary>Elements after the channel axis.</summary>
    public required int Inner { get; init; }
    /// <summary>The axis the int4 scales run along (TFLite's quantized_dimension).</summary>
    public required int ChannelAxis { get; init; }

    /// <summary>Weight elements (bytes in int8; int4 packs them two per byte).</summary>
    public long WeightCount => (long)Outer * Channels * Inner;

    /// <summary>"3 CONV_2D", for reports.</summary>
    public string Describe() => $"{OperatorIndex} {OperatorName}";
}
