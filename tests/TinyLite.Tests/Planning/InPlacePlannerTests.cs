using TinyLite.Codegen.Planning;

namespace TinyLite.Tests.Planning;

public class InPlacePlannerTests
{
    private static KernelCall Call(int code, int[] inputs, int[] outputs, (int, int)[]? inPlace = null, bool alias = false, KernelCall? variant = null)
        => new() { Code = code, Inputs = inputs, Outputs = outputs, Params = [], InPlace = inPlace ?? [], IsAliasCopy = alias, InPlaceVariant = variant };

    [Fact]
    public void Plan_ReshapeOfDyingInput_DropsTheCopyAndSharesTheBytes()
    {
        var b = new GraphBuilder("alias");
        int t0 = b.AddInput("t0", DataType.Int8, [104]);
        int t1 = b.AddTensor("t1", DataType.Int8, [104]);
        int t2 = b.AddTensor("t2", DataType.Int8, [40]);
        b.MarkOutput(t2);
        var calls = new List<KernelCall> { Call(1, [t0], [t1], [(0, 0)], alias: true), Call(2, [t1], [t2]) };
        var plan = InPlacePlanner.Plan(b.Build(), calls);
        Assert.Equal([2], plan.Calls.Select(c => c.Code));
        Assert.Equal(plan.Offsets[t0], plan.Offsets[t1]);
        Assert.Equal(144, plan.ArenaBytes);
        Assert.Equal(144, LayerPlanner.Plan(b.Build(), [calls[1]]).ArenaBytes);
    }

    [Fact]
    public void Plan_ElementwiseOverDyingInput_SharesTheBase()
    {
        var b = new GraphBuilder("ew");
        int t0 = b.AddInput("t0", DataType.Int8, [200]);
        int t1 = b.AddTensor("t1", DataType.Int8, [200]);
        int t2 = b.AddTensor("t2", DataType.Int8, [200]);
        int t3 = b.AddTensor("t3", DataType.Int8, [8]);
        b.MarkOutput(t3);
        var graph = b.Build();
        var calls = new List<KernelCall> { Call(1, [t0], [t1], [(0, 0)]), Call(1, [t1], [t2], [(0, 0)]), Call(2, [t2], [t3]) };
        var plan = InPlacePlanner.Plan(graph, calls);
        Assert.Equal(3, plan.Calls.Count);
        Assert.Equal(plan.Offsets[t0], plan.Offsets[t1]);
        Assert.Equal(plan.Offsets[t1], plan.Offsets[t2]);
        Assert.Equal(208, plan.ArenaBytes);
        Assert.Equal(400, LayerPlanner.Plan(graph, calls).ArenaBytes);
    }

    [Fact]
    public void Plan_InputReadLater_IsNotOverwritten()
    {
        var b = new GraphBuilder("skip");
        int t0 = b.AddInput("t0", DataType.Int8, [64]);
        int t1 = b.AddTensor("t1", DataType.Int8, [64]);
        int t2 = b.AddTensor("t2", DataType.Int8, [64]);
        b.MarkOutput(t2);
        var calls = new List<KernelCall> { Call(1, [t0], [t1], [(0, 0)]), Call(2, [t0, t1], [t2], [(0, 0), (0, 1)]) };
        var plan = InPlacePlanner.Plan(b.Build(), calls);
        Assert.NotEqual(plan.Offsets[t0], plan.Offsets[t1]);
        // At the second call both inputs die; the output takes the first one's bytes.
        Assert.Equal(plan.Offsets[t0], plan.Offsets[t2]);
        Assert.Equal(128, plan.ArenaBytes);
    }

    [Fact]
    public void Plan_GraphOutputInput_IsNotOverwritten()
    {
        var b = new GraphBuilder("out");
        int t0 = b.AddInput("t0", DataType.Int8, [64]);
        int t1 = b.AddTensor("t1", DataType.Int8, [64]);
        int t2 = b.AddTensor("t2", DataType.Int8, [64]);
        b.MarkOutput(t1).MarkOutput(t2);
        var calls = new List<KernelCall> { Call(1, [t0], [t1]), Call(1, [t1], [t2], [(0, 0)]) };
        var plan = InPlacePlanner.Plan(b.Build(), calls);
        Assert.NotEqual(plan.Offsets[t1], plan.Offsets[t2]);
    }

    [Fact]
    public void Plan_CallWithVariant_UsesTheVariantWhenTheInputDies()
    {
        var b = new GraphBuilder("variant");
        int t0 = b.AddInput("t0", DataType.Int8, [96]);
        int t1 = b.AddTensor("t1", DataType.Int8, [96]);
        int scratch = b.AddTensor("scratch", DataType.Int8, [16]);
        int t2 = b.AddTensor("t2", DataType.Int8, [96]);
        b.MarkOutput(t2);
        var variant = Call(9, [t0], [t1, scratch], [(0, 0)]);
        var calls = new List<KernelCall> { Call(5, [t0], [t1], variant: variant), Call(5, [t1], [t2], variant: Call(9, [t1], [t2, scratch], [(0, 0)])) };
        var plan = InPlacePlanner.Plan(b.Build(), calls);
        Assert.Equal([9, 9], plan.Calls.Select(c => c.Code));
        Assert.Equal(plan.Offsets[t0], plan.Offsets[t1]);
        Assert.Equal(plan.Offsets[t0], plan.Offsets[t2]);
        Assert.NotEqual(plan.Offsets[t0], plan.Offsets[scratch]);
        Assert.Equal(96 + 16, plan.ArenaBytes);
    }

    [Fact]
    public void LiveBytes_SharedBytes_AreCountedOnce()
    {
        var b = new GraphBuilder("ew");
        int t0 = b.AddInput("t0", DataType.Int8, [200]);
        int t1 = b.AddTensor("t1", DataType.Int8, [120]);
        b.MarkOutput(t1);
        var plan = InPlacePlanner.Plan(b.Build(), [Call(1, [t0], [t1], [(0, 0)])]);
        Assert.Equal(200, plan.LiveBytes(0));
        Assert.Equal(120, plan.LiveBytes(1));
    }
}
