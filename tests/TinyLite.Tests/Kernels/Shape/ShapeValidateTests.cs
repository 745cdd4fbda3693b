using TinyLite.Runtime.Kernels.Shape;
using static TinyLite.Tests.Support.KernelRecords;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>
/// Load-time validation of the Shape kernels: a consistent record passes, and every hostile parameter that could
/// make Run index out of bounds is refused.
/// </summary>
public class ShapeValidateTests
{
    [Fact]
    public void Copy_RefusesMoreBytesThanEitherTensorHas()
    {
        var ctx = Context((TensorType.Int8, 10), (TensorType.Int8, 8));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.Copy, [0], [1], KernelParams.Copy(byteCount: 8))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Copy, [0], [1], KernelParams.Copy(byteCount: 9))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Copy, [0], [1], KernelParams.Copy(byteCount: -1))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Copy, [0], [5], KernelParams.Copy(byteCount: 4))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Copy, [0], [1], [.. KernelParams.Copy(byteCount: 4), 4])));
    }

    private static int[] StridedParams(int es, int start, int[] counts, int[] steps) =>
        KernelParams.StridedCopy(elementBytes: es, start: start, counts: counts, steps: steps);

    [Fact]
    public void StridedCopy_RefusesReadsOutsideTheInput()
    {
        // Input 24 int16 elements, output 12.
        var ctx = Context((TensorType.Int16, 48), (TensorType.Int16, 24));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 0, [1, 1, 1, 3, 4], [0, 0, 0, 8, 2]))));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 23, [1, 1, 1, 3, 4], [0, 0, 0, -8, -1]))));
        // From start 0 the last element read is 2*8 + 3*2 = 22; from start 2 it is 24, past the end; from 18 backwards the first is -1.
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 2, [1, 1, 1, 3, 4], [0, 0, 0, 8, 2]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 18, [1, 1, 1, 3, 4], [0, 0, 0, -8, -1]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 0, [1, 1, 1, 4, 4], [0, 0, 0, 4, 1]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(3, 0, [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 0, [1, 1, 1, -1, 4], [0, 0, 0, 0, 1]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.StridedCopy, [0], [1], StridedParams(2, 0, [65536, 65536, 1, 1, 1], [0, 0, 0, 0, 0]))));
    }

    [Fact]
    public void Pad_RefusesInconsistentDims()
    {
        var ctx = Context((TensorType.Int8, 6), (TensorType.Int8, 20));
        int[] ok = KernelParams.Pad(elementBytes: 1, padValue: 0, outputDims: [1, 1, 1, 4, 5], leftPadding: [0, 0, 0, 1, 1],
            inputDims: [1, 1, 1, 2, 3]);
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.Pad, [0, -1], [1], ok)));
        var tooBigOut = (int[])ok.Clone();
        tooBigOut[PadParams.OutputDims + 4] = 6;
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Pad, [0, -1], [1], tooBigOut)));
        var leftTooBig = (int[])ok.Clone();
        leftTooBig[PadParams.LeftPadding + 4] = 3;
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Pad, [0, -1], [1], leftTooBig)));
        var negative = (int[])ok.Clone();
        negative[PadParams.LeftPadding + 3] = -1;
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Pad, [0, -1], [1], negative)));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Pad, [0, 7], [1], ok)));
    }

    private static int[] Concat(int outer, int inputs, int[] chunks) =>
        KernelParams.Concatenation(outerCount: outer, inputCount: inputs, chunkBytes: chunks);

    [Fact]
    public void Concatenation_RefusesChunksBeyondInputsOrOutput()
    {
        var ctx = Context((TensorType.Int8, 6), (TensorType.Int8, 4), (TensorType.Int8, 10));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.Concatenation, [0, 1], [2], Concat(2, 2, [3, 2]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Concatenation, [0, 1], [2], Concat(2, 2, [4, 2]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Concatenation, [0, 1], [2], Concat(3, 2, [2, 2]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Concatenation, [0, 1], [2], Concat(2, 3, [3, 2]))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Concatenation, [0, 1], [2], Concat(2, 2, [-3, 2]))));
    }

    [Fact]
    public void Conversions_RefuseWrongTypesCountsAndShifts()
    {
        var ctx = Context((TensorType.Int16, 20), (TensorType.Int32, 40), (TensorType.Float32, 40), (TensorType.Int8, 10));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.Requantize, [0], [1], Requantize(10, TensorType.Int16, 5))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Requantize, [0], [1], Requantize(11, TensorType.Int16, 5))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Requantize, [0], [1], Requantize(10, TensorType.Int8, 5))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Requantize, [0], [1], Requantize(10, TensorType.Int16, 31))));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.QuantizeFloat, [2], [3], Quantize(TensorType.Int8))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.QuantizeFloat, [2], [3], Quantize(TensorType.Int16))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.QuantizeFloat, [1], [3], Quantize(TensorType.Int8))));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.Dequantize, [3], [2], Dequantize(-128))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Dequantize, [3], [2], Dequantize(40000))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Dequantize, [0], [2], Dequantize(0))));
        Assert.Null(ShapeFamily.Validate(ctx, Op(OpCode.Cast, [0], [1], Cast(TensorType.Int32))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Cast, [0], [1], Cast(TensorType.Bool))));
        Assert.NotNull(ShapeFamily.Validate(ctx, Op(OpCode.Cast, [0], [3], Cast(TensorType.Int32))));

        // Ten elements; int32 output, multiplier 0.5 in Q0.31; scale 0.5 as float bits; int16 input.
        static int[] Requantize(int count, int inputType, int shift) => KernelParams.Requantize(count: count,
            inputType: inputType, outputType: TensorType.Int32, inputZeroPoint: 0, outputZeroPoint: 0, multiplier: 1 << 30,
            shift: shift);
        static int[] Quantize(int outputType) =>
            KernelParams.QuantizeFloat(count: 10, outputType: outputType, outputZeroPoint: 0, outputScaleBits: 0x3F000000);
        static int[] Dequantize(int zeroPoint) => KernelParams.Dequantize(count: 10, inputType: TensorType.Int8,
            inputZeroPoint: zeroPoint, inputScaleBits: 0x3F000000);
        static int[] Cast(int outputType) => KernelParams.Cast(count: 10, inputType: TensorType.Int16, outputType: outputType);
    }

    [Fact]
    public void UnknownShapeCode_IsRefused()
    {
        var ctx = Context((TensorType.Int8, 1));
        // The last code of the Shape family's range, which no kernel uses.
        int unused = (OpCode.Copy / OpCode.FamilyRange + 1) * OpCode.FamilyRange - 1;
        Assert.Contains("unknown kernel code", ShapeFamily.Validate(ctx, Op(unused, [0], [0], [])));
    }
}
