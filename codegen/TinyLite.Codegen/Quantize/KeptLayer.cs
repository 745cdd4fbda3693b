namespace TinyLite.Codegen.Quantize;

/// <summary>A weighted layer the quantizer leaves as it is, and why ("int16 activations", "already int4" ...).</summary>
public sealed record KeptLayer(int OperatorIndex, string OperatorName, string Reason);
