using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// RELU: int8 and int16 as TFLM's CalculateReluOpData (rescale by s_in/s_out computed in float, clamp at the
/// output zero point; int16 needs zero points of 0), float32 as ReluFloat.
/// </summary>
public sealed class ReluLowering : IOperatorLowering
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
                var (so, zpo) = PerTensor(ctx, output, "output");
                if (input.Type == DataType.Int16 && (zpi != 0 || zpo != 0))
                    throw ctx.Error("int16 RELU needs zero points of 0");
                var m = Multiplier(ctx, (float)(si / so), "output");
                var (qmin, qmax) = TypeRange(input.Type);
                // TFLM: max(type min, zp + (int)roundf(0.0f / s_out)); the upper bound is the type's (act_max is +inf).
                int actMin = Math.Max(qmin, zpo + (int)MathF.Round(0f / so, MidpointRounding.AwayFromZero));
                int code = input.Type == DataType.Int8 ? OpCode.ReluS8 : OpCode.ReluS16;
                return [UnaryLowering.Call(code, input, output, KernelParams.Relu(count: UnaryLowering.Count(output),
                    inputZeroPoint: zpi, outputZeroPoint: zpo, multiplier: m.Multiplier, shift: m.Shift,
                    clampMin: actMin, clampMax: qmax))];
            }
            case DataType.Float32:
                return [UnaryLowering.Call(OpCode.ReluF32, input, output,
                    KernelParams.UnaryFloat(count: UnaryLowering.Count(output)))];
            default:
                throw UnaryLowering.Unsupported(ctx, input.Type, "int8, int16, float32");
        }
    }
}
