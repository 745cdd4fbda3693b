using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>PAD/PADV2 against a plain per-element reference (bit-exact target: TFLM reference Pad).</summary>
public class PadTests
{
    /// <summary>Reference: each output element is the input element at (index - left) when inside, else the pad bytes.</summary>
    private static byte[] ReferencePad(byte[] input, int[] inShape, int[] paddings, byte[] padElement)
    {
        int rank = inShape.Length, size = padElement.Length;
        var outShape = Enumerable.Range(0, rank).Select(d => inShape[d] + paddings[2 * d] + paddings[2 * d + 1]).ToArray();
        var output = new byte[Product(outShape) * size];
        for (int o = 0; o < Product(outShape); o++)
        {
            var idx = Unflatten(o, outShape);
            bool inside = true;
            for (int d = 0; d < rank; d++)
            {
                idx[d] -= paddings[2 * d];
                inside &= idx[d] >= 0 && idx[d] < inShape[d];
            }
            if (inside) CopyElement(input, Flatten(idx, inShape), output, o, size);
            else Array.Copy(padElement, 0, output, o * size, size);
        }
        return output;
    }

    private static byte[] RunPad(DataType type, int[] shape, int[] paddings, byte[] input, float? scale = null, long zeroPoint = 0)
    {
        int rank = shape.Length;
        var outShape = Enumerable.Range(0, rank).Select(d => shape[d] + paddings[2 * d] + paddings[2 * d + 1]).ToArray();
        return RunSingle(BuiltinOperator.Pad, type, shape, input, outShape,
            extraInputs: b => [b.AddConstantInt32("paddings", [rank, 2], paddings)],
            inScale: scale, inZeroPoint: zeroPoint, outScale: scale, outZeroPoint: zeroPoint);
    }

    public static IEnumerable<object[]> Cases()
    {
        var shapes = new (int[] Shape, int[] Paddings)[]
        {
            ([7], [2, 3]),
            ([3, 4], [1, 0, 0, 2]),
            ([1, 8, 166, 2], [0, 0, 0, 0, 3, 0, 0, 0]),
            ([2, 3, 4, 5], [1, 1, 2, 0, 0, 3, 1, 2]),
            ([2, 1, 3, 2, 2], [0, 1, 1, 0, 0, 0, 2, 1, 1, 1]),
            ([1, 5, 5, 3], [0, 0, 1, 1, 1, 1, 0, 0]),
        };
        foreach (var type in new[] { DataType.Int16, DataType.Int32, DataType.Float32 })
            foreach (var (shape, pads) in shapes)
                yield return [type, shape, pads];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pad_MatchesReferenceWithZeroPadValue(DataType type, int[] shape, int[] paddings)
    {
        int size = (int)DataTypes.ByteSize(type, 1);
        var input = RandomBytes(Product(shape) * size, 11);
        float? scale = type == DataType.Int16 ? 0.01f : null;
        var actual = RunPad(type, shape, paddings, input, scale);
        Assert.Equal(ReferencePad(input, shape, paddings, new byte[size]), actual);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(17)]
    public void PadInt8_PadsWithOutputZeroPoint(int zeroPoint)
    {
        int[] shape = [1, 3, 3, 2], paddings = [0, 0, 1, 2, 2, 1, 0, 0];
        var input = RandomBytes(18, 3);
        var actual = RunPad(DataType.Int8, shape, paddings, input, 0.5f, zeroPoint);
        Assert.Equal(ReferencePad(input, shape, paddings, [(byte)(sbyte)zeroPoint]), actual);
    }

    [Fact]
    public void PadInt16_PadsWithZeroEvenWithNonZeroZeroPoint()
    {
        // TFLM pads int16 with 0 when there is no constant_values input, whatever the zero point.
        int[] shape = [2, 2], paddings = [1, 0, 0, 1];
        var input = RandomBytes(8, 4);
        var actual = RunPad(DataType.Int16, shape, paddings, input, 0.5f, 7);
        Assert.Equal(ReferencePad(input, shape, paddings, [0, 0]), actual);
    }

    [Fact]
    public void PadV2Float_UsesConstantValue()
    {
        int[] shape = [2, 3], paddings = [1, 1, 0, 2];
        var input = RandomBytes(24, 5);
        var value = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(value, 1.5f);
        var actual = RunSingle(BuiltinOperator.Padv2, DataType.Float32, shape, input, [4, 5],
            extraInputs: b => [b.AddConstantInt32("paddings", [2, 2], paddings), b.Add("value", DataType.Float32, [1], null, value)]);
        Assert.Equal(ReferencePad(input, shape, paddings, value), actual);
    }

    [Fact]
    public void PadV2Int16_ReadsNonConstantValueAtRunTime()
    {
        int[] shape = [3], paddings = [2, 1];
        var b = new GraphBuilder("padv2.tflite");
        int x = b.AddInput("x", DataType.Int16, shape, 0.1f);
        int pads = b.AddConstantInt32("paddings", [1, 2], paddings);
        int v = b.AddInput("v", DataType.Int16, [1], 0.1f);
        int y = b.AddTensor("y", DataType.Int16, [6], 0.1f);
        b.AddOperator(BuiltinOperator.Padv2, [x, pads, v], [y]).MarkOutput(y);
        var input = RandomBytes(6, 6);
        byte[] value = [0x34, 0x12];
        var actual = Run(b.Build(), input, value)[0];
        Assert.Equal(ReferencePad(input, shape, paddings, value), actual);
    }

    [Fact]
    public void PadV2Int8_UsesConstantValueInsteadOfZeroPoint()
    {
        var b = new GraphBuilder("padv2_int8.tflite");
        int x = b.AddInput("x", DataType.Int8, [3], 0.5f, 1);
        int pads = b.AddConstantInt32("paddings", [1, 2], [1, 2]);
        int v = b.Add("v", DataType.Int8, [1], new Quantization([0.5f], [1], 0), [unchecked((byte)-7)]);
        int y = b.AddTensor("y", DataType.Int8, [6], 0.5f, 1);
        b.AddOperator(BuiltinOperator.Padv2, [x, pads, v], [y]).MarkOutput(y);
        byte[] input = [10, 20, 30];
        Assert.Equal(ReferencePad(input, [3], [1, 2], [unchecked((byte)-7)]), Run(b.Build(), input)[0]);
    }

    [Fact]
    public void PadV2Int8_RejectsConstantValueWithOtherQuantization()
    {
        var b = new GraphBuilder("padv2_int8.tflite");
        int x = b.AddInput("x", DataType.Int8, [3], 0.5f, 1);
        int pads = b.AddConstantInt32("paddings", [1, 2], [1, 1]);
        int v = b.Add("v", DataType.Int8, [1], new Quantization([0.25f], [1], 0), [9]);
        int y = b.AddTensor("y", DataType.Int8, [5], 0.5f, 1);
        b.AddOperator(BuiltinOperator.Padv2, [x, pads, v], [y]).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Contains("operator 0 (PADV2", e.Message);
        Assert.Contains("scale and zero point", e.Message);
    }

    [Fact]
    public void PadUint8_IsRejectedNamingTheType()
    {
        var e = Assert.Throws<CompileException>(() => RunSingle(BuiltinOperator.Pad, DataType.UInt8, [2], [1, 2], [4],
            extraInputs: b => [b.AddConstantInt32("paddings", [1, 2], [1, 1])]));
        // The list of supported types is built from ShapeTensors.MovedOperands' arguments: pin its wording.
        Assert.Contains("UINT8 is not supported (int8, int16, int32, float32)", e.Message);
    }
}
