using System.Text;

namespace TinyLite.Codegen.Tflite;

/// <summary>
/// Writes a FlexBuffer whose root is a map of integer (or bool) values: the shape of TFLM's signal operators'
/// custom options. Keys are stored sorted (FlexBuffers looks them up by binary search), every slot is 8 bytes wide
/// (any width is legal; one width keeps the writer small). <see cref="FlexBufferMap"/> reads the result back.
/// </summary>
public static class FlexBufferMapWriter
{
    private const int Width = 8;
    private const int TypeInt = 1, TypeMap = 9, TypeBool = 26;

    /// <summary>The FlexBuffer bytes of a map of INT values.</summary>
    public static byte[] Write(params (string Key, long Value)[] entries) => Write(entries, []);

    /// <summary>As <see cref="Write(ValueTuple{string, long}[])"/>, with the keys in <paramref name="bools"/> typed BOOL.</summary>
    public static byte[] Write((string Key, long Value)[] entries, string[] bools)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(bools);
        var sorted = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Key == sorted[i - 1].Key) throw new ArgumentException($"FlexBuffer map key '{sorted[i].Key}' is given twice");
        }
        var bytes = new List<byte>();
        var keyAt = new long[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            keyAt[i] = bytes.Count;
            bytes.AddRange(Encoding.UTF8.GetBytes(sorted[i].Key));
            bytes.Add(0);
        }
        Align(bytes);
        Put(bytes, sorted.Length); // key vector size
        long keys = bytes.Count;
        for (int i = 0; i < sorted.Length; i++) Put(bytes, bytes.Count - keyAt[i]);
        long keysField = bytes.Count;
        Put(bytes, keysField - keys); // offset back to the key vector
        Put(bytes, Width); // key vector byte width
        Put(bytes, sorted.Length); // map size
        long map = bytes.Count;
        foreach (var e in sorted) Put(bytes, e.Value);
        // Packed types: the type in the high 6 bits, log2 of the slot width (3: 8 bytes) in the low 2.
        foreach (var e in sorted) bytes.Add((byte)(((bools.Contains(e.Key) ? TypeBool : TypeInt) << 2) | 3));
        Align(bytes);
        long root = bytes.Count;
        Put(bytes, root - map);
        bytes.Add((byte)((TypeMap << 2) | 3));
        bytes.Add(Width);
        return bytes.ToArray();
    }

    private static void Align(List<byte> bytes)
    {
        while (bytes.Count % Width != 0) bytes.Add(0);
    }

    private static void Put(List<byte> bytes, long value)
    {
        for (int i = 0; i < Width; i++) bytes.Add((byte)(value >> (8 * i)));
    }
}
