namespace TinyLite.Codegen.Ir;

/// <summary>
/// Affine quantization of a tensor: real = scale * (q - zero_point), per tensor (one scale) or per
/// channel along <see cref="QuantizedDimension"/>.
/// </summary>
public sealed record Quantization(float[] Scales, long[] ZeroPoints, int QuantizedDimension)
{
    /// <summary>True when there is one scale per channel.</summary>
    public bool IsPerChannel => Scales.Length > 1;

    /// <summary>The scale of a per-tensor quantization (the first scale otherwise).</summary>
    public float Scale => Scales[0];

    /// <summary>The zero point of a per-tensor quantization (the first one otherwise).</summary>
    public int ZeroPoint => ZeroPoints.Length == 0 ? 0 : checked((int)ZeroPoints[0]);
}
