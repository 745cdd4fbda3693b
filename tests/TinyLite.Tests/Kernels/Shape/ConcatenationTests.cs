using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>CONCATENATION against a per-element reference (which input and where along the axis). Bit-exact target: TFLM.</summary>
public class ConcatenationTests
{
    public static IEnumerable<object[]> Cases()
    {
        var types = new[] { DataType.Int8, DataType.Int16, DataType.Int32, DataType.Float32 };
        int[] baseShape = [2, 3, 4, 5];
        foreach (var type in types)
            for (int axis = -4; axis < 4; axis++)
                yield return [type, baseShape, axis, new[] { 1, 3, 2 }];
        yield return [DataType.Int8, new[] { 6 }, 0, new[] { 2, 4 }];
        yield return [DataType.Int32, new[] { 1, 40 }, 1, new[] { 1, 1, 1 }];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Concatenation_MatchesReference(DataType type, int[] baseShape, int axis, int[] axisSizes)
    {
        int rank = baseShape.Length, a = axis < 0 ? axis + rank : axis, size = (int)DataTypes.ByteSize(type, 1);
        var shapes = axisSizes.Select(n => baseShape.Select((d, i) => i == a ? n : d).ToArray()).ToArray();
        var outShape = baseShape.Select((d, i) => i == a ? axisSizes.Sum() : d).ToArray();
        var inputs = shapes.Select((s, i) => RandomBytes(Product(s) * size, 100 + i)).ToArray();

        var b = new GraphBuilder("concat.tflite");
        float? scale = type is DataType.Int8 or DataType.Int16 ? 0.25f : null;
        long zp = type == DataType.Int8 ? -3 : 0;
        var ids = shapes.Select((s, i) => b.AddInput($"x{i}", type, s, scale, zp)).ToArray();
        int y = b.AddTensor("y", type, outShape, scale, zp);
        b.AddOperator(BuiltinOperator.Concatenation, ids, [y], new ConcatenationOptions(axis, Activation.None)).MarkOutput(y);
        var actual = Run(b.Build(), inputs)[0];

        var expected = new byte[Product(outShape) * size];
        for (int o = 0; o < Product(outShape); o++)
        {
            var idx = Unflatten(o, outShape);
            int which = 0;
            while (idx[a] >= axisSizes[which])
            {
                idx[a] -= axisSizes[which];
                which++;
            }
            CopyElement(inputs[which], Flatten(idx, shapes[which]), expected, o, size);
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ConcatenationInt8_DifferentInputScale_IsCompileError()
    {
        var b = new GraphBuilder("concat.tflite");
        int x0 = b.AddInput("x0", DataType.Int8, [2], 0.5f, 0);
        int x1 = b.AddInput("x1", DataType.Int8, [2], 0.25f, 0);
        int y = b.AddTensor("y", DataType.Int8, [4], 0.5f, 0);
        b.AddOperator(BuiltinOperator.Concatenation, [x0, x1], [y], new ConcatenationOptions(0, Activation.None)).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Contains("TFLM does not rescale", e.Message);
    }

    [Fact]
    public void Concatenation_FusedActivation_IsCompileError()
    {
        var b = new GraphBuilder("concat.tflite");
        int x0 = b.AddInput("x0", DataType.Float32, [2]);
        int x1 = b.AddInput("x1", DataType.Float32, [2]);
        int y = b.AddTensor("y", DataType.Float32, [4]);
        b.AddOperator(BuiltinOperator.Concatenation, [x0, x1], [y], new ConcatenationOptions(0, Activation.Relu)).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Contains("fused activation", e.Message);
    }
}
