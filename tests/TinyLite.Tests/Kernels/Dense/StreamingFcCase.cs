using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// A seeded random FULLY_CONNECTED int8 case (one batch) for the streaming kernels: input, weights, folded bias,
/// requantization pairs, output stage, and a split of the input into slices with each slice's weights re-laid
/// row-major ([outDepth, sliceLength]) as the compiler does for a band. <see cref="Reference"/> is the plain
/// arithmetic of TFLM's kernel written here (independent of the runtime's kernels and FixedPoint).
/// </summary>
public sealed class StreamingFcCase
{
    public required int InDepth { get; init; }
    public required int OutDepth { get; init; }
    public required sbyte[] X { get; init; }
    /// <summary>Weights [OutDepth, InDepth] row-major.</summary>
    public required sbyte[] W { get; init; }
    public required int[] Bias { get; init; }
    /// <summary>(multiplier, shift) pairs: OutDepth of them when <see cref="PerChannel"/>, else one.</summary>
    public required int[] Pairs { get; init; }
    public required bool PerChannel { get; init; }
    public required int OutZp { get; init; }
    public required int ActMin { get; init; }
    public required int ActMax { get; init; }
    /// <summary>Slice boundaries: slice s covers input elements [Cuts[s], Cuts[s + 1]).</summary>
    public required int[] Cuts { get; init; }

    public int Slices => Cuts.Length - 1;

    public int SliceLength(int s) => Cuts[s + 1] - Cuts[s];

    /// <summary>Random case; the input is split into <paramref name="slices"/> non-empty slices of random lengths.</summary>
    public static StreamingFcCase Random(int seed, int inDepth, int outDepth, bool perChannel, int slices = 3, bool wrapBias = false)
    {
        var r = new Random(seed);
        int pairs = perChannel ? outDepth : 1;
        var p = new int[2 * pairs];
        for (int i = 0; i < pairs; i++)
        {
            p[2 * i] = r.Next(1 << 30, int.MaxValue);
            p[2 * i + 1] = r.Next(-14, 3);
        }
        var cuts = new SortedSet<int> { 0, inDepth };
        while (cuts.Count < slices + 1) cuts.Add(r.Next(1, inDepth));
        int actMin = r.Next(-128, 1);
        return new StreamingFcCase
        {
            InDepth = inDepth,
            OutDepth = outDepth,
            X = RandomInt8(r, inDepth),
            W = RandomInt8(r, outDepth * inDepth),
            Bias = Enumerable.Range(0, outDepth).Select(_ => wrapBias ? r.Next(int.MinValue, int.MaxValue) : r.Next(-100000, 100000)).ToArray(),
            Pairs = p,
            PerChannel = perChannel,
            OutZp = r.Next(-128, 128),
            ActMin = actMin,
            ActMax = r.Next(actMin, 128),
            Cuts = cuts.ToArray(),
        };
    }

    /// <summary>The same case split at <paramref name="cuts"/> (0, ..., InDepth).</summary>
    public StreamingFcCase WithCuts(int[] cuts) => new()
    {
        InDepth = InDepth, OutDepth = OutDepth, X = X, W = W, Bias = Bias, Pairs = Pairs, PerChannel = PerChannel,
        OutZp = OutZp, ActMin = ActMin, ActMax = ActMax, Cuts = cuts,
    };

    /// <summary>The input elements of slice <paramref name="s"/>.</summary>
    public byte[] SliceInput(int s) => Bytes(X[Cuts[s]..Cuts[s + 1]]);

    /// <summary>The weights of slice <paramref name="s"/>, [OutDepth, SliceLength(s)] row-major.</summary>
    public byte[] SliceWeights(int s)
    {
        int n = SliceLength(s);
        var w = new byte[OutDepth * n];
        for (int o = 0; o < OutDepth; o++)
            for (int k = 0; k < n; k++) w[o * n + k] = (byte)W[o * InDepth + Cuts[s] + k];
        return w;
    }

    public byte[] BiasBytes() => Int32Bytes(Bias);

    public byte[] PairBytes() => Int32Bytes(Pairs);

    /// <summary>clamp(requantize(bias + sum w * x) + zp) with int32 wrapping sums: TFLM's FullyConnected on one batch.</summary>
    public byte[] Reference()
    {
        var y = new byte[OutDepth];
        for (int o = 0; o < OutDepth; o++)
        {
            int acc = Bias[o];
            for (int k = 0; k < InDepth; k++) acc = unchecked(acc + W[o * InDepth + k] * X[k]);
            int pair = PerChannel ? o : 0;
            int v = Requantize32(acc, Pairs[2 * pair], Pairs[2 * pair + 1]) + OutZp;
            y[o] = (byte)(sbyte)Math.Clamp(v, ActMin, ActMax);
        }
        return y;
    }

    public static byte[] Int32Bytes(int[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), v[i]);
        return b;
    }
}
