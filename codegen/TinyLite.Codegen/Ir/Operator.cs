namespace TinyLite.Codegen.Ir;

/// <summary>One operator of the graph, in execution order.</summary>
public sealed class Operator
{
    /// <summary>Index in the TFLite subgraph's operator list (kept for error messages).</summary>
    public required int Index { get; init; }
    public required BuiltinOperator Op { get; init; }
    /// <summary>The custom code for <see cref="BuiltinOperator.Custom"/> operators, else null.</summary>
    public string? CustomCode { get; init; }
    /// <summary>Input tensor indices; -1 marks an omitted optional input.</summary>
    public required int[] Inputs { get; init; }
    public required int[] Outputs { get; init; }
    /// <summary>Decoded builtin options, or null when the operator has none.</summary>
    public OperatorOptions? Options { get; init; }
    /// <summary>Raw custom options bytes (flexbuffer) of custom operators.</summary>
    public byte[]? CustomOptions { get; init; }

    /// <summary>"CONV_2D" or the custom code, for messages.</summary>
    public string OpName => Op == BuiltinOperator.Custom && CustomCode != null ? CustomCode : BuiltinOperators.Name(Op);
}
