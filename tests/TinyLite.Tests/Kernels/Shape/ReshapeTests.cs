using TinyLite.Codegen.Lowering.Shape;
using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>RESHAPE, SQUEEZE, EXPAND_DIMS: the bytes are unchanged; the shapes are checked on the host.</summary>
public class ReshapeTests
{
    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 6, -1 }, new[] { 6, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { -1 }, new[] { 24 })]
    [InlineData(new[] { 1, 5 }, new[] { 5, 1, 1 }, new[] { 5, 1, 1 })]
    public void Reshape_WithShapeTensor_CopiesBytes(int[] inShape, int[] requested, int[] outShape)
    {
        var input = RandomBytes(Product(inShape) * 2, 1);
        var actual = RunSingle(BuiltinOperator.Reshape, DataType.Int16, inShape, input, outShape,
            extraInputs: b => [b.AddConstantInt32("shape", [requested.Length], requested)], inScale: 0.5f, outScale: 0.5f);
        Assert.Equal(input, actual);
    }

    [Fact]
    public void Reshape_WithNewShapeOption_CopiesBytes()
    {
        var input = RandomBytes(12, 2);
        var actual = RunSingle(BuiltinOperator.Reshape, DataType.Int8, [3, 4], input, [2, 6], new ReshapeOptions([2, -1]), inScale: 1f, outScale: 1f);
        Assert.Equal(input, actual);
    }

    [Fact]
    public void Reshape_ShapeTensorDisagreeingWithOutput_IsCompileError()
    {
        var e = Assert.Throws<CompileException>(() => RunSingle(BuiltinOperator.Reshape, DataType.Int8, [3, 4], new byte[12], [2, 6],
            extraInputs: b => [b.AddConstantInt32("shape", [2], [4, -1])], inScale: 1f, outScale: 1f));
        Assert.Contains("resolves to [4, 3]", e.Message);
    }

    [Theory]
    [InlineData(new[] { 2, 3 }, 6L, new[] { 2, 3 })]
    [InlineData(new[] { -1, 3 }, 12L, new[] { 4, 3 })]
    [InlineData(new[] { -1, 0 }, 0L, null)]
    [InlineData(new[] { -1, -1 }, 4L, null)]
    [InlineData(new[] { -1, 5 }, 12L, null)]
    [InlineData(new[] { 2, 2 }, 5L, null)]
    public void ResolveShape_StretchesOneMinusOne(int[] requested, long elements, int[]? expected)
    {
        Assert.Equal(expected, ReshapeLowering.ResolveShape(requested, elements));
    }

    [Fact]
    public void Squeeze_CopiesBytesAndChecksDims()
    {
        var input = RandomBytes(6 * 4, 3);
        var actual = RunSingle(BuiltinOperator.Squeeze, DataType.Float32, [1, 6, 1], input, [6], new SqueezeOptions([0, -1]));
        Assert.Equal(input, actual);
        var e = Assert.Throws<CompileException>(() => RunSingle(BuiltinOperator.Squeeze, DataType.Float32, [1, 6, 1], input, [1, 6], new SqueezeOptions([1])));
        Assert.Contains("squeeze dim 1", e.Message);
    }

    [Fact]
    public void ExpandDims_CopiesBytes()
    {
        var input = RandomBytes(8, 4);
        var actual = RunSingle(BuiltinOperator.ExpandDims, DataType.Int32, [2], input, [1, 2],
            extraInputs: b => [b.AddConstantInt32("axis", [1], [0])]);
        Assert.Equal(input, actual);
    }
}
