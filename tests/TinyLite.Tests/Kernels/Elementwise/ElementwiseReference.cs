namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>
/// A plain, independent reference of TFLM's element-wise arithmetic, written for the tests from TFLM's
/// definitions (reference kernels, *_common.cc Prepare code, gemmlowp): it shares no code with the lowerings
/// or the kernels, and favours obviousness over speed (exact half-away-from-zero rounding on magnitudes,
/// broadcasting by unravelling output coordinates).
/// </summary>
public static class ElementwiseReference
{
    /// <summary>QuantizeMultiplier: real = m * 2^(shift - 31), m in [2^30, 2^31); frexp taken from the IEEE bits.</summary>
    public static (int M, int Shift) QuantizeMultiplier(double real)
    {
        if (real == 0) return (0, 0);
        long bits = BitConverter.DoubleToInt64Bits(real);
        int biased = (int)((bits >> 52) & 0x7FF);
        // Normal doubles only (every multiplier of a sane model): real = 1.f * 2^(biased-1023) = 0.1f * 2^(biased-1022).
        int exponent = biased - 1022;
        double fraction = real / Math.Pow(2, exponent);
        long q = (long)Math.Round(fraction * 2147483648.0, MidpointRounding.AwayFromZero);
        if (q == 2147483648L) { q /= 2; exponent++; }
        if (exponent < -31) return (0, 0);
        return ((int)q, exponent);
    }

    /// <summary>gemmlowp SaturatingRoundingDoublingHighMul for int32.</summary>
    public static int HighMul(int a, int b)
    {
        if (a == int.MinValue && b == int.MinValue) return int.MaxValue;
        long ab = (long)a * b;
        long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int)((ab + nudge) / 2147483648L);
    }

    /// <summary>Division by 2^e rounded to nearest, ties away from zero (gemmlowp RoundingDivideByPOT for int32).</summary>
    public static int RoundShift(long x, int e)
    {
        if (e == 0) return (int)x;
        long magnitude = (Math.Abs(x) + (1L << (e - 1))) >> e;
        return (int)(x < 0 ? -magnitude : magnitude);
    }

    /// <summary>TFLM's double-rounding MultiplyByQuantizedMultiplier (int32).</summary>
    public static int Requantize(int x, int m, int shift) =>
        RoundShift(HighMul(x * (1 << Math.Max(shift, 0)), m), Math.Max(-shift, 0));

    /// <summary>The TFLM clamp bounds of a fused activation for a quantized output (CalculateActivationRangeQuantized).</summary>
    public static (int Min, int Max) ActivationRange(string activation, float scale, int zeroPoint, int qmin, int qmax)
    {
        int Q(float f) => zeroPoint + (int)MathF.Round(f / scale, MidpointRounding.AwayFromZero);
        return activation switch
        {
            "relu" => (Math.Max(qmin, Q(0)), qmax),
            "relu6" => (Math.Max(qmin, Q(0)), Math.Min(qmax, Q(6))),
            "relu_n1_to_1" => (Math.Max(qmin, Q(-1)), Math.Min(qmax, Q(1))),
            _ => (qmin, qmax),
        };
    }

    /// <summary>
    /// Element function of quantized ADD (sign +1) or SUB (sign -1) for int8 (left shift 20) or int16 (15).
    /// ADD computes its multipliers in double, SUB in float, as TFLM's add_common.cc and sub_common.cc do.
    /// </summary>
    public static Func<int, int, int> AddSub(int sign, bool int16, float s1, int zp1, float s2, int zp2, float so, int zpo, int actMin, int actMax)
    {
        int leftShift = int16 ? 15 : 20;
        double r1, r2, ro;
        if (sign > 0)
        {
            double twice = 2.0 * Math.Max(s1, s2);
            r1 = s1 / twice;
            r2 = s2 / twice;
            ro = twice / ((1 << leftShift) * (double)so);
        }
        else
        {
            float twice = 2f * MathF.Max(s1, s2);
            r1 = (float)(s1 / twice);
            r2 = (float)(s2 / twice);
            ro = (float)(twice / (float)((1 << leftShift) * so));
        }
        var (m1, sh1) = QuantizeMultiplier(r1);
        var (m2, sh2) = QuantizeMultiplier(r2);
        var (mo, sho) = QuantizeMultiplier(ro);
        return (x, y) =>
        {
            int a = Requantize((x - zp1) * (1 << leftShift), m1, sh1);
            int b = Requantize((y - zp2) * (1 << leftShift), m2, sh2);
            int raw = Requantize(sign > 0 ? a + b : a - b, mo, sho) + zpo;
            return Math.Clamp(raw, actMin, actMax);
        };
    }

    /// <summary>Element function of quantized MUL (int8, or int16 with zero points 0).</summary>
    public static Func<int, int, int> Mul(float s1, int zp1, float s2, int zp2, float so, int zpo, int actMin, int actMax)
    {
        var (m, shift) = QuantizeMultiplier((double)s1 * s2 / so);
        return (x, y) => Math.Clamp(Requantize((x - zp1) * (y - zp2), m, shift) + zpo, actMin, actMax);
    }

    /// <summary>Numpy broadcasting of two flat arrays into <paramref name="outShape"/>, by unravelling each output index.</summary>
    public static T[] Broadcast<T>(T[] a, int[] aShape, T[] b, int[] bShape, int[] outShape, Func<T, T, T> f)
    {
        long count = outShape.Aggregate(1L, (x, d) => x * d);
        var result = new T[count];
        var coord = new int[outShape.Length];
        for (long i = 0; i < count; i++)
        {
            long rest = i;
            for (int d = outShape.Length - 1; d >= 0; d--)
            {
                coord[d] = (int)(rest % outShape[d]);
                rest /= outShape[d];
            }
            result[i] = f(a[FlatIndex(aShape, coord)], b[FlatIndex(bShape, coord)]);
        }
        return result;
    }

    private static long FlatIndex(int[] shape, int[] outCoord)
    {
        long index = 0;
        int pad = outCoord.Length - shape.Length;
        for (int d = 0; d < shape.Length; d++)
            index = index * shape[d] + (shape[d] == 1 ? 0 : outCoord[d + pad]);
        return index;
    }
}
