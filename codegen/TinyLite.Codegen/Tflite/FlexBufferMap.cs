using System.Text;

namespace TinyLite.Codegen.Tflite;

/// <summary>
/// The root map of a FlexBuffer (the custom options of TFLM's signal operators), read as TFLM's
/// <c>FlexbufferWrapper</c> reads it: keys in their stored (sorted) order, each value slot taken as an inline integer
/// of the map's byte width (<c>ElementAsInt64</c>). Only scalar integer and bool values are accepted; any structural
/// problem is a <see cref="FormatException"/> naming what is wrong.
/// </summary>
public sealed class FlexBufferMap
{
    // FlexBuffer value types (flexbuffers.h): the ones a scalar map value may have.
    private const int TypeInt = 1, TypeUInt = 2, TypeMap = 9, TypeBool = 26;

    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);

    /// <summary>The keys in stored order.</summary>
    public IReadOnlyList<string> Keys { get; }

    private FlexBufferMap(List<string> keys, List<long> values)
    {
        Keys = keys;
        for (int i = 0; i < keys.Count; i++) _values[keys[i]] = values[i];
    }

    /// <summary>Parses <paramref name="buffer"/>; throws <see cref="FormatException"/> when it is not a map of integers.</summary>
    public static FlexBufferMap Parse(byte[]? buffer)
    {
        if (buffer is null || buffer.Length < 3) throw new FormatException("custom options are missing or shorter than a FlexBuffer");
        int rootWidth = buffer[^1];
        int rootPacked = buffer[^2];
        if (rootWidth is not (1 or 2 or 4 or 8)) throw new FormatException($"FlexBuffer root width {rootWidth} is invalid");
        int rootAt = buffer.Length - 2 - rootWidth;
        if (rootAt < 0) throw new FormatException("FlexBuffer root lies outside the buffer");
        if (rootPacked >> 2 != TypeMap) throw new FormatException($"FlexBuffer root has type {rootPacked >> 2}, not a map");
        int width = 1 << (rootPacked & 3);
        long map = rootAt - (long)ReadUInt(buffer, rootAt, rootWidth);
        CheckRange(buffer, map - 3L * width, 3L * width, "map header");
        long count = (long)ReadUInt(buffer, map - width, width);
        if (count < 0 || count > buffer.Length) throw new FormatException($"FlexBuffer map size {count} is invalid");
        CheckRange(buffer, map, count * width + count, "map values");

        long keysField = map - 3L * width;
        long keys = keysField - (long)ReadUInt(buffer, keysField, width);
        int keysWidth = (int)ReadUInt(buffer, map - 2L * width, width);
        if (keysWidth is not (1 or 2 or 4 or 8)) throw new FormatException($"FlexBuffer key vector width {keysWidth} is invalid");
        CheckRange(buffer, keys - keysWidth, keysWidth + count * keysWidth, "key vector");
        if ((long)ReadUInt(buffer, keys - keysWidth, keysWidth) != count) throw new FormatException("FlexBuffer map has keys and values of different counts");

        var names = new List<string>();
        var values = new List<long>();
        for (long i = 0; i < count; i++)
        {
            long slot = keys + i * keysWidth;
            long at = slot - (long)ReadUInt(buffer, slot, keysWidth);
            CheckRange(buffer, at, 1, "key");
            long end = at;
            while (end < buffer.Length && buffer[end] != 0) end++;
            if (end >= buffer.Length) throw new FormatException("FlexBuffer key is not terminated");
            names.Add(Encoding.UTF8.GetString(buffer, (int)at, (int)(end - at)));

            int type = buffer[map + count * width + i] >> 2;
            if (type is not (TypeInt or TypeUInt or TypeBool))
                throw new FormatException($"FlexBuffer value '{names[^1]}' has type {type}, not an integer");
            values.Add(ReadInt(buffer, map + i * width, width));
        }
        return new FlexBufferMap(names, values);
    }

    /// <summary>True when the map has <paramref name="key"/>.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/> as TFLM's ElementAsInt32 reads it (the low 32 bits).</summary>
    public int Int32(string key) => _values.TryGetValue(key, out long v)
        ? unchecked((int)v)
        : throw new FormatException($"custom option '{key}' is missing (present: {string.Join(", ", Keys)})");

    /// <summary>The value of <paramref name="key"/> as a bool (non-zero).</summary>
    public bool Bool(string key) => Int32(key) != 0;

    private static void CheckRange(byte[] buffer, long at, long length, string what)
    {
        if (at < 0 || length < 0 || at + length > buffer.Length) throw new FormatException($"FlexBuffer {what} lies outside the buffer");
    }

    private static ulong ReadUInt(byte[] b, long at, int width)
    {
        CheckRange(b, at, width, "value");
        ulong v = 0;
        for (int i = width - 1; i >= 0; i--) v = (v << 8) | b[at + i];
        return v;
    }

    private static long ReadInt(byte[] b, long at, int width)
    {
        ulong v = ReadUInt(b, at, width);
        int unused = 64 - 8 * width;
        return unused == 0 ? (long)v : ((long)(v << unused)) >> unused;
    }
}
