using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Planning;

/// <summary>
/// Layer-by-layer memory plan: every tensor is whole while live, and tensors whose lifetimes do not overlap
/// share bytes. Placement is greedy by size (largest first, lowest offset that fits), as TFLM's greedy planner.
/// </summary>
public static class LayerPlanner
{
    /// <summary>Computes the lifetimes of every non-constant tensor the calls or the graph I/O use.</summary>
    public static Dictionary<int, TensorLifetime> Lifetimes(Graph graph, IReadOnlyList<KernelCall> calls)
    {
        int end = calls.Count;
        var first = new Dictionary<int, int>();
        var last = new Dictionary<int, int>();
        void Touch(int t, int at)
        {
            if (t < 0 || graph.Tensors[t].IsConstant) return;
            first[t] = first.TryGetValue(t, out int f) ? Math.Min(f, at) : at;
            last[t] = last.TryGetValue(t, out int l) ? Math.Max(l, at) : at;
        }
        foreach (int t in graph.Inputs) Touch(t, -1);
        for (int i = 0; i < calls.Count; i++)
        {
            foreach (int t in calls[i].Inputs) Touch(t, i);
            foreach (int t in calls[i].Outputs) Touch(t, i);
        }
        foreach (int t in graph.Outputs) Touch(t, end);
        foreach (var t in graph.Tensors.Where(t => t.IsVariable && first.ContainsKey(t.Index)))
        {
            Touch(t.Index, -1);
            Touch(t.Index, end);
        }
        return first.Keys.ToDictionary(t => t, t => new TensorLifetime(t, graph.Tensors[t].ByteSize, first[t], last[t]));
    }

    /// <summary>Plans the arena for <paramref name="calls"/>.</summary>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls)
    {
        var lifetimes = Lifetimes(graph, calls);
        var placed = new List<(TensorLifetime Life, long Offset)>();
        var offsets = new Dictionary<int, int>();
        long arena = 0;
        foreach (var life in lifetimes.Values.OrderByDescending(l => l.Bytes).ThenBy(l => l.First).ThenBy(l => l.Tensor))
        {
            long offset = 0;
            foreach (var other in placed.Where(p => p.Life.Overlaps(life)).OrderBy(p => p.Offset))
            {
                if (offset + life.Bytes <= other.Offset) break;
                offset = Math.Max(offset, Align(other.Offset + other.Life.Bytes));
            }
            placed.Add((life, offset));
            offsets[life.Tensor] = checked((int)offset);
            arena = Math.Max(arena, offset + life.Bytes);
        }
        return new MemoryPlan { Offsets = offsets, Lifetimes = lifetimes, ArenaBytes = checked((int)arena), Strategy = "layer" };
    }

    private static long Align(long value) => (value + ImageLayout.Alignment - 1) / ImageLayout.Alignment * ImageLayout.Alignment;
}
