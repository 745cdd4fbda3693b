using TinyLite.Codegen.Lowering;

namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// The lowered calls with their streamed segments expanded into row bands and window copies: what the memory
/// planner places. Band calls read and write views (row slices) of whole tensors and of window buffers.
/// </summary>
public sealed class StreamLayout
{
    /// <summary>The calls in execution order: untouched calls outside the segments, bands and copies inside.</summary>
    public required List<KernelCall> Calls { get; init; }

    /// <summary>Row-slice tensors: view index → (the tensor it lies in, byte offset inside it).</summary>
    public required Dictionary<int, (int Parent, long Offset)> Views { get; init; }

    /// <summary>Outputs placed over the consumed part of a dying input.</summary>
    public required List<StreamPair> Pairs { get; init; }

    /// <summary>Multiply-accumulates of the bands beyond those of the whole calls (rows recomputed).</summary>
    public required long ExtraMacs { get; init; }

    /// <summary>The tensor whose bytes <paramref name="t"/> occupies (itself unless it is a view).</summary>
    public int Resolve(int t) => t >= 0 && Views.TryGetValue(t, out var v) ? v.Parent : t;
}
