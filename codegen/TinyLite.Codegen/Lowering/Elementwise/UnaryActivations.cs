using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// RELU, RELU6, LEAKY_RELU and HARD_SWISH (see <see cref="UnaryActivationLowering"/>): each operator's float32
/// kernel, quantized dtypes and quantized parameters, computed as TFLM's Prepare does.
/// </summary>
public static class UnaryActivations
{
    private static readonly DataType[] Int8And16 = [DataType.Int8, DataType.Int16];

    /// <summary>Every unary activation by operator.</summary>
    public static IReadOnlyList<(BuiltinOperator Op, UnaryActivationLowering Lowering)> All { get; } =
    [
        (BuiltinOperator.Relu, new(OpCode.ReluF32, Int8And16, Relu)),
        (BuiltinOperator.Relu6, new(OpCode.Relu6F32, Int8And16, Relu6)),
        (BuiltinOperator.LeakyRelu, new(OpCode.LeakyReluF32, Int8And16, LeakyRelu, LeakyReluFloat)),
        (BuiltinOperator.HardSwish, new(OpCode.HardSwishF32, [DataType.Int8], HardSwish)),
    ];

    /// <summary>
    /// RELU int8 and int16 as TFLM's CalculateReluOpData (rescale by s_in/s_out computed in float, clamp at the
    /// output zero point; int16 needs zero points of 0).
    /// </summary>
    private static KernelCall Relu(LoweringContext ctx, Tensor input, Tensor output)
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
        return UnaryLowering.Call(code, input, output, KernelParams.Relu(count: UnaryLowering.Count(output),
            inputZeroPoint: zpi, outputZeroPoint: zpo, multiplier: m.Multiplier, shift: m.Shift,
            clampMin: actMin, clampMax: qmax));
    }

    /// <summary>
    /// RELU6 int8 and int16 as TFLM's Relu6Prepare (clamp raw values to the input's quantized 0 and 6; the output's
    /// parameters are not used).
    /// </summary>
    private static KernelCall Relu6(LoweringContext ctx, Tensor input, Tensor output)
    {
        var (si, zpi) = PerTensor(ctx, input, "input");
        var (qmin, qmax) = TypeRange(input.Type);
        // TFLM's FloatToQuantizedType: round(6.0f / scale) + zero point, clamped to the type.
        double six = Math.Round((double)(6f / si), MidpointRounding.AwayFromZero) + zpi;
        int sixQ = (int)Math.Clamp(six, qmin, qmax);
        int code = input.Type == DataType.Int8 ? OpCode.Relu6S8 : OpCode.Relu6S16;
        return UnaryLowering.Call(code, input, output,
            KernelParams.Relu6(count: UnaryLowering.Count(output), lowerBound: zpi, upperBound: sixQ));
    }

    /// <summary>
    /// LEAKY_RELU int8 and int16 as TFLM's CalculateOpDataLeakyRelu (identity multiplier s_in/s_out and alpha
    /// multiplier s_in*alpha/s_out, both computed in float; a negative alpha is applied as a non-negative multiplier
    /// and a negation).
    /// </summary>
    private static KernelCall LeakyRelu(LoweringContext ctx, Tensor input, Tensor output)
    {
        float alpha = ctx.Options<LeakyReluOptions>().Alpha;
        var (si, zpi) = PerTensor(ctx, input, "input");
        var (so, zpo) = PerTensor(ctx, output, "output");
        var alphaM = Multiplier(ctx, (float)((float)(si * alpha) / so), "alpha");
        var identity = Multiplier(ctx, (float)(si / so), "identity");
        bool negative = alphaM.Multiplier < 0;
        int magnitude = negative ? unchecked(-alphaM.Multiplier) : alphaM.Multiplier;
        int code = input.Type == DataType.Int8 ? OpCode.LeakyReluS8 : OpCode.LeakyReluS16;
        return UnaryLowering.Call(code, input, output, KernelParams.LeakyRelu(
            count: UnaryLowering.Count(output), inputZeroPoint: zpi, outputZeroPoint: zpo,
            identityMultiplier: identity.Multiplier, identityShift: identity.Shift, alphaMultiplier: magnitude,
            alphaShift: alphaM.Shift, alphaNegative: negative ? 1 : 0));
    }

    /// <summary>LEAKY_RELU float32 as reference_ops::LeakyRelu, alpha as float bits.</summary>
    private static int[] LeakyReluFloat(LoweringContext ctx, Tensor output) => KernelParams.LeakyReluF32(
        count: UnaryLowering.Count(output), alphaBits: BitConverter.SingleToInt32Bits(ctx.Options<LeakyReluOptions>().Alpha));

    /// <summary>
    /// HARD_SWISH int8 as TFLM's HardSwishPrepare (the "high-resolution" input scale s_in/128, the relu-ish scale
    /// 3/32768, two multipliers computed in float, quantized to Q0.31 and rounded to Q0.15; the output exponent must
    /// be &lt;= 0).
    /// </summary>
    private static KernelCall HardSwish(LoweringContext ctx, Tensor input, Tensor output)
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
        return UnaryLowering.Call(OpCode.HardSwishS8, input, output, KernelParams.HardSwish(
            count: UnaryLowering.Count(output), inputZeroPoint: zpi, outputZeroPoint: zpo,
            reluishMultiplier: DownScaleToInt16(reluishM.Multiplier), reluishShift: reluishM.Shift,
            outputMultiplier: DownScaleToInt16(outM.Multiplier), outputShift: outM.Shift));
    }
}
