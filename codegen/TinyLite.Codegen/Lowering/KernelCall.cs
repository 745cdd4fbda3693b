namespace TinyLite.Codegen.Lowering;

/// <summary>
/// One kernel invocation as the image stores it: a runtime kernel code (<c>TinyLite.Runtime.Execution.OpCode</c>),
/// the tensors it reads and writes and its integer parameters. Produced by an <see cref="IOperatorLowering"/>.
/// </summary>
public sealed class KernelCall
{
    public required int Code { get; init; }
    /// <summary>Tensor indices read (graph tensors or constants the lowering added); -1 = omitted.</summary>
    public required int[] Inputs { get; init; }
    /// <summary>Tensor indices written; scratch tensors (see <see cref="LoweringContext.AddScratch"/>) come last.</summary>
    public required int[] Outputs { get; init; }
    /// <summary>Kernel parameters, laid out as the runtime kernel documents.</summary>
    public required int[] Params { get; init; }
    /// <summary>Multiply-accumulates of one invocation (0 for non-arithmetic ops).</summary>
    public long Macs { get; init; }
    /// <summary>Index of the TFLite operator this call came from.</summary>
    public int SourceIndex { get; set; }
    /// <summary>TFLite name of the source operator, for reports.</summary>
    public string SourceOp { get; set; } = "";
    /// <summary>
    /// Output index -> input index pairs where the kernel may write its output over that input
    /// (the planner may then give both the same offset). Empty unless the kernel is written for it.
    /// </summary>
    public (int Output, int Input)[] InPlace { get; init; } = [];

    /// <summary>
    /// A variant of this call that computes the same output over its input 0 (same base offset), with its own
    /// scratch; the in-place planner uses it when input 0 dies here. Its <see cref="InPlace"/> states the pairs.
    /// </summary>
    public KernelCall? InPlaceVariant { get; init; }

    /// <summary>
    /// True for a pure byte copy whose output may simply alias its input (RESHAPE, SQUEEZE, EXPAND_DIMS): the
    /// in-place planner then drops the call and gives both tensors the same bytes.
    /// </summary>
    public bool IsAliasCopy { get; init; }
}
