namespace TinyLite.Codegen.Quantize;

/// <summary>
/// The quantizer's decision for one candidate layer: int4 or int8, and (auto) the output SQNR of the model with
/// only this layer in int4, against the int8 model.
/// </summary>
public sealed record LayerChoice(WeightLayer Layer, bool Int4, double? SqnrDb);
