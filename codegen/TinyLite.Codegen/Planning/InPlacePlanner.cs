using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Codegen.Planning.Streaming;

namespace TinyLite.Codegen.Planning;

/// <summary>
/// In-place memory plan. Walking the calls in order, an output goes into the block of an input that dies at
/// that call when the kernel allows it (<see cref="KernelCall.InPlace"/>, same base offset): alias copies
/// (reshape) are dropped, element-wise kernels write over their input, and calls with an
/// <see cref="KernelCall.InPlaceVariant"/> (depthwise and 1×1 convolution) are swapped for it. A streamed
/// layout adds its own pairs (a segment's output at a fixed offset inside its dying input). The blocks are
/// then placed greedily by <see cref="BlockPlacer"/>.
/// </summary>
public static class InPlacePlanner
{
    /// <summary>Plans <paramref name="calls"/> (the lowered calls, unchanged) in place where possible.</summary>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls) => Plan(graph, calls, null, PlanStrategy.InPlace);

    /// <summary>
    /// Plans the calls of a streamed layout (<paramref name="stream"/>, whose calls are <paramref name="calls"/>)
    /// or of none; views share their parent's bytes and lifetime.
    /// </summary>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls, StreamLayout? stream, PlanStrategy strategy)
    {
        Func<int, int> resolve = stream == null ? t => t : stream.Resolve;
        var original = LayerPlanner.Lifetimes(graph, calls, resolve);
        var protectedTensors = new HashSet<int>(graph.Outputs);
        foreach (var t in graph.Tensors) if (t.IsVariable) protectedTensors.Add(t.Index);

        // Union-find over tensors; a member's offset is relative to its parent's (0 for plain in-place).
        var parent = new Dictionary<int, int>();
        var relative = new Dictionary<int, long>();
        int Find(int t)
        {
            while (parent.TryGetValue(t, out int p) && p != t) t = p;
            return t;
        }
        long RelativeToRoot(int t)
        {
            long r = 0;
            while (parent.TryGetValue(t, out int p) && p != t)
            {
                r += relative[t];
                t = p;
            }
            return r;
        }
        var blockLast = new Dictionary<int, int>();
        int BlockLast(int t) => blockLast.TryGetValue(Find(t), out int l) ? l : original[t].Last;
        void Join(int output, int input, long offset, int last)
        {
            int root = Find(input);
            parent.TryAdd(root, root);
            relative.TryAdd(root, 0);
            parent[output] = root;
            relative[output] = RelativeToRoot(input) + offset;
            blockLast[root] = Math.Max(last, original[output].Last);
        }
        var pairsAt = (stream?.Pairs ?? []).ToLookup(p => p.Step);

        var steps = new List<(KernelCall Call, bool Dropped)>();
        for (int i = 0; i < calls.Count; i++)
        {
            foreach (var pair in pairsAt[i])
            {
                if (parent.ContainsKey(pair.Exit) || !original.ContainsKey(pair.Entry) || !original.ContainsKey(pair.Exit)) continue;
                if (BlockLast(pair.Entry) != original[pair.Entry].Last) continue;
                Join(pair.Exit, pair.Entry, pair.Delta, original[pair.Entry].Last);
            }
            var call = calls[i];
            KernelCall chosen = call;
            bool dropped = false;
            var candidates = call.InPlaceVariant != null ? call.InPlaceVariant.InPlace.Select(p => (p, call.InPlaceVariant)).ToList() : [];
            candidates.AddRange(call.InPlace.Select(p => (p, call)));
            foreach (var ((o, inIndex), variant) in candidates)
            {
                int input = variant.Inputs[inIndex], output = variant.Outputs[o];
                if (!Dies(graph, original, protectedTensors, input, i) || BlockLast(input) != i) continue;
                if (output < 0 || graph.Tensors[output].IsConstant || graph.Tensors[output].IsVariable) continue;
                if (parent.ContainsKey(output) || !original.ContainsKey(output)) continue;
                Join(output, input, 0, i);
                chosen = variant;
                dropped = variant.IsAliasCopy;
                break;
            }
            steps.Add((chosen, dropped));
        }

        // Lifetimes over the steps (dropped copies included, so aliases stay contiguous), then mapped to the
        // kept calls: a step's time becomes the index of the last kept call at or before it.
        var stepCalls = steps.Select(s => s.Call).ToList();
        var stepLives = LayerPlanner.Lifetimes(graph, stepCalls, resolve);
        var keptAtOrBefore = new int[steps.Count];
        int kept = -1;
        for (int s = 0; s < steps.Count; s++)
        {
            if (!steps[s].Dropped) kept++;
            keptAtOrBefore[s] = kept;
        }
        int keptCount = kept + 1;
        int Map(int time) => time < 0 ? -1 : time >= steps.Count ? keptCount : keptAtOrBefore[time];
        var lifetimes = stepLives.ToDictionary(kv => kv.Key, kv => kv.Value with { First = Map(kv.Value.First), Last = Map(kv.Value.Last) });

        var blocks = lifetimes.Values.GroupBy(l => Find(l.Tensor)).Select(g =>
        {
            var members = g.Select(l => new BlockMember(l, RelativeToRoot(l.Tensor))).ToList();
            long lowest = members.Min(m => m.Relative);
            return (IReadOnlyList<BlockMember>)members.Select(m => m with { Relative = m.Relative - lowest }).ToList();
        });
        var (offsets, arena) = BlockPlacer.Place(blocks);
        if (stream != null)
            foreach (var (view, (p, offset)) in stream.Views)
                if (offsets.TryGetValue(p, out int at)) offsets[view] = checked((int)(at + offset));
        return new MemoryPlan
        {
            Calls = steps.Where(s => !s.Dropped).Select(s => s.Call).ToList(),
            Offsets = offsets,
            Lifetimes = lifetimes,
            ArenaBytes = arena,
            Strategy = strategy,
            Graph = stream == null ? null : graph,
            ExtraMacs = stream?.ExtraMacs ?? 0,
        };
    }

    /// <summary>True when arena tensor <paramref name="t"/> is read for the last time by call <paramref name="at"/>.</summary>
    private static bool Dies(Graph graph, Dictionary<int, TensorLifetime> lives, HashSet<int> protectedTensors, int t, int at)
        => t >= 0 && !graph.Tensors[t].IsConstant && !protectedTensors.Contains(t) && lives.TryGetValue(t, out var life) && life.Last == at;
}
