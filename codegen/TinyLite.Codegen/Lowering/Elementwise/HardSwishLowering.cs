using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// HARD_SWISH: int8 as TFLM's HardSwishPrepare (the "high-resolution" input scale s_in/128, the relu-ish
/// scale 3/32768, two multipliers computed in float, quantized to Q0.31 and rounded to Q0.15; the output
/// exponent must be &lt;= 0), float32 as the float reference.
/// </summary>
public sealed class HardSwishLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = UnaryLowering.Operands(ctx);
        switch (input.Type)
        {
            case DataType.Int8:
            {
                var (si, zpi) = PerTensor(ctx, input, "input");
                var (so, zpo) = PerTensor(ctx, output, "output");
                float hiresInputScale = (float)((1.0f / 128.0f) * si);
                const float reluishScale = 3.0f / 32768.0f;
                var outM = QuantizedMultiplier.From((float)(hiresInputScale / so));
                if (outM.Shift > 0)
                    throw ctx.Error($"output scale {so} is too small for the input scale {si} (TFLM needs an output exponent <= 0)");
                var reluishM = QuantizedMultiplier.From((float)(hiresInputScale / reluishScale));
                if (reluishM.Shift > 31)
                    throw ctx.Error($"input scale {si} is too large");
                return [UnaryLowering.Call(OpCode.HardSwishS8, input, output, KernelParams.HardSwish(
                    count: UnaryLowering.Count(output), inputZeroPoint: zpi, outputZeroPoint: zpo,
                    reluishMultiplier: DownScaleToInt16(reluishM.Multiplier), reluishShift: reluishM.Shift,
                    outputMultiplier: DownScaleToInt16(outM.Multiplier), outputShift: outM.Shift))];
            }
            case DataType.Float32:
                return [UnaryLowering.Call(OpCode.HardSwishF32, input, output,
                    KernelParams.UnaryFloat(count: UnaryLowering.Count(output)))];
            default:
                throw UnaryLowering.Unsupported(ctx, input.Type, "int8, float32");
        }
    }
}
