namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// Lowers the single operator of a graph and runs its kernel calls directly (no image, no interpreter): every
/// tensor gets its own region of one shared buffer at an odd offset, with guard bytes around it, so offset
/// mistakes and stray writes show up.
/// </summary>
public sealed class KernelHarness
{
    private const byte Guard = 0xA5;
    private const int Gap = 7;

    public Graph Graph { get; }
    public IReadOnlyList<KernelCall> Calls { get; }
    public byte[] Buffer { get; }
    public int[] Offsets { get; }
    public int[] Sizes { get; }
    public int[] Types { get; }

    public KernelHarness(Graph graph)
    {
        Graph = graph;
        var op = graph.Operators.Single();
        var lowering = LoweringRegistry.Default.Find(op.Op) ?? throw new InvalidOperationException($"no lowering for {op.OpName}");
        Calls = lowering.Lower(new LoweringContext(graph, op));
        int n = graph.Tensors.Count;
        Offsets = new int[n];
        Sizes = new int[n];
        Types = new int[n];
        int at = 3;
        for (int t = 0; t < n; t++)
        {
            Offsets[t] = at;
            Sizes[t] = (int)graph.Tensors[t].ByteSize;
            Types[t] = (int)graph.Tensors[t].Type;
            at += Sizes[t] + Gap;
        }
        Buffer = Enumerable.Repeat(Guard, at).ToArray();
        for (int t = 0; t < n; t++)
        {
            if (graph.Tensors[t].Data is { } data) Array.Copy(data, 0, Buffer, Offsets[t], Sizes[t]);
        }
    }

    /// <summary>A context over the shared buffer; <paramref name="sizes"/> overrides the byte sizes (for hostile tests).</summary>
    public KernelContext Context(int[]? sizes = null)
    {
        var buffers = Enumerable.Repeat(Buffer, Offsets.Length).ToArray();
        return new KernelContext(buffers, Offsets, sizes ?? Sizes, Types);
    }

    public static OpRecord Record(KernelCall call) => new()
    {
        Code = call.Code, Inputs = call.Inputs, Outputs = call.Outputs, Params = (int[])call.Params.Clone(),
    };

    /// <summary>Writes the graph input, validates and runs every call, checks the guard bytes, returns output 0.</summary>
    public byte[] Run(byte[] input)
    {
        int inT = Graph.Inputs[0];
        Assert.Equal(Sizes[inT], input.Length);
        Array.Copy(input, 0, Buffer, Offsets[inT], input.Length);
        var ctx = Context();
        foreach (var call in Calls)
        {
            var record = Record(call);
            Assert.Null(KernelDispatch.Validate(ctx, record));
            KernelDispatch.Run(ctx, record);
        }
        for (int t = 0; t < Offsets.Length; t++)
        {
            Assert.Equal(Guard, Buffer[Offsets[t] - 1]);
            Assert.Equal(Guard, Buffer[Offsets[t] + Sizes[t]]);
        }
        int outT = Graph.Outputs[0];
        return Buffer.AsSpan(Offsets[outT], Sizes[outT]).ToArray();
    }
}
