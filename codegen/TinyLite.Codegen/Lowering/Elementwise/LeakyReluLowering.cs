using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// LEAKY_RELU: int8 and int16 as TFLM's CalculateOpDataLeakyRelu (identity multiplier s_in/s_out and alpha
/// multiplier s_in*alpha/s_out, both computed in float; a negative alpha is applied as a non-negative
/// multiplier and a negation), float32 as reference_ops::LeakyRelu.
/// </summary>
public sealed class LeakyReluLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = UnaryLowering.Operands(ctx);
        float alpha = ctx.Options<LeakyReluOptions>().Alpha;
        switch (input.Type)
        {
            case DataType.Int8:
            case DataType.Int16:
            {
                var (si, zpi) = PerTensor(ctx, input, "input");
                var (so, zpo) = PerTensor(ctx, output, "output");
                var alphaM = Multiplier(ctx, (float)((float)(si * alpha) / so), "alpha");
                var identity = Multiplier(ctx, (float)(si / so), "identity");
                bool negative = alphaM.Multiplier < 0;
                int magnitude = negative ? unchecked(-alphaM.Multiplier) : alphaM.Multiplier;
                int code = input.Type == DataType.Int8 ? OpCode.LeakyReluS8 : OpCode.LeakyReluS16;
                return [UnaryLowering.Call(code, input, output, KernelParams.LeakyRelu(
                    count: UnaryLowering.Count(output), inputZeroPoint: zpi, outputZeroPoint: zpo,
                    identityMultiplier: identity.Multiplier, identityShift: identity.Shift, alphaMultiplier: magnitude,
                    alphaShift: alphaM.Shift, alphaNegative: negative ? 1 : 0))];
            }
            case DataType.Float32:
                return [UnaryLowering.Call(OpCode.LeakyReluF32, input, output, KernelParams.LeakyReluF32(
                    count: UnaryLowering.Count(output), alphaBits: BitConverter.SingleToInt32Bits(alpha)))];
            default:
                throw UnaryLowering.Unsupported(ctx, input.Type, "int8, int16, float32");
        }
    }
}
