using TinyLite.Codegen.Planning;

namespace TinyLite.Tests.Planning;

public class LayerPlannerTests
{
    /// <summary>A chain t0 -> t1 -> ... -> tn of made-up kernel calls over int8 tensors of the given sizes.</summary>
    private static (Graph, List<KernelCall>) Chain(int[] sizes)
    {
        var b = new GraphBuilder("chain");
        int prev = b.AddInput("t0", DataType.Int8, [sizes[0]]);
        var calls = new List<KernelCall>();
        for (int i = 1; i < sizes.Length; i++)
        {
            int next = b.AddTensor("t" + i, DataType.Int8, [sizes[i]]);
            calls.Add(new KernelCall { Code = 0, Inputs = [prev], Outputs = [next], Params = [] });
            prev = next;
        }
        b.MarkOutput(prev);
        return (b.Build(), calls);
    }

    [Fact]
    public void Plan_Chain_PeakIsLargestAdjacentPair()
    {
        var (graph, calls) = Chain([104, 296, 40, 200]);
        var plan = LayerPlanner.Plan(graph, calls);
        // Live pairs: 104+296, 296+40, 40+200 (sizes are multiples of the 8-byte alignment).
        Assert.Equal(400, plan.ArenaBytes);
    }

    [Fact]
    public void Plan_RandomChains_NeverOverlapsLiveTensors()
    {
        var random = new Random(1234);
        for (int round = 0; round < 200; round++)
        {
            var sizes = Enumerable.Range(0, random.Next(2, 12)).Select(_ => random.Next(1, 500)).ToArray();
            var (graph, calls) = Chain(sizes);
            var plan = LayerPlanner.Plan(graph, calls);
            var lives = plan.Lifetimes.Values.ToList();
            foreach (var a in lives)
            {
                Assert.True(plan.Offsets[a.Tensor] + a.Bytes <= plan.ArenaBytes);
                foreach (var b in lives.Where(b => b.Tensor != a.Tensor && b.Overlaps(a)))
                {
                    long a0 = plan.Offsets[a.Tensor], b0 = plan.Offsets[b.Tensor];
                    Assert.True(a0 + a.Bytes <= b0 || b0 + b.Bytes <= a0, $"tensors {a.Tensor} and {b.Tensor} overlap in round {round}");
                }
            }
            // Never below the largest set of simultaneously live bytes.
            long peak = Enumerable.Range(-1, calls.Count + 2).Max(c => plan.LiveBytes(c));
            Assert.True(plan.ArenaBytes >= peak);
        }
    }
}
