using System.Text;
using Google.FlatBuffers;

namespace TinyLite.Codegen.Tflite;

/// <summary>
/// A table inside a flatbuffer whose header has been checked: <see cref="Position"/> is the table start,
/// <see cref="VTable"/> its vtable (<see cref="VTableSize"/> bytes), and <see cref="InlineSize"/> bytes of inline
/// fields follow the table start. <see cref="What"/> names the table in error messages ("tensor 3").
/// </summary>
internal readonly record struct FlatTable(int Position, int VTable, int VTableSize, int InlineSize, string What);

/// <summary>A vector inside a flatbuffer: <see cref="Count"/> elements starting at <see cref="Start"/> (after the length word).</summary>
internal readonly record struct FlatVector(int Start, int Count);

/// <summary>
/// Bounds-checked reading of an untrusted flatbuffer. Every offset, vtable and vector length is checked against
/// the byte array before it is followed or anything is allocated, so a hostile file ends in a
/// <see cref="CompileException"/> ("model.tflite: tensor 3 quantization: ...") and never in a huge allocation
/// or an exception from the FlatBuffers library.
/// </summary>
internal sealed class FlatBufferView
{
    private readonly byte[] _bytes;
    private readonly ByteBuffer _bb;
    private readonly int _length;
    private long _budget;

    /// <summary>File name used as the first part of every error message.</summary>
    public string Source { get; }

    public FlatBufferView(byte[] bytes, string source)
    {
        _bytes = bytes;
        _bb = new ByteBuffer(bytes);
        _length = bytes.Length;
        Source = source;
        _budget = 8L * bytes.Length + (1 << 20);
    }

    /// <summary>
    /// Accounts for <paramref name="bytes"/> about to be allocated while decoding. A well-formed file decodes to
    /// about its own size; a hostile one can point many tables at the same large vector, so the total is capped
    /// at 8 times the file size (plus 1 MB) to keep the memory a file can cost linear in its length.
    /// </summary>
    public void Charge(long bytes, string what)
    {
        _budget -= bytes;
        if (_budget < 0)
            throw Error($"{what}: decoded contents exceed 8 times the file size; tables or buffers overlap");
    }

    /// <summary>Length of the whole file in bytes.</summary>
    public int Length => _length;

    /// <summary>An error "file: message".</summary>
    public CompileException Error(string message) => new($"{Source}: {message}");

    /// <summary>The root table (uoffset at byte 0).</summary>
    public FlatTable Root(string what)
    {
        Require(0, 4, what);
        return TableAt(Indirect(0, what), what);
    }

    /// <summary>The 4 bytes after the root offset (the file identifier, when the file has one).</summary>
    public string Identifier()
    {
        Require(4, 4, "file identifier");
        var chars = new char[4];
        for (int i = 0; i < 4; i++) chars[i] = (char)_bb.Get(4 + i);
        return new string(chars);
    }

    /// <summary>Reads and checks the table header at <paramref name="pos"/>.</summary>
    public FlatTable TableAt(int pos, string what)
    {
        Require(pos, 4, what);
        long vtable = (long)pos - _bb.GetInt(pos);
        if (vtable < 0 || vtable > _length - 4)
            throw Error($"{what}: vtable offset points outside the file");
        int vt = (int)vtable;
        int vtSize = _bb.GetUshort(vt);
        int inlineSize = _bb.GetUshort(vt + 2);
        if (vtSize < 4 || (vtSize & 1) != 0 || vt + (long)vtSize > _length)
            throw Error($"{what}: vtable of {vtSize} bytes is malformed or runs past the end of the file");
        if (inlineSize < 4 || pos + (long)inlineSize > _length)
            throw Error($"{what}: table of {inlineSize} bytes is malformed or runs past the end of the file");
        return new FlatTable(pos, vt, vtSize, inlineSize, what);
    }

    /// <summary>Absolute position of field <paramref name="id"/> (<paramref name="size"/> bytes), or 0 when absent.</summary>
    public int Field(FlatTable t, int id, int size)
    {
        int slot = 4 + 2 * id;
        if (slot + 2 > t.VTableSize) return 0;
        int offset = _bb.GetUshort(t.VTable + slot);
        if (offset == 0) return 0;
        if (offset < 4 || offset + size > t.InlineSize)
            throw Error($"{t.What}: field {id} lies outside its table");
        return t.Position + offset;
    }

    public int Int(FlatTable t, int id, int defaultValue)
    {
        int p = Field(t, id, 4);
        return p == 0 ? defaultValue : _bb.GetInt(p);
    }

    public uint UInt(FlatTable t, int id, uint defaultValue)
    {
        int p = Field(t, id, 4);
        return p == 0 ? defaultValue : _bb.GetUint(p);
    }

    public ulong ULong(FlatTable t, int id, ulong defaultValue)
    {
        int p = Field(t, id, 8);
        return p == 0 ? defaultValue : _bb.GetUlong(p);
    }

    public sbyte SByte(FlatTable t, int id, sbyte defaultValue)
    {
        int p = Field(t, id, 1);
        return p == 0 ? defaultValue : _bb.GetSbyte(p);
    }

    public byte Byte(FlatTable t, int id, byte defaultValue)
    {
        int p = Field(t, id, 1);
        return p == 0 ? defaultValue : _bb.Get(p);
    }

    public bool Bool(FlatTable t, int id, bool defaultValue)
    {
        int p = Field(t, id, 1);
        return p == 0 ? defaultValue : _bb.Get(p) != 0;
    }

    public float Float(FlatTable t, int id, float defaultValue)
    {
        int p = Field(t, id, 4);
        return p == 0 ? defaultValue : _bb.GetFloat(p);
    }

    /// <summary>The sub-table in field <paramref name="id"/>, or null when absent.</summary>
    public FlatTable? Table(FlatTable t, int id, string what)
    {
        int p = Field(t, id, 4);
        return p == 0 ? null : TableAt(Indirect(p, what), what);
    }

    /// <summary>The vector in field <paramref name="id"/> with elements of <paramref name="elementSize"/> bytes, or null.</summary>
    public FlatVector? Vector(FlatTable t, int id, int elementSize, string what)
    {
        int p = Field(t, id, 4);
        if (p == 0) return null;
        int v = Indirect(p, what);
        Require(v, 4, what);
        uint count = _bb.GetUint(v);
        if (count * (long)elementSize > _length - (v + 4L))
            throw Error($"{what}: vector of {count} elements runs past the end of the file");
        Charge(count * (long)elementSize, what);
        return new FlatVector(v + 4, (int)count);
    }

    /// <summary>Element <paramref name="i"/> of a vector of tables.</summary>
    public FlatTable TableAt(FlatVector v, int i, string what) => TableAt(Indirect(v.Start + 4 * i, what), what);

    public int[] Ints(FlatTable t, int id, string what)
    {
        var v = Vector(t, id, 4, what);
        if (v is null) return [];
        var result = new int[v.Value.Count];
        for (int i = 0; i < result.Length; i++) result[i] = _bb.GetInt(v.Value.Start + 4 * i);
        return result;
    }

    public float[] Floats(FlatTable t, int id, string what)
    {
        var v = Vector(t, id, 4, what);
        if (v is null) return [];
        var result = new float[v.Value.Count];
        for (int i = 0; i < result.Length; i++) result[i] = _bb.GetFloat(v.Value.Start + 4 * i);
        return result;
    }

    public long[] Longs(FlatTable t, int id, string what)
    {
        var v = Vector(t, id, 8, what);
        if (v is null) return [];
        var result = new long[v.Value.Count];
        for (int i = 0; i < result.Length; i++) result[i] = _bb.GetLong(v.Value.Start + 8 * i);
        return result;
    }

    /// <summary>A byte vector, or null when the field is absent.</summary>
    public byte[]? Bytes(FlatTable t, int id, string what)
    {
        var v = Vector(t, id, 1, what);
        return v is null ? null : _bytes.AsSpan(v.Value.Start, v.Value.Count).ToArray(); // charged by Vector
    }

    /// <summary>A string field (UTF-8; invalid sequences become U+FFFD), or null when absent.</summary>
    public string? String(FlatTable t, int id, string what)
    {
        var v = Vector(t, id, 1, what);
        return v is null ? null : Encoding.UTF8.GetString(_bytes.AsSpan(v.Value.Start, v.Value.Count));
    }

    /// <summary>A copy of <paramref name="count"/> bytes at <paramref name="start"/>; the caller has checked the range.</summary>
    public byte[] Slice(int start, int count, string what)
    {
        Charge(count, what);
        return _bytes.AsSpan(start, count).ToArray();
    }

    /// <summary>Follows the uoffset stored at <paramref name="pos"/> (checked to lie in the file).</summary>
    private int Indirect(int pos, string what)
    {
        Require(pos, 4, what);
        long target = pos + (long)_bb.GetUint(pos);
        if (target > _length - 4L)
            throw Error($"{what}: offset {target} points outside the file ({_length} bytes)");
        return (int)target;
    }

    private void Require(long pos, int size, string what)
    {
        if (pos < 0 || pos + size > _length)
            throw Error($"{what}: offset {pos} points outside the file ({_length} bytes)");
    }
}
