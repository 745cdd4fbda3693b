namespace TinyLite.Codegen.Report;

/// <summary>
/// Object sizes of one nanoCLR build, from nf-interpreter's heap layout (nanoCLR_Runtime__HeapBlock.h): the managed
/// heap is cut into <c>CLR_RT_HeapBlock</c>s and every object takes a whole number of them. A class instance is one
/// block of header plus one per field; an array is a <c>CLR_RT_HeapBlock_Array</c> header (a block plus the element
/// count and element size, 8 bytes) followed by its elements packed (4 bytes per int, one block per reference), rounded
/// up to whole blocks; a string is a block followed by its UTF-8 bytes and a NUL, rounded up.
/// </summary>
/// <param name="Name">Which build.</param>
/// <param name="BlockBytes">sizeof(CLR_RT_HeapBlock): 12 on 32-bit targets, 24 on the 64-bit posix nanoCLR.</param>
public sealed record HeapLayout(string Name, int BlockBytes)
{
    /// <summary>The devices TinyLite runs on (ESP32, STM32: 32-bit pointers, 12-byte heap blocks).</summary>
    public static HeapLayout Device32 { get; } = new("32-bit device", 12);

    /// <summary>The posix nanoCLR built on x86-64 (24-byte heap blocks), where the heap is measured (bench/nanoclr).</summary>
    public static HeapLayout Posix64 { get; } = new("posix x86-64 nanoCLR", 24);

    /// <summary>Bytes of a class instance with <paramref name="fields"/> instance fields.</summary>
    public long Object(int fields) => (1L + fields) * BlockBytes;

    /// <summary>Bytes of an int[] (or any 4-byte-element array) of <paramref name="length"/> elements.</summary>
    public long IntArray(long length) => Blocks(BlockBytes + 8 + 4 * length);

    /// <summary>Bytes of an array of <paramref name="length"/> references (each element is a heap block).</summary>
    public long ReferenceArray(long length) => Blocks(BlockBytes + 8 + (long)BlockBytes * length);

    /// <summary>Bytes of a string of <paramref name="utf8Bytes"/> UTF-8 bytes.</summary>
    public long String(int utf8Bytes) => Blocks(BlockBytes + utf8Bytes + 1);

    private long Blocks(long bytes) => (bytes + BlockBytes - 1) / BlockBytes * BlockBytes;
}
