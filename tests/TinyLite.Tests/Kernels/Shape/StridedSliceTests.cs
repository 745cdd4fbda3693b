using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>
/// STRIDED_SLICE against a reference written with Python/NumPy slicing rules (the semantics TFLite documents):
/// per dim a list of indices, then every combination in row-major order. Bit-exact target: TFLM's kernel.
/// </summary>
public class StridedSliceTests
{
    /// <summary>One slice spec as a converter would write it.</summary>
    public sealed record Spec(int[] Begin, int[] End, int[] Strides, int BeginMask = 0, int EndMask = 0, int ShrinkMask = 0,
        int EllipsisMask = 0, int NewAxisMask = 0, bool Offset = false)
    {
        public override string ToString() =>
            $"b[{string.Join(",", Begin)}] e[{string.Join(",", End)}] s[{string.Join(",", Strides)}] bm{BeginMask} em{EndMask} sm{ShrinkMask} el{EllipsisMask} na{NewAxisMask} off{Offset}";
    }

    /// <summary>Python's slice(start, stop, step).indices(n) then range(...), with None for a masked bound.</summary>
    private static List<int> PythonSlice(int n, int? start, int? stop, int step)
    {
        int Norm(int v, int lo, int hi) { if (v < 0) v += n; return Math.Clamp(v, lo, hi); }
        var list = new List<int>();
        if (step > 0)
        {
            int s = start is int a ? Norm(a, 0, n) : 0, e = stop is int z ? Norm(z, 0, n) : n;
            for (int i = s; i < e; i += step) list.Add(i);
        }
        else
        {
            int s = start is int a ? Norm(a, -1, n - 1) : n - 1, e = stop is int z ? Norm(z, -1, n - 1) : -1;
            for (int i = s; i > e; i += step) list.Add(i);
        }
        return list;
    }

    /// <summary>
    /// Walks the sparse spec: an ellipsis expands to full dims, new_axis adds a size-1 output dim, shrink picks one
    /// index and drops the dim, everything else slices; dims the spec leaves out are taken whole. Returns per input dim
    /// the indices, and the output shape.
    /// </summary>
    private static (List<int>[] Indices, int[] OutShape) Reference(int[] shape, Spec s)
    {
        int consumed = Enumerable.Range(0, s.Begin.Length).Count(i => (s.EllipsisMask >> i & 1) == 0 && (s.NewAxisMask >> i & 1) == 0);
        var indices = new List<int>[shape.Length];
        var outShape = new List<int>();
        int dim = 0;
        for (int i = 0; i < s.Begin.Length; i++)
        {
            if ((s.EllipsisMask >> i & 1) != 0)
            {
                for (int k = 0; k < shape.Length - consumed; k++, dim++)
                {
                    indices[dim] = Enumerable.Range(0, shape[dim]).ToList();
                    outShape.Add(shape[dim]);
                }
            }
            else if ((s.NewAxisMask >> i & 1) != 0)
            {
                outShape.Add(1);
            }
            else if ((s.ShrinkMask >> i & 1) != 0)
            {
                int b = s.Begin[i] < 0 ? s.Begin[i] + shape[dim] : s.Begin[i];
                indices[dim++] = [b];
            }
            else
            {
                int n = shape[dim];
                int? start = (s.BeginMask >> i & 1) != 0 ? null : s.Begin[i];
                int? stop = (s.EndMask >> i & 1) != 0 ? null : s.End[i];
                if (s.Offset) stop = (start ?? 0) + s.End[i];
                indices[dim] = PythonSlice(n, start, stop, s.Strides[i]);
                outShape.Add(indices[dim].Count);
                dim++;
            }
        }
        for (; dim < shape.Length; dim++)
        {
            indices[dim] = Enumerable.Range(0, shape[dim]).ToList();
            outShape.Add(shape[dim]);
        }
        return (indices, outShape.ToArray());
    }

    private static byte[] Gather(byte[] input, int[] shape, List<int>[] indices, int size)
    {
        int total = indices.Aggregate(1, (a, l) => a * l.Count);
        var output = new byte[total * size];
        var counts = indices.Select(l => l.Count).ToArray();
        for (int o = 0; o < total; o++)
        {
            var pos = Unflatten(o, counts);
            var src = pos.Select((p, d) => indices[d][p]).ToArray();
            CopyElement(input, Flatten(src, shape), output, o, size);
        }
        return output;
    }

    private static byte[] RunSlice(DataType type, int[] shape, byte[] input, Spec s, int[] outShape) =>
        RunSingle(BuiltinOperator.StridedSlice, type, shape, input, outShape,
            new StridedSliceOptions(s.BeginMask, s.EndMask, s.EllipsisMask, s.NewAxisMask, s.ShrinkMask, s.Offset),
            b => [b.AddConstantInt32("begin", [s.Begin.Length], s.Begin), b.AddConstantInt32("end", [s.End.Length], s.End),
                  b.AddConstantInt32("strides", [s.Strides.Length], s.Strides)],
            inScale: type == DataType.Int16 || type == DataType.Int8 ? 0.1f : null,
            outScale: type == DataType.Int16 || type == DataType.Int8 ? 0.1f : null);

    public static IEnumerable<object[]> MaskCases()
    {
        var cases = new (int[] Shape, Spec Spec)[]
        {
            ([10], new([2], [8], [1])),
            ([10], new([1], [9], [3])),
            ([10], new([-3], [-1], [1])),
            ([10], new([8], [1], [-2])),
            ([10], new([-1], [-11], [-1])),
            ([10], new([0], [0], [-1], BeginMask: 1, EndMask: 1)),
            ([10], new([100], [-100], [-3])),
            ([10], new([-100], [100], [4])),
            ([10], new([5], [2], [1])),
            ([10], new([4], [0], [1], ShrinkMask: 1)),
            ([10], new([-2], [0], [1], ShrinkMask: 1)),
            ([4, 6], new([1, 0], [3, 0], [1, 1], EndMask: 2)),
            ([4, 6], new([0, 5], [0, 0], [1, -2], BeginMask: 1, EndMask: 3)),
            ([4, 6], new([2, 1], [3, 5], [1, 2], ShrinkMask: 1)),
            ([4, 6], new([-1, -1], [0, 0], [-1, 1], ShrinkMask: 2)),
            ([1, 8, 166, 2], new([0, 0, 3, 0], [1, 8, 166, 2], [1, 1, 1, 1])),
            ([1, 8, 166, 2], new([0, 0, 0, 1], [0, 0, 0, 2], [1, 1, 1, 1], BeginMask: 7, EndMask: 7)),
            ([2, 3, 4, 5], new([1, -1, 3, 4], [0, 0, 0, 0], [-1, -1, -2, -3], BeginMask: 1, EndMask: 15)),
            ([2, 3, 4, 5], new([0, 1, 0, 0], [2, 2, 4, 5], [1, 1, 3, 2], ShrinkMask: 2)),
            ([2, 3, 2, 3, 4], new([0, 0, 1, 0, 1], [2, 3, 2, 3, 4], [1, 2, 1, -1, 2], EndMask: 8)),
            ([3, 1, 4], new([0, 0, 0], [3, 1, 4], [2, 1, -1], BeginMask: 4, EndMask: 4)),
        };
        foreach (var type in new[] { DataType.Int8, DataType.Int16, DataType.Int32, DataType.Float32 })
            foreach (var (shape, spec) in cases)
                yield return [type, shape, spec];
    }

    [Theory]
    [MemberData(nameof(MaskCases))]
    public void StridedSlice_MatchesPythonSlicing(DataType type, int[] shape, Spec spec)
    {
        int size = (int)DataTypes.ByteSize(type, 1);
        var input = RandomBytes(Product(shape) * size, shape.Sum());
        var (indices, outShape) = Reference(shape, spec);
        var actual = RunSlice(type, shape, input, spec, outShape);
        Assert.Equal(Gather(input, shape, indices, size), actual);
    }

    public static IEnumerable<object[]> FullSemanticsCases() =>
    [
        // x[..., 1:3] on [2, 3, 4]
        [new[] { 2, 3, 4 }, new Spec([0, 1], [0, 3], [1, 1], EllipsisMask: 1)],
        // x[1, ...] on [2, 3, 4]
        [new[] { 2, 3, 4 }, new Spec([1, 0], [2, 0], [1, 1], ShrinkMask: 1, EllipsisMask: 2)],
        // x[:, None, 1:3] on [3, 4]
        [new[] { 3, 4 }, new Spec([0, 0, 1], [0, 0, 3], [1, 1, 1], BeginMask: 1, EndMask: 1, NewAxisMask: 2)],
        // x[None, ::-1] on [5]
        [new[] { 5 }, new Spec([0, 0], [0, 0], [1, -1], BeginMask: 2, EndMask: 2, NewAxisMask: 1)],
        // x[..., None] on [2, 3]
        [new[] { 2, 3 }, new Spec([0, 0], [0, 0], [1, 1], EllipsisMask: 1, NewAxisMask: 2)],
        // offset: begin [1, 2], sizes [2, 3] on [4, 6]
        [new[] { 4, 6 }, new Spec([1, 2], [2, 3], [1, 1], Offset: true)],
    ];

    [Theory]
    [MemberData(nameof(FullSemanticsCases))]
    public void StridedSlice_EllipsisNewAxisOffset_MatchReference(int[] shape, Spec spec)
    {
        var input = RandomBytes(Product(shape) * 2, 9);
        var (indices, outShape) = Reference(shape, spec);
        var actual = RunSlice(DataType.Int16, shape, input, spec, outShape);
        Assert.Equal(Gather(input, shape, indices, 2), actual);
    }

    [Fact]
    public void StridedSlice_OutputShapeMismatch_IsCompileError()
    {
        var e = Assert.Throws<CompileException>(() =>
            RunSlice(DataType.Int8, [10], new byte[10], new Spec([2], [8], [1]), [5]));
        Assert.Contains("STRIDED_SLICE", e.Message);
        Assert.Contains("gives [6]", e.Message);
    }

    [Fact]
    public void StridedSlice_ShrinkWithNegativeStride_IsCompileError()
    {
        // TFLM's loop for a shrunk dim runs from start to start + 1 by the stride: with stride -1 it writes nothing.
        var e = Assert.Throws<CompileException>(() =>
            RunSlice(DataType.Int8, [4, 6], new byte[24], new Spec([0, -1], [4, 0], [1, -1], ShrinkMask: 2), [4]));
        Assert.Contains("negative stride", e.Message);
    }

    [Fact]
    public void StridedSlice_ZeroStride_IsCompileError()
    {
        var e = Assert.Throws<CompileException>(() =>
            RunSlice(DataType.Int8, [10], new byte[10], new Spec([2], [8], [0]), [6]));
        Assert.Contains("zero", e.Message);
    }

    [Fact]
    public void StridedSlice_NonConstantBegin_IsCompileError()
    {
        var b = new GraphBuilder("ss.tflite");
        int x = b.AddInput("x", DataType.Int8, [4], 0.1f);
        int begin = b.AddInput("begin", DataType.Int32, [1]);
        int end = b.AddConstantInt32("end", [1], [3]);
        int strides = b.AddConstantInt32("strides", [1], [1]);
        int y = b.AddTensor("y", DataType.Int8, [2], 0.1f);
        b.AddOperator(BuiltinOperator.StridedSlice, [x, begin, end, strides], [y], new StridedSliceOptions(0, 0, 0, 0, 0, false)).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Contains("begin tensor must be constant", e.Message);
    }
}
