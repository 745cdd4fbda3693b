using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// RELU6: int8 and int16 as TFLM's Relu6Prepare (clamp raw values to the input's quantized 0 and 6; the
/// output's parameters are not used), float32 as Relu6Float.
/// </summary>
public sealed class Relu6Lowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = UnaryLowering.Operands(ctx);
        switch (input.Type)
        {
            case DataType.Int8:
            case DataType.Int16:
            {
                var (si, zpi) = PerTensor(ctx, input, "input");
                var (qmin, qmax) = TypeRange(input.Type);
                // TFLM's FloatToQuantizedType: round(6.0f / scale) + zero point, clamped to the type.
                double six = Math.Round((double)(6f / si), MidpointRounding.AwayFromZero) + zpi;
                int sixQ = (int)Math.Clamp(six, qmin, qmax);
                int code = input.Type == DataType.Int8 ? OpCode.Relu6S8 : OpCode.Relu6S16;
                return [UnaryLowering.Call(code, input, output,
                    KernelParams.Relu6(count: UnaryLowering.Count(output), lowerBound: zpi, upperBound: sixQ))];
            }
            case DataType.Float32:
                return [UnaryLowering.Call(OpCode.Relu6F32, input, output,
                    KernelParams.UnaryFloat(count: UnaryLowering.Count(output)))];
            default:
                throw UnaryLowering.Unsupported(ctx, input.Type, "int8, int16, float32");
        }
    }
}
