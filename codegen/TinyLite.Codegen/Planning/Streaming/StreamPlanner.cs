using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;

namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// Line-buffer streaming and patch plans: finds the runs of calls that, executed row band by row band
/// (<see cref="StreamExpander"/>), lower the arena most, on top of the in-place plan. Greedy: take the call at
/// the current peak, try every run of streamable calls around it (up to <see cref="MaxSegmentCalls"/> calls),
/// keep the run that gives the smallest arena, and repeat while the arena shrinks. Streaming computes no row
/// twice; patches (strips of <see cref="PatchStrips"/>) recompute halo rows, within a budget of extra MACs.
/// </summary>
public static class StreamPlanner
{
    /// <summary>Strip counts the patch plan tries for each run.</summary>
    public static readonly int[] PatchStrips = [2, 4, 8];

    /// <summary>Longest run of calls streamed together.</summary>
    public const int MaxSegmentCalls = 12;

    /// <summary>Most runs the search adds (each one lowers the arena).</summary>
    public const int MaxSegments = 16;

    /// <summary>
    /// Plans <paramref name="calls"/> with line-buffer streaming (<paramref name="patch"/> false) or patches whose
    /// recomputed MACs stay within <paramref name="maxExtraMacs"/> of the calls' own; the plan carries its own copy
    /// of the graph with windows and views.
    /// </summary>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls, bool patch = false, double maxExtraMacs = 0.05)
    {
        var streamable = calls.Select(c => RowKernel.Describe(graph, c) != null).ToArray();
        long budget = (long)(calls.Sum(c => c.Macs) * maxExtraMacs);
        var chosen = new List<StreamSegment>();
        var best = Build(graph, calls, chosen, patch)!;
        for (int round = 0; round < MaxSegments; round++)
        {
            MemoryPlan? improved = null;
            StreamSegment? pick = null;
            var candidates = CandidatesAroundPeak(best, calls, streamable, chosen);
            if (patch) candidates = candidates.SelectMany(c => PatchStrips.Select(p => c with { Strips = p }));
            foreach (var candidate in candidates)
            {
                var plan = Build(graph, calls, [.. chosen, candidate], patch);
                if (plan == null || plan.ExtraMacs > budget || plan.ArenaBytes >= (improved ?? best).ArenaBytes) continue;
                improved = plan;
                pick = candidate;
            }
            if (improved == null) break;
            chosen.Add(pick!.Value);
            best = improved;
        }
        return patch ? best : Coarsen(graph, calls, chosen, best);
    }

    /// <summary>
    /// Taller bands for each streamed run while the arena does not grow: a run away from the peak needs fewer,
    /// larger calls (a smaller image, less interpreter work) at no cost in RAM.
    /// </summary>
    private static MemoryPlan Coarsen(Graph graph, IReadOnlyList<KernelCall> calls, List<StreamSegment> chosen, MemoryPlan best)
    {
        for (int s = 0; s < chosen.Count; s++)
        {
            for (int rows = 2; rows <= MaxBandRows; rows *= 2)
            {
                var trial = new List<StreamSegment>(chosen) { [s] = chosen[s] with { BandRows = rows } };
                var plan = Build(graph, calls, trial);
                if (plan == null || plan.ArenaBytes > best.ArenaBytes) break;
                chosen[s] = trial[s];
                best = plan;
            }
        }
        return best;
    }

    /// <summary>Tallest band the coarsening tries.</summary>
    public const int MaxBandRows = 16;

    /// <summary>The plan for a given set of segments, or null when one cannot stream.</summary>
    public static MemoryPlan? Build(Graph graph, IReadOnlyList<KernelCall> calls, IReadOnlyList<StreamSegment> segments, bool patch = false)
    {
        var copy = new Graph
        {
            Source = graph.Source, Tensors = [.. graph.Tensors], Operators = graph.Operators, Inputs = graph.Inputs,
            Outputs = graph.Outputs, SourceSha256 = graph.SourceSha256, Description = graph.Description,
        };
        var layout = StreamExpander.Expand(copy, calls, segments, out _);
        if (layout == null) return null;
        var plan = InPlacePlanner.Plan(copy, layout.Calls, layout, patch ? PlanStrategy.Patch : PlanStrategy.Stream);
        return new MemoryPlan
        {
            Calls = plan.Calls, Offsets = plan.Offsets, Lifetimes = plan.Lifetimes, ArenaBytes = plan.ArenaBytes,
            Strategy = plan.Strategy, Graph = copy, ExtraMacs = plan.ExtraMacs, Segments = [.. segments.OrderBy(s => s.First)],
        };
    }

    /// <summary>Runs of streamable calls, disjoint from the chosen ones, that contain a call of the peak's operator.</summary>
    private static IEnumerable<StreamSegment> CandidatesAroundPeak(MemoryPlan plan, IReadOnlyList<KernelCall> calls, bool[] streamable, List<StreamSegment> chosen)
    {
        int peakStep = Enumerable.Range(0, plan.Calls.Count).OrderByDescending(plan.LiveBytes).ThenBy(s => s).FirstOrDefault();
        if (plan.Calls.Count == 0) yield break;
        int source = plan.Calls[peakStep].SourceIndex;
        var seen = new HashSet<StreamSegment>();
        for (int peak = 0; peak < calls.Count; peak++)
        {
            if (calls[peak].SourceIndex != source || !streamable[peak]) continue;
            for (int first = peak; first >= 0 && first > peak - MaxSegmentCalls && streamable[first]; first--)
            {
                for (int last = peak; last < calls.Count && last - first < MaxSegmentCalls && streamable[last]; last++)
                {
                    var s = new StreamSegment(first, last);
                    if (chosen.Any(c => c.Overlaps(s)) || !seen.Add(s)) continue;
                    yield return s;
                }
            }
        }
    }
}
