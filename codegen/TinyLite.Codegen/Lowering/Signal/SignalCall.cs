namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// What a signal operator's own part gives its kernel call (<see cref="SignalLowering"/>): the Params, the
/// multiply-accumulates, the constants or state tensors it added (read after the operator's inputs) and the
/// output-over-input pairs.
/// </summary>
public sealed record SignalCall(int[] Params, long Macs = 0)
{
    /// <summary>Tensor indices the call reads after the operator's own inputs.</summary>
    public int[] Constants { get; init; } = [];

    /// <summary>See <see cref="KernelCall.InPlace"/>.</summary>
    public (int Output, int Input)[] InPlace { get; init; } = [];
}
