namespace TinyLite.Codegen.Ir;

/// <summary>Element types, numbered as TFLite's <c>TensorType</c> enum so the reader can cast.</summary>
public enum DataType
{
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    UInt8 = 3,
    Int64 = 4,
    String = 5,
    Bool = 6,
    Int16 = 7,
    Complex64 = 8,
    Int8 = 9,
    Float64 = 10,
    Complex128 = 11,
    UInt64 = 12,
    Resource = 13,
    Variant = 14,
    UInt32 = 15,
    UInt16 = 16,
    Int4 = 17,
}

/// <summary>Sizes and names of <see cref="DataType"/> values.</summary>
public static class DataTypes
{
    /// <summary>Bytes needed for <paramref name="count"/> elements (int4 packs two per byte, rounded up).</summary>
    public static long ByteSize(DataType type, long count) => type switch
    {
        DataType.Int4 => (count + 1) / 2,
        DataType.Bool or DataType.Int8 or DataType.UInt8 => count,
        DataType.Int16 or DataType.UInt16 or DataType.Float16 => count * 2,
        DataType.Int32 or DataType.UInt32 or DataType.Float32 => count * 4,
        DataType.Int64 or DataType.UInt64 or DataType.Float64 or DataType.Complex64 => count * 8,
        DataType.Complex128 => count * 16,
        _ => throw new ArgumentException($"no fixed element size for {type}"),
    };

    /// <summary>TFLite's upper-case spelling, used in error messages.</summary>
    public static string Name(DataType type) => type.ToString().ToUpperInvariant();
}
