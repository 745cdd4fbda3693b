namespace TinyLite.Codegen.Quantize;

/// <summary>
/// TFLite's packed int4 layout (tensor_utils::UnpackDenseInt4IntoInt8): element 2i in the low nibble of byte i,
/// element 2i+1 in its high nibble, each a two's-complement 4-bit value; an odd count leaves the last high nibble 0.
/// </summary>
public static class Int4Packing
{
    /// <summary>Packs values in [-8, 7] two per byte. Throws <see cref="ArgumentOutOfRangeException"/> for a value outside.</summary>
    public static byte[] Pack(IReadOnlyList<sbyte> values)
    {
        var packed = new byte[(values.Count + 1) / 2];
        for (int i = 0; i < values.Count; i++)
        {
            int v = values[i];
            if (v < -8 || v > 7)
                throw new ArgumentOutOfRangeException(nameof(values), $"element {i} is {v}, outside int4's [-8, 7]");
            int nibble = v & 0x0F;
            packed[i >> 1] |= (byte)((i & 1) == 0 ? nibble : nibble << 4);
        }
        return packed;
    }

    /// <summary>The first <paramref name="count"/> packed values, sign-extended to sbyte.</summary>
    public static sbyte[] Unpack(byte[] packed, long count)
    {
        var values = new sbyte[count];
        for (long i = 0; i < count; i++)
        {
            int nibble = (i & 1) == 0 ? packed[i >> 1] & 0x0F : packed[i >> 1] >> 4;
            values[i] = (sbyte)(nibble >= 8 ? nibble - 16 : nibble);
        }
        return values;
    }
}
