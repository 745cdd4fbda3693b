using TinyLite.Codegen.Lowering;

namespace TinyLite.Codegen.Planning;

/// <summary>
/// An execution plan: the kernel calls to run (a plan may drop alias copies and swap kernels for their in-place
/// variants), where every arena tensor lives, and the arena size that holds them all.
/// </summary>
public sealed class MemoryPlan
{
    /// <summary>The kernel calls in execution order, as the image stores them.</summary>
    public required IReadOnlyList<KernelCall> Calls { get; init; }
    /// <summary>Arena offset by tensor index (only arena tensors have an entry).</summary>
    public required IReadOnlyDictionary<int, int> Offsets { get; init; }
    /// <summary>Lifetimes of the arena tensors, by tensor index, in indices of <see cref="Calls"/>.</summary>
    public required IReadOnlyDictionary<int, TensorLifetime> Lifetimes { get; init; }
    /// <summary>Peak arena bytes: the highest end offset of any tensor.</summary>
    public required int ArenaBytes { get; init; }
    /// <summary>The strategy that made the plan (never <see cref="PlanStrategy.Auto"/>).</summary>
    public required PlanStrategy Strategy { get; init; }
    /// <summary>
    /// The graph the plan's tensor indices refer to, when the plan added tensors of its own (stream windows and
    /// row views): a copy of the compiled graph plus those. Null when the plan uses the compiled graph as is.
    /// </summary>
    public Ir.Graph? Graph { get; init; }
    /// <summary>Multiply-accumulates the plan runs beyond the lowered calls' own (recomputed rows).</summary>
    public long ExtraMacs { get; init; }
    /// <summary>Row-streamed call ranges of the lowered calls (empty unless the strategy streams).</summary>
    public IReadOnlyList<Streaming.StreamSegment> Segments { get; init; } = [];

    /// <summary>Tensors live during kernel call <paramref name="call"/> (-1: before the first call).</summary>
    public IEnumerable<TensorLifetime> LiveAt(int call) => Lifetimes.Values.Where(l => l.First <= call && call <= l.Last && l.Bytes > 0);

    /// <summary>
    /// Arena bytes in use during kernel call <paramref name="call"/>: the union of the byte ranges of the live
    /// tensors (tensors that share bytes in place are counted once).
    /// </summary>
    public long LiveBytes(int call)
    {
        long total = 0, coveredTo = long.MinValue;
        foreach (var (start, end) in LiveAt(call).Select(l => ((long)Offsets[l.Tensor], Offsets[l.Tensor] + l.Bytes)).OrderBy(r => r.Item1))
        {
            long from = Math.Max(start, coveredTo);
            if (end > from) total += end - from;
            coveredTo = Math.Max(coveredTo, end);
        }
        return total;
    }
}
