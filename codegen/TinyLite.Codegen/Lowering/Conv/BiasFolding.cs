using System.Buffers.Binary;
using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// Folds the input zero point into the int8 bias: TFLM accumulates bias + sum of w * (x + input_offset) in int32;
/// the kernels start from bias + input_offset * (sum of the channel's weights) and add w * x, which is the same
/// int32 value (two's-complement addition wraps identically in any order). Taps in the padding, which TFLM skips,
/// subtract their input_offset * w at run time.
/// </summary>
public static class BiasFolding
{
    /// <summary>The filter's values as ints (int8, or packed int4 with element 2i in the low nibble).</summary>
    public static int[] Values(LoweringContext ctx, Tensor filter)
    {
        byte[] data = ConvChecks.ConstantData(ctx, filter, "filter");
        var values = new int[filter.ElementCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = filter.Type == DataType.Int4
                ? (sbyte)(data[i >> 1] << ((i & 1) == 0 ? 4 : 0)) >> 4
                : (sbyte)data[i];
        }
        return values;
    }

    /// <summary>
    /// The folded int32 bias: bias[c] (0 without bias) + inputOffset * weightSums[c], wrapping like int32.
    /// </summary>
    public static int[] Fold(LoweringContext ctx, Tensor? bias, int[] weightSums, int inputOffset)
    {
        int channels = weightSums.Length;
        byte[]? data = bias is null ? null : ConvChecks.ConstantData(ctx, bias, "bias");
        var folded = new int[channels];
        for (int c = 0; c < channels; c++)
        {
            int b = data is null ? 0 : BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(c * 4));
            folded[c] = unchecked(b + inputOffset * weightSums[c]);
        }
        return folded;
    }
}
