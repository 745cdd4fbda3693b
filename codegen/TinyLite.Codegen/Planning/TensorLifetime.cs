namespace TinyLite.Codegen.Planning;

/// <summary>
/// The kernel calls during which an arena tensor must keep its bytes: from the call that first writes it
/// (-1 for graph inputs and state) to the last call that reads it (the call count for graph outputs and state).
/// </summary>
public readonly record struct TensorLifetime(int Tensor, long Bytes, int First, int Last)
{
    /// <summary>True when the two tensors are live during at least one common call.</summary>
    public bool Overlaps(TensorLifetime other) => First <= other.Last && other.First <= Last;
}
