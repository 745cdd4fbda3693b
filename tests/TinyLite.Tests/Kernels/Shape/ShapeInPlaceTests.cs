using TinyLite.Runtime.Kernels.Shape;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>
/// Kernels whose lowering allows the output to overlay the input (KernelCall.InPlace) must give the same bytes
/// when input and output share one buffer and offset as when they are apart.
/// </summary>
public class ShapeInPlaceTests
{
    private static byte[] RunApart(OpRecord op, int inType, int outType, byte[] input, int outBytes)
    {
        var output = new byte[outBytes];
        var ctx = new KernelContext([input.ToArray(), output], [0, 0], [input.Length, outBytes], [inType, outType]);
        Assert.Null(ShapeFamily.Validate(ctx, op));
        ShapeFamily.Run(ctx, op);
        return output;
    }

    private static byte[] RunInPlace(OpRecord op, int inType, int outType, byte[] input, int outBytes)
    {
        // Both tensors at offset 3 of one shared buffer.
        var shared = new byte[3 + input.Length];
        input.CopyTo(shared, 3);
        var ctx = new KernelContext([shared, shared], [3, 3], [input.Length, outBytes], [inType, outType]);
        Assert.Null(ShapeFamily.Validate(ctx, op));
        ShapeFamily.Run(ctx, op);
        return shared.AsSpan(3, outBytes).ToArray();
    }

    private static OpRecord Op(int code, int[] parameters) => new() { Code = code, Inputs = [0], Outputs = [1], Params = parameters };

    public static IEnumerable<object[]> Cases() =>
    [
        ["copy", Op(OpCode.Copy, KernelParams.Copy(byteCount: 40)), TensorType.Int8, TensorType.Int8, 40, 40],
        ["requantize int32->int16", Op(OpCode.Requantize, Requantize(10, TensorType.Int32, TensorType.Int16, 3, -2, -12)),
            TensorType.Int32, TensorType.Int16, 40, 20],
        ["requantize int16->int8", Op(OpCode.Requantize, Requantize(20, TensorType.Int16, TensorType.Int8, 0, 5, -7)),
            TensorType.Int16, TensorType.Int8, 40, 20],
        ["requantize int8->int8", Op(OpCode.Requantize, Requantize(40, TensorType.Int8, TensorType.Int8, 1, 5, 0)),
            TensorType.Int8, TensorType.Int8, 40, 40],
        ["quantize float->int8", Op(OpCode.QuantizeFloat, KernelParams.QuantizeFloat(count: 10, outputType: TensorType.Int8,
            outputZeroPoint: -3, outputScaleBits: BitConverter.SingleToInt32Bits(1e-30f))), TensorType.Float32, TensorType.Int8, 40, 10],
        ["cast int32->int16", Op(OpCode.Cast, KernelParams.Cast(count: 10, inputType: TensorType.Int32, outputType: TensorType.Int16)),
            TensorType.Int32, TensorType.Int16, 40, 20],
        ["cast float->int32", Op(OpCode.Cast, KernelParams.Cast(count: 10, inputType: TensorType.Float32, outputType: TensorType.Int32)),
            TensorType.Float32, TensorType.Int32, 40, 40],
    ];

    /// <summary>Requantize Params with the multiplier 1518500250 (about 0.707 in Q0.31).</summary>
    private static int[] Requantize(int count, int inputType, int outputType, int inputZeroPoint, int outputZeroPoint, int shift) =>
        KernelParams.Requantize(count: count, inputType: inputType, outputType: outputType, inputZeroPoint: inputZeroPoint,
            outputZeroPoint: outputZeroPoint, multiplier: 1518500250, shift: shift);

    [Theory]
    [MemberData(nameof(Cases))]
    public void InPlaceRun_EqualsSeparateRun(string name, OpRecord op, int inType, int outType, int inBytes, int outBytes)
    {
        var input = new byte[inBytes];
        new Random(name.Length).NextBytes(input);
        if (inType == TensorType.Float32)
            for (int i = 0; i < inBytes; i += 4) input[i + 3] = (byte)((input[i + 3] & 0x80) | 0x40 | (input[i + 3] & 0x0D)); // |x| in [2, 2^28)
        var apart = RunApart(op, inType, outType, input, outBytes);
        Assert.Equal(apart, RunInPlace(op, inType, outType, input, outBytes));
        Assert.NotEqual(new byte[outBytes], apart);
    }
}
