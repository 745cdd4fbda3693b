namespace TinyLite.Codegen.Ir;

/// <summary>A model as the compiler sees it: TFLite subgraph 0 with decoded tensors and operators.</summary>
public sealed class Graph
{
    /// <summary>Where the model came from (file name), for messages.</summary>
    public required string Source { get; init; }
    public required List<Tensor> Tensors { get; init; }
    public required List<Operator> Operators { get; init; }
    public required int[] Inputs { get; init; }
    public required int[] Outputs { get; init; }
    /// <summary>SHA-256 of the source file bytes, hex, recorded in the image.</summary>
    public string SourceSha256 { get; init; } = "";
    /// <summary>TFLite model description string, if any.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// Appends a tensor the compiler made (weights relaid, scratch, stream windows, operator state ...); returns its
    /// index. A variable tensor keeps its bytes across invocations (the planners keep it alive for the whole run).
    /// </summary>
    public int AddTensor(string name, DataType type, int[] shape, Quantization? quantization = null, byte[]? data = null, bool isVariable = false)
    {
        Tensors.Add(new Tensor { Index = Tensors.Count, Name = name, Type = type, Shape = shape, Quantization = quantization, Data = data, IsVariable = isVariable });
        return Tensors.Count - 1;
    }
}
