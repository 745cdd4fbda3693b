namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// Builds the params of the <c>StridedCopy</c> kernel (its strided_copy layout, through
/// <see cref="KernelParams.StridedCopy"/>) from a list of (count, step) axes, outermost first:
/// count-1 axes are dropped, an axis is merged into the one before it when that one steps exactly over it
/// (outer step = inner count × inner step), and the result is padded at the front to the kernel's 5 axes.
/// The element order of the gather does not change.
/// </summary>
public static class StridedCopyPlan
{
    private const int Axes = 5;

    /// <summary>
    /// The Params: element size, start, 5 counts, 5 steps. <paramref name="start"/> and the steps are in elements;
    /// a zero count anywhere gives an empty gather (start, counts and steps all 0).
    /// </summary>
    public static int[] Params(int elementSize, long start, IReadOnlyList<(long Count, long Step)> axes)
    {
        var counts = new int[Axes];
        var steps = new int[Axes];
        if (axes.Any(a => a.Count == 0))
            return KernelParams.StridedCopy(elementBytes: elementSize, start: 0, counts: counts, steps: steps);
        var merged = new List<(long Count, long Step)>();
        foreach (var axis in axes)
        {
            if (axis.Count == 1) continue;
            if (merged.Count > 0 && merged[^1].Step == axis.Count * axis.Step)
                merged[^1] = (merged[^1].Count * axis.Count, axis.Step);
            else
                merged.Add(axis);
        }
        if (merged.Count > Axes)
            throw new InvalidOperationException($"a gather over {merged.Count} independent axes exceeds the kernel's {Axes}");
        int lead = Axes - merged.Count;
        int first = checked((int)start);
        for (int d = 0; d < Axes; d++)
        {
            var (count, step) = d < lead ? (1L, 0L) : merged[d - lead];
            counts[d] = checked((int)count);
            steps[d] = checked((int)step);
        }
        return KernelParams.StridedCopy(elementBytes: elementSize, start: first, counts: counts, steps: steps);
    }

    /// <summary>Row-major element strides of <paramref name="shape"/>.</summary>
    public static long[] Strides(int[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }
}
