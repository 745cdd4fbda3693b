using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>TRANSPOSE against a per-element reference: output[i] = input[i permuted back]. Bit-exact target: TFLM's Transpose.</summary>
public class TransposeTests
{
    private static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 1)
        {
            yield return [0];
            yield break;
        }
        foreach (var p in Permutations(n - 1))
            for (int pos = 0; pos < n; pos++)
            {
                var list = p.ToList();
                list.Insert(pos, n - 1);
                yield return list.ToArray();
            }
    }

    public static IEnumerable<object[]> Cases()
    {
        var types = new[] { DataType.Int8, DataType.Int16, DataType.Int32, DataType.Float32 };
        int t = 0;
        foreach (var perm in Permutations(3)) yield return [types[t++ % 4], new[] { 2, 3, 4 }, perm];
        foreach (var perm in Permutations(4)) yield return [types[t++ % 4], new[] { 2, 3, 4, 5 }, perm];
        yield return [DataType.Int8, new[] { 7 }, new[] { 0 }];
        yield return [DataType.Int16, new[] { 1, 6 }, new[] { 1, 0 }];
        yield return [DataType.Float32, new[] { 2, 3, 1, 4, 2 }, new[] { 4, 2, 0, 3, 1 }];
        yield return [DataType.Int8, new[] { 3, 2, 2, 3, 2 }, new[] { 1, 0, 3, 4, 2 }];
        yield return [DataType.Int16, new[] { 2, 2, 3, 2, 3 }, new[] { 0, 1, 2, 3, 4 }];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transpose_MatchesReference(DataType type, int[] shape, int[] perm)
    {
        int size = (int)DataTypes.ByteSize(type, 1);
        var input = RandomBytes(Product(shape) * size, perm.Sum() + shape.Length);
        var outShape = perm.Select(a => shape[a]).ToArray();
        var expected = new byte[input.Length];
        for (int o = 0; o < Product(outShape); o++)
        {
            var outIdx = Unflatten(o, outShape);
            var inIdx = new int[shape.Length];
            for (int k = 0; k < perm.Length; k++) inIdx[perm[k]] = outIdx[k];
            CopyElement(input, Flatten(inIdx, shape), expected, o, size);
        }
        var actual = RunSingle(BuiltinOperator.Transpose, type, shape, input, outShape,
            extraInputs: b => [b.AddConstantInt32("perm", [perm.Length], perm)],
            inScale: type is DataType.Int8 or DataType.Int16 ? 0.5f : null, outScale: type is DataType.Int8 or DataType.Int16 ? 0.5f : null);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Transpose_SixDims_IsCompileError()
    {
        int[] shape = [1, 1, 1, 1, 1, 2];
        var e = Assert.Throws<CompileException>(() => RunSingle(BuiltinOperator.Transpose, DataType.Int8, shape, new byte[2], shape,
            extraInputs: b => [b.AddConstantInt32("perm", [6], [0, 1, 2, 3, 4, 5])], inScale: 1f, outScale: 1f));
        Assert.Contains("rank 6", e.Message);
    }

    [Fact]
    public void Transpose_PermOutOfBounds_IsCompileError()
    {
        var e = Assert.Throws<CompileException>(() => RunSingle(BuiltinOperator.Transpose, DataType.Int8, [2, 3], new byte[6], [3, 2],
            extraInputs: b => [b.AddConstantInt32("perm", [2], [1, 2])], inScale: 1f, outScale: 1f));
        Assert.Contains("out of bounds", e.Message);
    }
}
