using System.Numerics;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// An independent, deliberately plain reference of TFLM's integer convolution kernels for the tests: the loop nests
/// of the TFLM reference kernels written out on unpacked arrays, with its own requantization math
/// (BigInteger floor divisions) and its own multiplier, padding and activation-range computations.
/// </summary>
public static class ConvReference
{
    /// <summary>TFLM's QuantizeMultiplier, written with halving/doubling instead of frexp.</summary>
    public static (int Multiplier, int Shift) QuantizeMultiplier(double real)
    {
        if (real == 0) return (0, 0);
        int exponent = 0;
        double q = real;
        while (q >= 1.0) { q /= 2; exponent++; }
        while (q < 0.5) { q *= 2; exponent--; }
        long fixedQ = (long)System.Math.Round(q * 2147483648.0, MidpointRounding.AwayFromZero);
        if (fixedQ == 1L << 31) { fixedQ /= 2; exponent++; }
        if (exponent < -31) { exponent = 0; fixedQ = 0; }
        return ((int)fixedQ, exponent);
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return r.Sign != 0 && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    /// <summary>
    /// int32 requantization with double rounding: x * 2^left (wrapping to int32), times m / 2^31 rounded half up
    /// (saturating the min*min case), then divided by 2^right rounded half away from zero.
    /// </summary>
    public static int Requantize32(int x, int multiplier, int shift)
    {
        int left = System.Math.Max(shift, 0), right = System.Math.Max(-shift, 0);
        int shifted = unchecked((int)((long)x << left));
        long high;
        if (shifted == int.MinValue && multiplier == int.MinValue) high = int.MaxValue;
        else high = (long)FloorDiv((BigInteger)shifted * multiplier + (BigInteger.One << 30), BigInteger.One << 31);
        if (right == 0) return (int)high;
        long magnitude = (System.Math.Abs(high) + (1L << (right - 1))) >> right;
        return (int)(high < 0 ? -magnitude : magnitude);
    }

    /// <summary>int64 requantization: the multiplier rounded to 16 bits, one rounding shift (floor of x + half).</summary>
    public static int Requantize64(long x, int multiplier, int shift)
    {
        long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1L << 15)) >> 16 : 0x7FFF;
        int total = 15 - shift;
        var r = FloorDiv((BigInteger)x * reduced + (BigInteger.One << (total - 1)), BigInteger.One << total);
        return unchecked((int)(long)r);
    }

    /// <summary>SAME: half the total padding TFLite's windowing needs (rounded down); VALID: 0.</summary>
    public static int PadBefore(Padding padding, int inSize, int filter, int stride, int dilation)
    {
        if (padding == Padding.Valid) return 0;
        int effective = (filter - 1) * dilation + 1;
        int outSize = (inSize + stride - 1) / stride;
        return System.Math.Max(0, (outSize - 1) * stride + effective - inSize) / 2;
    }

    /// <summary>Output size of TFLite's windowing.</summary>
    public static int OutSize(Padding padding, int inSize, int filter, int stride, int dilation)
    {
        int effective = (filter - 1) * dilation + 1;
        return padding == Padding.Same ? (inSize + stride - 1) / stride : (inSize - effective) / stride + 1;
    }

    /// <summary>The quantized clamp of a fused activation.</summary>
    public static (int Min, int Max) Clamp(Activation activation, float scale, int zeroPoint, bool int16)
    {
        int lo = int16 ? short.MinValue : sbyte.MinValue, hi = int16 ? short.MaxValue : sbyte.MaxValue;
        int Q(float v) => zeroPoint + (int)MathF.Round(v / scale, MidpointRounding.AwayFromZero);
        return activation switch
        {
            Activation.Relu => (System.Math.Max(lo, Q(0)), hi),
            Activation.Relu6 => (System.Math.Max(lo, Q(0)), System.Math.Min(hi, Q(6))),
            Activation.ReluN1To1 => (System.Math.Max(lo, Q(-1)), System.Math.Min(hi, Q(1))),
            _ => (lo, hi),
        };
    }

    /// <summary>Geometry and quantization of one test convolution (all three kinds).</summary>
    public sealed class Spec
    {
        public int N = 1, InH, InW, InC, FH, FW, OutH, OutW, OutC;
        public int StrideH = 1, StrideW = 1, DilH = 1, DilW = 1, PadH, PadW;
        /// <summary>Filter depth (CONV_2D, per group) or depth multiplier (DEPTHWISE_CONV_2D).</summary>
        public int FC;
        public int InputZeroPoint, OutputZeroPoint;
        public float InputScale, OutputScale;
        public float[] FilterScales = [];
        public Activation Activation;
        public bool Int16;
        public bool Int32AccumulatorForInt16;

        public (int Min, int Max) Range => Clamp(Activation, OutputScale, OutputZeroPoint, Int16);

        public (int M, int S) Multiplier(int channel) =>
            QuantizeMultiplier((double)InputScale * FilterScales[FilterScales.Length == 1 ? 0 : channel] / OutputScale);

        public int Finish(long acc, long? bias, int channel)
        {
            var (m, s) = Multiplier(channel);
            int v;
            if (!Int16) v = Requantize32(unchecked((int)(acc + (bias ?? 0))), m, s) + OutputZeroPoint;
            else if (Int32AccumulatorForInt16) v = Requantize32(unchecked((int)acc + (int)(bias ?? 0)), m, s);
            else v = Requantize64(acc + (bias ?? 0), m, s);
            var (lo, hi) = Range;
            return System.Math.Min(System.Math.Max(v, lo), hi);
        }
    }

    /// <summary>TFLM ConvPerChannel: input NHWC, filter OHWI (unpacked), output NHWC.</summary>
    public static int[] Conv(Spec s, int[] input, int[] filter, long[]? bias)
    {
        var output = new int[s.N * s.OutH * s.OutW * s.OutC];
        int groups = s.InC / s.FC, perGroup = s.OutC / groups;
        for (int b = 0; b < s.N; b++)
            for (int oy = 0; oy < s.OutH; oy++)
                for (int ox = 0; ox < s.OutW; ox++)
                    for (int oc = 0; oc < s.OutC; oc++)
                    {
                        int g = oc / perGroup;
                        long acc = 0;
                        for (int fy = 0; fy < s.FH; fy++)
                            for (int fx = 0; fx < s.FW; fx++)
                            {
                                int iy = oy * s.StrideH - s.PadH + s.DilH * fy, ix = ox * s.StrideW - s.PadW + s.DilW * fx;
                                if (iy < 0 || iy >= s.InH || ix < 0 || ix >= s.InW) continue;
                                for (int ic = 0; ic < s.FC; ic++)
                                {
                                    long x = input[((b * s.InH + iy) * s.InW + ix) * s.InC + g * s.FC + ic];
                                    long w = filter[((oc * s.FH + fy) * s.FW + fx) * s.FC + ic];
                                    acc += w * (s.Int16 ? x : x - s.InputZeroPoint);
                                }
                            }
                        output[((b * s.OutH + oy) * s.OutW + ox) * s.OutC + oc] = s.Finish(acc, bias?[oc], oc);
                    }
        return output;
    }

    /// <summary>TFLM DepthwiseConvPerChannel: filter [1, FH, FW, OutC] (unpacked), FC = depth multiplier.</summary>
    public static int[] Depthwise(Spec s, int[] input, int[] filter, long[]? bias)
    {
        var output = new int[s.N * s.OutH * s.OutW * s.OutC];
        for (int b = 0; b < s.N; b++)
            for (int oy = 0; oy < s.OutH; oy++)
                for (int ox = 0; ox < s.OutW; ox++)
                    for (int ic = 0; ic < s.InC; ic++)
                        for (int m = 0; m < s.FC; m++)
                        {
                            int oc = ic * s.FC + m;
                            long acc = 0;
                            for (int fy = 0; fy < s.FH; fy++)
                                for (int fx = 0; fx < s.FW; fx++)
                                {
                                    int iy = oy * s.StrideH - s.PadH + s.DilH * fy, ix = ox * s.StrideW - s.PadW + s.DilW * fx;
                                    if (iy < 0 || iy >= s.InH || ix < 0 || ix >= s.InW) continue;
                                    long x = input[((b * s.InH + iy) * s.InW + ix) * s.InC + ic];
                                    long w = filter[(fy * s.FW + fx) * s.OutC + oc];
                                    acc += w * (s.Int16 ? x : x - s.InputZeroPoint);
                                }
                            output[((b * s.OutH + oy) * s.OutW + ox) * s.OutC + oc] = s.Finish(acc, bias?[oc], oc);
                        }
        return output;
    }

    /// <summary>TFLM TransposeConv: scatter every input pixel through the OHWI filter into an accumulator grid.</summary>
    public static int[] TransposeConv(Spec s, int[] input, int[] filter, long[]? bias)
    {
        var acc = new long[s.N * s.OutH * s.OutW * s.OutC];
        for (int b = 0; b < s.N; b++)
            for (int iy = 0; iy < s.InH; iy++)
                for (int ix = 0; ix < s.InW; ix++)
                    for (int ic = 0; ic < s.InC; ic++)
                        for (int fy = 0; fy < s.FH; fy++)
                            for (int fx = 0; fx < s.FW; fx++)
                                for (int oc = 0; oc < s.OutC; oc++)
                                {
                                    int oy = iy * s.StrideH - s.PadH + fy, ox = ix * s.StrideW - s.PadW + fx;
                                    if (oy < 0 || oy >= s.OutH || ox < 0 || ox >= s.OutW) continue;
                                    long x = input[((b * s.InH + iy) * s.InW + ix) * s.InC + ic];
                                    long w = filter[((oc * s.FH + fy) * s.FW + fx) * s.InC + ic];
                                    acc[((b * s.OutH + oy) * s.OutW + ox) * s.OutC + oc] += w * (s.Int16 ? x : x - s.InputZeroPoint);
                                }
        var output = new int[acc.Length];
        for (int i = 0; i < acc.Length; i++) output[i] = s.Finish(acc[i], bias?[i % s.OutC], i % s.OutC);
        return output;
    }
}
