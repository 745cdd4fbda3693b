namespace TinyLite.Codegen.Quantize;

/// <summary>
/// The quantizer's decision for one candidate layer: int4 or int8; with auto, the logits SQNR of the model with
/// only this layer in int4 (against the int8 model) and, for a layer kept in int8, why.
/// </summary>
public sealed record LayerChoice(WeightLayer Layer, bool Int4, double? SqnrDb, string? KeptBecause = null);
