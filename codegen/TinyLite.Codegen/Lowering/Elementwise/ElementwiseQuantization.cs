using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// Quantization helpers of the element-wise lowerings, each reproducing TFLM's Prepare-time arithmetic
/// (float vs double steps included) so the constants match TFLM bit for bit.
/// </summary>
public static class ElementwiseQuantization
{
    /// <summary>The per-tensor scale and zero point of <paramref name="t"/>; a compile error if it has none or is per-channel.</summary>
    public static (float Scale, int ZeroPoint) PerTensor(LoweringContext ctx, Tensor t, string role)
    {
        var q = t.Quantization;
        if (q is null || q.Scales.Length == 0)
            throw ctx.Error($"{role} {t.Describe()} has no quantization parameters");
        if (q.IsPerChannel)
            throw ctx.Error($"{role} {t.Describe()} is quantized per channel; only per-tensor quantization is supported");
        if (!(q.Scale > 0) || float.IsInfinity(q.Scale))
            throw ctx.Error($"{role} {t.Describe()} has scale {q.Scale}");
        return (q.Scale, q.ZeroPoint);
    }

    /// <summary>True when <paramref name="t"/> carries quantization parameters (TFLM's kTfLiteAffineQuantization).</summary>
    public static bool IsQuantized(Tensor t) => t.Quantization is { Scales.Length: > 0 };

    /// <summary>The int range of an int8 or int16 tensor.</summary>
    public static (int Min, int Max) TypeRange(DataType type) => type switch
    {
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.Int16 => (short.MinValue, short.MaxValue),
        _ => throw new ArgumentException($"no quantized range for {type}"),
    };

    /// <summary>
    /// TFLM's CalculateActivationRangeQuantized: the fused activation's bounds quantized with the output's
    /// scale and zero point (<c>zp + (int)roundf(f / scale)</c> in float), intersected with the type's range.
    /// </summary>
    public static (int Min, int Max) ActivationRange(LoweringContext ctx, Activation activation, DataType type, float scale, int zeroPoint)
    {
        var (qmin, qmax) = TypeRange(type);
        int Quantize(float f)
        {
            float q = MathF.Round((float)(f / scale), MidpointRounding.AwayFromZero);
            if (!(q >= int.MinValue && q <= int.MaxValue))
                throw ctx.Error($"activation bound {f} does not fit the output scale {scale}");
            return checked(zeroPoint + (int)q);
        }
        return activation switch
        {
            Activation.None => (qmin, qmax),
            Activation.Relu => (Math.Max(qmin, Quantize(0f)), qmax),
            Activation.Relu6 => (Math.Max(qmin, Quantize(0f)), Math.Min(qmax, Quantize(6f))),
            Activation.ReluN1To1 => (Math.Max(qmin, Quantize(-1f)), Math.Min(qmax, Quantize(1f))),
            _ => throw ctx.Error($"fused activation {activation} is not supported"),
        };
    }

    /// <summary>TFLM's CalculateActivationRange for int32 (unquantized) outputs.</summary>
    public static (int Min, int Max) Int32ActivationRange(LoweringContext ctx, Activation activation) => activation switch
    {
        Activation.None => (int.MinValue, int.MaxValue),
        Activation.Relu => (0, int.MaxValue),
        Activation.Relu6 => (0, 6),
        Activation.ReluN1To1 => (-1, 1),
        _ => throw ctx.Error($"fused activation {activation} is not supported"),
    };

    /// <summary>
    /// TFLM's CalculateActivationRange for float outputs, as IEEE bit patterns; no activation is
    /// [-FLT_MAX, FLT_MAX], so infinities clamp to FLT_MAX exactly as TFLM does.
    /// </summary>
    public static (int MinBits, int MaxBits) FloatActivationRange(LoweringContext ctx, Activation activation)
    {
        var (min, max) = activation switch
        {
            Activation.None => (float.MinValue, float.MaxValue),
            Activation.Relu => (0f, float.MaxValue),
            Activation.Relu6 => (0f, 6f),
            Activation.ReluN1To1 => (-1f, 1f),
            _ => throw ctx.Error($"fused activation {activation} is not supported"),
        };
        return (BitConverter.SingleToInt32Bits(min), BitConverter.SingleToInt32Bits(max));
    }

    /// <summary>TFLM's QuantizeMultiplierSmallerThanOneExp: the multiplier must lie in (0, 1) and keep a shift &lt;= 0.</summary>
    public static QuantizedMultiplier SmallerThanOne(LoweringContext ctx, double real, string what)
    {
        if (!(real > 0 && real < 1))
            throw ctx.Error($"{what} multiplier {real} is outside (0, 1)");
        var m = QuantizedMultiplier.From(real);
        if (m.Shift > 0)
            throw ctx.Error($"{what} multiplier {real} rounds to 1.0");
        return m;
    }

    /// <summary>TFLM's QuantizeMultiplier for a multiplier the int32 MultiplyByQuantizedMultiplier applies (shift in [-31, 30]).</summary>
    public static QuantizedMultiplier Multiplier(LoweringContext ctx, double real, string what)
    {
        if (double.IsNaN(real) || double.IsInfinity(real))
            throw ctx.Error($"{what} multiplier {real} is not finite");
        var m = QuantizedMultiplier.From(real);
        if (m.Shift > 30)
            throw ctx.Error($"{what} multiplier {real} is too large");
        return m;
    }

    /// <summary>TFLM's DownScaleInt32ToInt16Multiplier: a Q0.31 multiplier rounded to Q0.15.</summary>
    public static int DownScaleToInt16(int multiplier)
    {
        const int roundingOffset = 1 << 15;
        if (multiplier >= int.MaxValue - roundingOffset) return short.MaxValue;
        return (multiplier + roundingOffset) >> 16;
    }
}
