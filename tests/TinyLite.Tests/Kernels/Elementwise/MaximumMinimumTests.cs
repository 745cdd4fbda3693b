using static TinyLite.Tests.Kernels.Elementwise.ElementwiseHarness;
using static TinyLite.Tests.Kernels.Elementwise.ElementwiseReference;

namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>MAXIMUM and MINIMUM: raw comparisons with broadcasting, every dtype.</summary>
public class MaximumMinimumTests
{
    [Theory]
    [InlineData(true, DataType.Int8)]
    [InlineData(false, DataType.Int8)]
    [InlineData(true, DataType.Int16)]
    [InlineData(false, DataType.Int16)]
    [InlineData(true, DataType.Int32)]
    [InlineData(false, DataType.Int32)]
    public void MaximumMinimum_IntegerBroadcast_MatchesComparison(bool maximum, DataType type)
    {
        var op = maximum ? BuiltinOperator.Maximum : BuiltinOperator.Minimum;
        var (min, max) = type switch
        {
            DataType.Int8 => (-128, 127),
            DataType.Int16 => (-32768, 32767),
            _ => (int.MinValue, int.MaxValue - 1),
        };
        var a = ElementwiseHarness.Random(41, 2 * 3 * 4, min, max);
        var b = ElementwiseHarness.Random(42, 3 * 1, min, max);
        int[] aShape = [2, 3, 4], bShape = [3, 1], oShape = [2, 3, 4];
        var expected = Broadcast(a, aShape, b, bShape, oShape, (x, y) => maximum ? Math.Max(x, y) : Math.Min(x, y));
        // Quantization parameters, even mismatched ones, do not change the raw comparison (as in TFLM).
        (float, long)? q = type == DataType.Int32 ? null : (0.1f, 3);
        (float, long)? qo = type == DataType.Int32 ? null : (0.7f, -2);
        var graph = Binary(op, type, aShape, bShape, oShape, q, q, qo);
        int[] actual = type switch
        {
            DataType.Int8 => Int8Values(Run(graph, Int8Bytes(a), Int8Bytes(b))),
            DataType.Int16 => Int16Values(Run(graph, Int16Bytes(a), Int16Bytes(b))),
            _ => Int32Values(Run(graph, Int32Bytes(a), Int32Bytes(b))),
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void MaximumMinimumF32_NaN_FollowsTflmOperandOrder()
    {
        // TFLM: max = a > b ? a : b, min = a < b ? a : b; a comparison with NaN is false, so the second operand wins.
        float[] a = [float.NaN, 1f, -2f, 0f, float.NegativeInfinity];
        float[] b = [1f, float.NaN, 3f, -0f, -1e30f];
        var max = Binary(BuiltinOperator.Maximum, DataType.Float32, [5], [5], [5]);
        var min = Binary(BuiltinOperator.Minimum, DataType.Float32, [5], [5], [5]);
        var maxOut = FloatValues(Run(max, FloatBytes(a), FloatBytes(b)));
        var minOut = FloatValues(Run(min, FloatBytes(a), FloatBytes(b)));
        Assert.Equal(a.Zip(b, (x, y) => x > y ? x : y).Select(BitConverter.SingleToInt32Bits), maxOut.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(a.Zip(b, (x, y) => x < y ? x : y).Select(BitConverter.SingleToInt32Bits), minOut.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(1f, maxOut[0]);
        Assert.True(float.IsNaN(maxOut[1]));
    }
}
