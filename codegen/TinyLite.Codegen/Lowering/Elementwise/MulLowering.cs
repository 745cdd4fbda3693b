using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// MUL: int8 and int16 (TFLM's CalculateOpDataMul: one multiplier s1*s2/s_out computed in double; int16
/// requires zero points of 0), int32 and float32, with broadcasting and the fused activation.
/// </summary>
public sealed class MulLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (a, b, output) = BinaryLowering.Operands(ctx);
        var activation = (ctx.Op.Options as MulOptions)?.Activation ?? Activation.None;
        switch (output.Type)
        {
            case DataType.Int8:
            case DataType.Int16:
            {
                var (s1, zp1) = PerTensor(ctx, a, "input 1");
                var (s2, zp2) = PerTensor(ctx, b, "input 2");
                var (so, zpo) = PerTensor(ctx, output, "output");
                if (output.Type == DataType.Int16 && (zp1 != 0 || zp2 != 0 || zpo != 0))
                    throw ctx.Error("int16 MUL needs zero points of 0");
                var (actMin, actMax) = ActivationRange(ctx, activation, output.Type, so, zpo);
                var m = Multiplier(ctx, (double)s1 * (double)s2 / (double)so, "output");
                int code = output.Type == DataType.Int8 ? OpCode.MulS8 : OpCode.MulS16;
                return [BinaryLowering.Call(ctx, code, a, b, output, arithmetic: true, broadcast => KernelParams.Mul(
                    input1Offset: -zp1, input2Offset: -zp2, outputOffset: zpo, outputMultiplier: m.Multiplier,
                    outputShift: m.Shift, activationMin: actMin, activationMax: actMax, broadcast: broadcast))];
            }
            case DataType.Int32:
            {
                var (min, max) = Int32ActivationRange(ctx, activation);
                return [BinaryLowering.Call(ctx, OpCode.MulS32, a, b, output, arithmetic: true, BinaryLowering.Clamped(min, max))];
            }
            case DataType.Float32:
            {
                var (min, max) = FloatActivationRange(ctx, activation);
                return [BinaryLowering.Call(ctx, OpCode.MulF32, a, b, output, arithmetic: true, BinaryLowering.Clamped(min, max))];
            }
            default:
                throw ctx.Error($"dtype {DataTypes.Name(output.Type)} is not supported (int8, int16, int32, float32 are)");
        }
    }
}
