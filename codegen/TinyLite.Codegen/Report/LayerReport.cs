using System.Text.Json.Serialization;

namespace TinyLite.Codegen.Report;

/// <summary>One kernel call in the report.</summary>
public sealed record LayerReport(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("source_operator")] int SourceOperator,
    [property: JsonPropertyName("kernel")] int Kernel,
    [property: JsonPropertyName("macs")] long Macs,
    [property: JsonPropertyName("weight_bytes")] long WeightBytes,
    [property: JsonPropertyName("live_bytes")] long LiveBytes);
