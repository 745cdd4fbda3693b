using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;

namespace TinyLite.Codegen.Planning;

/// <summary>
/// Layer-by-layer memory plan: every tensor is whole while live, and tensors whose lifetimes do not overlap
/// share bytes. Placement is greedy by size (largest first, lowest offset that fits), as TFLM's greedy planner.
/// </summary>
public static class LayerPlanner
{
    /// <summary>
    /// Computes the lifetimes of every non-constant tensor the calls or the graph I/O use; a call's use of a view
    /// (a row slice, see <see cref="Streaming.StreamLayout"/>) counts for the tensor <paramref name="resolve"/> maps it to.
    /// </summary>
    public static Dictionary<int, TensorLifetime> Lifetimes(Graph graph, IReadOnlyList<KernelCall> calls, Func<int, int>? resolve = null)
    {
        resolve ??= t => t;
        int end = calls.Count;
        var first = new Dictionary<int, int>();
        var last = new Dictionary<int, int>();
        void Touch(int t, int at)
        {
            t = resolve(t);
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

    /// <summary>Plans the arena for <paramref name="calls"/>: one block per tensor.</summary>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls)
    {
        var lifetimes = Lifetimes(graph, calls);
        var (offsets, arena) = BlockPlacer.Place(lifetimes.Values.Select(l => (IReadOnlyList<BlockMember>)[new BlockMember(l, 0)]));
        return new MemoryPlan { Calls = calls, Offsets = offsets, Lifetimes = lifetimes, ArenaBytes = arena, Strategy = PlanStrategy.Layer };
    }
}
