namespace TinyLite.Codegen.Planning;

/// <summary>Where every arena tensor lives, and the arena size that holds them all.</summary>
public sealed class MemoryPlan
{
    /// <summary>Arena offset by tensor index (only arena tensors have an entry).</summary>
    public required IReadOnlyDictionary<int, int> Offsets { get; init; }
    /// <summary>Lifetimes of the arena tensors, by tensor index.</summary>
    public required IReadOnlyDictionary<int, TensorLifetime> Lifetimes { get; init; }
    /// <summary>Peak arena bytes: the highest end offset of any tensor.</summary>
    public required int ArenaBytes { get; init; }
    /// <summary>Name of the strategy that made the plan ("layer", ...).</summary>
    public required string Strategy { get; init; }

    /// <summary>Bytes of all tensors live during kernel call <paramref name="call"/>.</summary>
    public long LiveBytes(int call) => Lifetimes.Values.Where(l => l.First <= call && call <= l.Last).Sum(l => l.Bytes);
}
