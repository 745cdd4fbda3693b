using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// Resolves a STRIDED_SLICE to per-axis (start, count, stride) over a dense input shape, two ways:
/// <list type="bullet">
/// <item><see cref="Tflm"/> exactly as TFLM's kernel: one begin/end/stride per input dim, begin/end/shrink
/// masks applied by <c>strided_slice_logic.h</c>'s StridedSliceStartForAxis/EndForAxis; TFLM zeroes the
/// ellipsis and new-axis masks and never sets <c>offset</c>, so they are ignored here too.</item>
/// <item><see cref="Full"/> as desktop TFLite: the ellipsis expands over the dims the spec leaves out,
/// new_axis inserts size-1 dims, and <c>offset</c> makes end relative to begin.</item>
/// </list>
/// </summary>
public static class StridedSliceResolver
{
    /// <summary>One resolved slice: the (possibly expanded) input shape, per-axis loop and the output shape.</summary>
    public sealed record Slice(int[] InputShape, int[] Start, int[] Count, int[] Stride, int[] OutputShape);

    /// <summary>Clamp as strided_slice::Clamp.</summary>
    private static int Clamp(int v, int lo, int hi) => v > hi ? hi : (v < lo ? lo : v);

    /// <summary>strided_slice_logic.h StridedSliceStartForAxis.</summary>
    public static int StartForAxis(int begin, int stride, bool beginMask, int axisSize)
    {
        int start = begin;
        if (start < 0) start += axisSize;
        start = stride > 0 ? Clamp(start, 0, axisSize) : Clamp(start, -1, axisSize - 1);
        if (beginMask) start = stride > 0 ? 0 : axisSize - 1;
        return start;
    }

    /// <summary>strided_slice_logic.h StridedSliceEndForAxis.</summary>
    public static int EndForAxis(int end, int stride, bool endMask, bool shrink, bool offset, int start, int axisSize)
    {
        if (shrink) return start >= axisSize ? start : start + 1;
        if (offset) end += start;
        if (end < 0) end += axisSize;
        end = stride > 0 ? Clamp(end, 0, axisSize) : Clamp(end, -1, axisSize - 1);
        if (endMask) end = stride > 0 ? axisSize : -1;
        return end;
    }

    /// <summary>Iterations of <c>for (i = start; stride &gt; 0 ? i &lt; end : i &gt; end; i += stride)</c>.</summary>
    public static int LoopCount(int start, int end, int stride)
    {
        long span = stride > 0 ? (long)end - start : (long)start - end;
        long step = stride > 0 ? stride : -(long)stride;
        return span <= 0 ? 0 : checked((int)((span + step - 1) / step));
    }

    /// <summary>
    /// TFLM's reading: begin/end/strides indexed by input dim (they must hold at least rank values), masks
    /// other than begin/end/shrink ignored. Null when the spec is too short for the input rank.
    /// </summary>
    public static Slice? Tflm(int[] inputShape, int[] begin, int[] end, int[] strides, StridedSliceOptions o)
    {
        int rank = inputShape.Length;
        if (begin.Length < rank || end.Length < rank || strides.Length < rank) return null;
        return Resolve(inputShape, begin[..rank], end[..rank], strides[..rank], o.BeginMask, o.EndMask, o.ShrinkAxisMask, false);
    }

    /// <summary>Desktop TFLite's reading (BuildStridedSliceParams with ellipsis and new-axis expansion, offset).</summary>
    public static Slice Full(int[] inputShape, int[] begin, int[] end, int[] strides, StridedSliceOptions o)
    {
        int inputDims = inputShape.Length;
        int beginCount = begin.Length;
        int addedAxes = 0;
        for (int i = 0; i < beginCount; i++)
            if ((o.EllipsisMask & (1 << i)) == 0 && (o.NewAxisMask & (1 << i)) != 0) addedAxes++;
        int dims = inputDims + addedAxes;

        // Which dense dims the ellipsis covers, and which are new axes.
        int ellipsisDense = 0, newAxisDense = 0, ellipsisStart = dims, expanded = 0;
        for (int i = 0; i < dims;)
        {
            if ((o.EllipsisMask & (1 << i)) != 0)
            {
                ellipsisStart = i;
                int ellipsisEnd = Math.Max(i + 1, Math.Min(i + 1 + addedAxes + inputDims - beginCount, dims));
                expanded = ellipsisEnd - ellipsisStart - 1;
                for (; i < ellipsisEnd; i++) ellipsisDense |= 1 << i;
                continue;
            }
            if ((o.NewAxisMask & (1 << (i - expanded))) != 0) newAxisDense |= 1 << i;
            i++;
        }

        var shape = new int[dims];
        var b = new int[dims];
        var e = new int[dims];
        var s = new int[dims];
        int beginMask = 0, endMask = 0, shrinkMask = 0, addedEllipsis = 0, added = 0;
        for (int i = 0; i < dims; i++)
        {
            if ((ellipsisDense & (1 << i)) != 0)
            {
                addedEllipsis = Math.Max(0, i - ellipsisStart);
                beginMask |= 1 << i;
                endMask |= 1 << i;
                s[i] = 1;
                shape[i] = inputShape[i - added];
            }
            else if ((newAxisDense & (1 << i)) != 0)
            {
                b[i] = 0;
                e[i] = 1;
                s[i] = 1;
                shape[i] = 1;
                added++;
            }
            else if (i >= beginCount + expanded)
            {
                s[i] = 1;
                beginMask |= 1 << i;
                endMask |= 1 << i;
                shape[i] = inputShape[i - added];
            }
            else
            {
                int sparse = i - addedEllipsis;
                b[i] = begin[sparse];
                e[i] = end[sparse];
                s[i] = strides[sparse];
                if ((o.BeginMask & (1 << sparse)) != 0) beginMask |= 1 << i;
                if ((o.EndMask & (1 << sparse)) != 0) endMask |= 1 << i;
                if ((o.ShrinkAxisMask & (1 << sparse)) != 0) shrinkMask |= 1 << i;
                shape[i] = inputShape[i - added];
            }
        }
        return Resolve(shape, b, e, s, beginMask, endMask, shrinkMask, o.Offset);
    }

    private static Slice Resolve(int[] shape, int[] begin, int[] end, int[] strides, int beginMask, int endMask, int shrinkMask, bool offset)
    {
        int dims = shape.Length;
        var start = new int[dims];
        var count = new int[dims];
        var outShape = new List<int>();
        for (int d = 0; d < dims; d++)
        {
            if (strides[d] == 0) throw new ArgumentException($"stride of dim {d} is zero");
            bool shrink = (shrinkMask & (1 << d)) != 0;
            start[d] = StartForAxis(begin[d], strides[d], (beginMask & (1 << d)) != 0, shape[d]);
            int stop = EndForAxis(end[d], strides[d], (endMask & (1 << d)) != 0, shrink, offset, start[d], shape[d]);
            count[d] = LoopCount(start[d], stop, strides[d]);
            if (shrink)
            {
                // TFLM (and TFLite) loop from start to start + 1 by the stride: a negative stride, or a begin past
                // the end, selects nothing and the output is left unwritten; such a model is refused.
                if (count[d] != 1 && strides[d] < 0)
                    throw new ArgumentException($"shrunk dim {d} has negative stride {strides[d]}, which selects nothing in TFLM");
                if (count[d] != 1) throw new ArgumentException($"shrunk dim {d}: begin {begin[d]} is outside the dim of size {shape[d]}");
            }
            else
            {
                outShape.Add(count[d]);
            }
        }
        return new Slice(shape, start, count, (int[])strides.Clone(), outShape.ToArray());
    }
}
