namespace TinyLite.Codegen.Ir;

/// <summary>One tensor of the model graph (TFLite subgraph 0, or one a pass added).</summary>
public sealed class Tensor
{
    /// <summary>Index in <see cref="Graph.Tensors"/>.</summary>
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required DataType Type { get; init; }
    /// <summary>Dimensions, outermost first (NHWC for images). Empty for a scalar.</summary>
    public required int[] Shape { get; init; }
    /// <summary>Quantization parameters, or null for an unquantized tensor.</summary>
    public Quantization? Quantization { get; init; }
    /// <summary>Constant contents (raw little-endian bytes, int4 packed two per byte), or null for activations.</summary>
    public byte[]? Data { get; init; }
    /// <summary>True for TFLite variable (state) tensors, kept across invocations.</summary>
    public bool IsVariable { get; init; }

    /// <summary>True when the tensor holds constant data.</summary>
    public bool IsConstant => Data != null;

    /// <summary>Number of elements (product of the shape).</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, d) => a * d);

    /// <summary>Bytes the tensor needs in memory.</summary>
    public long ByteSize => DataTypes.ByteSize(Type, ElementCount);

    /// <summary>"INT8 [1, 49, 10, 1]" for messages.</summary>
    public string Describe() => $"{DataTypes.Name(Type)} [{string.Join(", ", Shape)}]";
}
