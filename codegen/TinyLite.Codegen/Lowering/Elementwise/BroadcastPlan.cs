using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Kernels.Elementwise;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// Turns the shapes of a binary element-wise operator into the runtime's broadcast descriptor
/// (<see cref="Broadcast"/>, whose offsets it writes by name): numpy/TFLM broadcasting of up to 8 dimensions, with
/// output dimensions of extent 1 dropped and neighbouring dimensions fused when both inputs walk them
/// contiguously (or both broadcast them), so the kernel loops over long dense rows.
/// </summary>
public static class BroadcastPlan
{
    /// <summary>Most dimensions TFLM's broadcast loop accepts (BroadcastBinaryOpSimple's kMaxRank).</summary>
    public const int MaxRank = 8;

    /// <summary>
    /// The descriptor for <paramref name="a"/> op <paramref name="b"/> = <paramref name="output"/>. Each input
    /// dimension (right-aligned) must be 1 or equal to the output's, and the output shape must be exactly the
    /// broadcast of the two input shapes; anything else is a compile error naming the shapes.
    /// </summary>
    public static int[] Describe(LoweringContext ctx, Tensor a, Tensor b, Tensor output)
    {
        int rank = Math.Max(output.Shape.Length, Math.Max(a.Shape.Length, b.Shape.Length));
        if (rank > MaxRank)
            throw ctx.Error($"rank {rank} is above the {MaxRank} dimensions broadcasting supports");
        int[] sa = Extend(a.Shape, rank), sb = Extend(b.Shape, rank), so = Extend(output.Shape, rank);
        for (int i = 0; i < rank; i++)
        {
            if (sa[i] <= 0 || sb[i] <= 0 || so[i] <= 0)
                throw ctx.Error($"empty or unknown dimensions are not supported ({a.Describe()}, {b.Describe()} -> {output.Describe()})");
            int expected = sa[i] != 1 ? sa[i] : sb[i];
            bool compatible = (sa[i] == 1 || sa[i] == so[i]) && (sb[i] == 1 || sb[i] == so[i]) && so[i] == expected;
            if (!compatible)
                throw ctx.Error($"shapes [{string.Join(", ", a.Shape)}] and [{string.Join(", ", b.Shape)}] do not broadcast to the output [{string.Join(", ", output.Shape)}]");
        }

        long[] strideA = DenseStrides(sa), strideB = DenseStrides(sb);
        // Fused dimensions, innermost first: (extent, stride in a, stride in b); stride 0 = broadcast.
        var fused = new List<(long Extent, long A, long B)>();
        for (int i = rank - 1; i >= 0; i--)
        {
            if (so[i] == 1) continue;
            long da = sa[i] == 1 ? 0 : strideA[i];
            long db = sb[i] == 1 ? 0 : strideB[i];
            if (fused.Count > 0)
            {
                var inner = fused[^1];
                if (Continues(da, inner.A, inner.Extent) && Continues(db, inner.B, inner.Extent))
                {
                    fused[^1] = (inner.Extent * so[i], inner.A, inner.B);
                    continue;
                }
            }
            fused.Add((so[i], da, db));
        }
        if (fused.Count == 0) fused.Add((1, 1, 1));
        if (fused.Count - 1 > Broadcast.MaxOuterDims)
            throw ctx.Error($"the broadcast needs more than {Broadcast.MaxOuterDims + 1} loop levels");
        if (output.ElementCount > int.MaxValue)
            throw ctx.Error($"output {output.Describe()} is too large");

        // The innermost fused dimension is the row; the others are the outer dimensions, outermost first.
        int outer = fused.Count - 1;
        var row = fused[0];
        var p = new int[Broadcast.Length(outer)];
        p[Broadcast.OuterDims] = outer;
        p[Broadcast.RowLength] = (int)row.Extent;
        p[Broadcast.RowStride1] = (int)row.A;
        p[Broadcast.RowStride2] = (int)row.B;
        for (int k = 0; k < outer; k++)
        {
            var dim = fused[outer - k];
            int at = Broadcast.HeaderLength + Broadcast.DimLength * k;
            p[at + Broadcast.DimExtent] = (int)dim.Extent;
            p[at + Broadcast.DimStride1] = (int)dim.A;
            p[at + Broadcast.DimStride2] = (int)dim.B;
        }
        return p;
    }

    /// <summary>
    /// The (output, input) pairs the planner may alias: an activation input with as many elements as the
    /// output (so, after the shape checks, the same shape) is read at exactly the position being written.
    /// </summary>
    public static (int Output, int Input)[] InPlace(Tensor a, Tensor b, Tensor output)
    {
        var pairs = new List<(int, int)>();
        if (!a.IsConstant && a.Type == output.Type && a.ElementCount == output.ElementCount) pairs.Add((0, 0));
        if (!b.IsConstant && b.Type == output.Type && b.ElementCount == output.ElementCount) pairs.Add((0, 1));
        return pairs.ToArray();
    }

    private static bool Continues(long outer, long inner, long innerExtent) =>
        outer == 0 ? inner == 0 : inner != 0 && outer == inner * innerExtent;

    private static int[] Extend(int[] shape, int rank)
    {
        var extended = new int[rank];
        int pad = rank - shape.Length;
        for (int i = 0; i < rank; i++) extended[i] = i < pad ? 1 : shape[i - pad];
        return extended;
    }

    private static long[] DenseStrides(int[] shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }
}
