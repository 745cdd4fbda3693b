using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;

namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// Line-buffer streaming plan: finds the runs of calls that, executed row band by row band
/// (<see cref="StreamExpander"/>), lower the arena most, on top of the in-place plan. Greedy: take the call at
/// the current peak, try every run of streamable calls around it (up to <see cref="MaxSegmentCalls"/> calls),
/// keep the run that gives the smallest arena, and repeat while the arena shrinks. No row is computed twice.
/// </summary>
public static class StreamPlanner
{
    /// <summary>Longest run of calls streamed together.</summary>
    public const int MaxSegmentCalls = 12;

    /// <summary>Most runs the search adds (each one lowers the arena).</summary>
    public const int MaxSegments = 16;

    /// <summary>Plans <paramref name="calls"/>; the plan carries its own copy of the graph with windows and views.</summary>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls)
    {
        var streamable = calls.Select(c => RowKernel.Describe(graph, c) != null).ToArray();
        var chosen = new List<StreamSegment>();
        var best = Build(graph, calls, chosen)!;
        for (int round = 0; round < MaxSegments; round++)
        {
            MemoryPlan? improved = null;
            StreamSegment? pick = null;
            foreach (var candidate in CandidatesAroundPeak(best, calls, streamable, chosen))
            {
                var plan = Build(graph, calls, [.. chosen, candidate]);
                if (plan == null || plan.ArenaBytes >= (improved ?? best).ArenaBytes) continue;
                improved = plan;
                pick = candidate;
            }
            if (improved == null) break;
            chosen.Add(pick!.Value);
            best = improved;
        }
        return best;
    }

    /// <summary>The plan for a given set of segments, or null when one cannot stream.</summary>
    public static MemoryPlan? Build(Graph graph, IReadOnlyList<KernelCall> calls, IReadOnlyList<StreamSegment> segments)
    {
        var copy = new Graph
        {
            Source = graph.Source, Tensors = [.. graph.Tensors], Operators = graph.Operators, Inputs = graph.Inputs,
            Outputs = graph.Outputs, SourceSha256 = graph.SourceSha256, Description = graph.Description,
        };
        var layout = StreamExpander.Expand(copy, calls, segments, out _);
        if (layout == null) return null;
        var plan = InPlacePlanner.Plan(copy, layout.Calls, layout, "stream");
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
