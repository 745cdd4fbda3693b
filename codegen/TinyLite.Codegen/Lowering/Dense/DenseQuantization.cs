using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// Prepare-time arithmetic shared by the Dense lowerings, written to give the very numbers TFLM's kernels
/// compute in Prepare (same float/double operation order).
/// </summary>
public static class DenseQuantization
{
    /// <summary>The quantization of <paramref name="t"/>, or a clear error when the tensor has none.</summary>
    public static Quantization Quant(LoweringContext ctx, Tensor t, string role)
    {
        var q = t.Quantization;
        if (q == null || q.Scales.Length == 0)
        {
            throw ctx.Error($"{role} tensor {t.Index} ({t.Describe()}) has no quantization parameters");
        }
        return q;
    }

    /// <summary>Smallest and largest value of an int8 or int16 tensor.</summary>
    public static (int Min, int Max) TypeRange(LoweringContext ctx, DataType type) => type switch
    {
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.Int16 => (short.MinValue, short.MaxValue),
        _ => throw ctx.Error($"no quantized range for {DataTypes.Name(type)}"),
    };

    /// <summary>
    /// TFLM's CalculateActivationRangeQuantized: the clamp bounds of a fused activation in the output's
    /// quantized domain (Relu, Relu6, ReluN1To1; any other activation leaves the type's full range, as TFLM does).
    /// </summary>
    public static (int Min, int Max) ActivationRange(LoweringContext ctx, Activation activation, Tensor output)
    {
        var (qmin, qmax) = TypeRange(ctx, output.Type);
        var q = Quant(ctx, output, "output");
        float scale = q.Scale;
        int zeroPoint = q.ZeroPoint;
        int Quantize(float f)
        {
            // TfLiteRound on a float quotient: round half away from zero, in single precision.
            float tmp = MathF.Round(f / scale, MidpointRounding.AwayFromZero);
            if (!(tmp >= int.MinValue && tmp <= int.MaxValue))
            {
                throw ctx.Error($"activation bound {f} does not fit the output scale {scale}");
            }
            return zeroPoint + (int)tmp;
        }
        return activation switch
        {
            Activation.Relu => (Math.Max(qmin, Quantize(0f)), qmax),
            Activation.Relu6 => (Math.Max(qmin, Quantize(0f)), Math.Min(qmax, Quantize(6f))),
            Activation.ReluN1To1 => (Math.Max(qmin, Quantize(-1f)), Math.Min(qmax, Quantize(1f))),
            _ => (qmin, qmax),
        };
    }

    /// <summary>(multiplier, shift) pairs as an int32 vector [count * 2], the layout the Dense kernels read.</summary>
    public static int[] Pairs(IReadOnlyList<QuantizedMultiplier> multipliers)
    {
        var values = new int[multipliers.Count * 2];
        for (int i = 0; i < multipliers.Count; i++)
        {
            values[2 * i] = multipliers[i].Multiplier;
            values[2 * i + 1] = multipliers[i].Shift;
        }
        return values;
    }

    /// <summary>TFLM's CalculateInputRadius: floor of the largest input magnitude that the rescaling maps inside the fixed-point range.</summary>
    public static int InputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits)
    {
        double maxInputRescaled = 1.0 * ((1 << inputIntegerBits) - 1) * (1L << (totalSignedBits - inputIntegerBits))
            / (1L << inputLeftShift);
        return (int)Math.Floor(maxInputRescaled);
    }
}
