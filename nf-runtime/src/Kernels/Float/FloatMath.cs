using System;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// expf and tanhf for the float kernels (nanoFramework's mscorlib has no System.Math), written so that each
    /// operation rounds as in the C twin native-kernels/src/portable/float/tl_float_math.c, which reproduces glibc's
    /// libm (what TFLM's reference kernels call through std::exp and std::tanh):
    /// <list type="bullet">
    /// <item><see cref="Exp"/>: glibc's expf algorithm (x * 32 / ln2 split in double into k and r, 2^(k/32) from a
    /// table, 2^(r/32) from a cubic, one rounding to float); bit-exact with glibc's generic expf on all 2^32 floats,
    /// 2 floats differ from its FMA variant that x86-64 CPUs with FMA select (docs/FLOAT.md).</item>
    /// <item><see cref="Tanh"/>: glibc's float tanhf (fdlibm) through fdlibm's float expm1; bit-exact with glibc on all
    /// 2^32 floats.</item>
    /// </list>
    /// </summary>
    public static class FloatMath
    {
        // 2^(i/32) as IEEE-754 double bits minus i << 47 (adding k << 47 restores the entry and adds k/32 to the exponent).
        private static readonly long[] Exp2Table = new long[]
        {
            0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL, 0x3fef9301d0125b51L,
            0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
            0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL,
            0x3feebfdad5362a27L, 0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L,
            0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L, 0x3feea11473eb0187L, 0x3feea589994cce13L,
            0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L, 0x3feed503b23e255dL,
            0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
            0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L,
        };

        private const double ExpC0 = 0.05550361559341535 / 32.0 / 32.0 / 32.0;
        private const double ExpC1 = 0.2402284522445722 / 32.0 / 32.0;
        private const double ExpC2 = 0.6931471806916203 / 32.0;
        private const double InvLn2Times32 = 1.4426950408889634 * 32.0;
        // 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer (ties to even).
        private const double Shift = 6755399441055744.0;

        /// <summary>e^x in float, rounded as glibc's expf.</summary>
        public static float Exp(float x)
        {
            int bits = FloatBits.ToBits(x);
            int absTop = (bits >> 20) & 0x7FF;
            if (absTop >= 0x42B)
            {
                // |x| >= 88, infinities and NaN.
                if (bits == unchecked((int)0xFF800000))
                {
                    return 0.0f;
                }
                if (absTop >= 0x7F8)
                {
                    return x + x;
                }
                if (x > 88.7228317f)
                {
                    return FloatBits.FromBits(0x7F800000);
                }
                if (x < -103.972076f)
                {
                    return 0.0f;
                }
            }
            double z = InvLn2Times32 * x;
            double kd = z + Shift;
            long ki = BitConverter.DoubleToInt64Bits(kd);
            kd -= Shift;
            double r = z - kd;
            long t = Exp2Table[(int)(ki & 31)] + (ki << 47);
            double s = BitConverter.Int64BitsToDouble(t);
            double p = ExpC0 * r + ExpC1;
            double r2 = r * r;
            double y = ExpC2 * r + 1.0;
            y = p * r2 + y;
            y = y * s;
            return (float)y;
        }

        /// <summary>tanh(x) in float, computed as glibc's float tanhf.</summary>
        public static float Tanh(float x)
        {
            int jx = FloatBits.ToBits(x);
            int ix = jx & 0x7FFFFFFF;
            float z;
            if (ix >= 0x7F800000)
            {
                // tanh(+-inf) = +-1, tanh(NaN) = NaN.
                return jx < 0 ? 1.0f / x - 1.0f : 1.0f / x + 1.0f;
            }
            if (ix < 0x41B00000)
            {
                // |x| < 22
                if (ix == 0)
                {
                    return x;
                }
                if (ix < 0x24000000)
                {
                    // |x| < 2^-55: tanh(x) rounds to x.
                    return x * (1.0f + x);
                }
                float magnitude = FloatBits.FromBits(ix);
                if (ix >= 0x3F800000)
                {
                    float t = ExpMinusOne(2.0f * magnitude);
                    z = 1.0f - 2.0f / (t + 2.0f);
                }
                else
                {
                    float t = ExpMinusOne(-2.0f * magnitude);
                    z = -t / (t + 2.0f);
                }
            }
            else
            {
                // |x| >= 22: tanh is +-1 to float precision.
                z = 1.0f - 1.0e-30f;
            }
            return jx < 0 ? -z : z;
        }

        /// <summary>fdlibm's float expm1 as glibc has it, for the arguments <see cref="Tanh"/> passes (|x| &lt; 44).</summary>
        private static float ExpMinusOne(float x)
        {
            const float Ln2Hi = 6.9313812256e-01f;
            const float Ln2Lo = 9.0580006145e-06f;
            const float InvLn2 = 1.4426950216e+00f;
            const float Q1 = -3.3333335072e-02f;
            const float Q2 = 1.5873016091e-03f;
            const float Q3 = -7.9365076090e-05f;
            const float Q4 = 4.0082177293e-06f;
            const float Q5 = -2.0109921195e-07f;
            int hx = FloatBits.ToBits(x);
            bool negative = hx < 0;
            hx &= 0x7FFFFFFF;
            float hi;
            float lo;
            float c = 0.0f;
            float t;
            int k;
            if (hx >= 0x4195B844 && negative)
            {
                // x <= -27 ln 2: expm1 is -1 to float precision.
                return 1.0e-30f - 1.0f;
            }
            if (hx > 0x3EB17218)
            {
                // |x| > ln2 / 2: x = k ln2 + (hi - lo).
                if (hx < 0x3F851592)
                {
                    if (!negative)
                    {
                        hi = x - Ln2Hi;
                        lo = Ln2Lo;
                        k = 1;
                    }
                    else
                    {
                        hi = x + Ln2Hi;
                        lo = -Ln2Lo;
                        k = -1;
                    }
                }
                else
                {
                    float kf = InvLn2 * x;
                    kf = kf + (negative ? -0.5f : 0.5f);
                    k = (int)kf;
                    t = k;
                    float product = t * Ln2Hi;
                    hi = x - product;
                    lo = t * Ln2Lo;
                }
                x = hi - lo;
                c = (hi - x) - lo;
            }
            else if (hx < 0x33000000)
            {
                // |x| < 2^-25: expm1(x) rounds to x.
                return x;
            }
            else
            {
                k = 0;
            }
            float hfx = 0.5f * x;
            float hxs = x * hfx;
            float r1 = 1.0f + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
            t = 3.0f - r1 * hfx;
            float e = hxs * ((r1 - t) / (6.0f - x * t));
            if (k == 0)
            {
                return x - (x * e - hxs);
            }
            e = x * (e - c) - c;
            e -= hxs;
            if (k == -1)
            {
                return 0.5f * (x - e) - 0.5f;
            }
            if (k == 1)
            {
                if (x < -0.25f)
                {
                    return -2.0f * (e - (x + 0.5f));
                }
                return 1.0f + 2.0f * (x - e);
            }
            float y;
            if (k <= -2 || k > 56)
            {
                y = 1.0f - (e - x);
                y = FloatBits.FromBits(FloatBits.ToBits(y) + (k << 23));
                return y - 1.0f;
            }
            if (k < 23)
            {
                t = FloatBits.FromBits(0x3F800000 - (0x1000000 >> k));
                y = t - (e - x);
            }
            else
            {
                t = FloatBits.FromBits((0x7F - k) << 23);
                y = x - (e + t);
                y += 1.0f;
            }
            return FloatBits.FromBits(FloatBits.ToBits(y) + (k << 23));
        }
    }
}
