namespace TinyLite.Runtime.Math
{
    /// <summary>
    /// Integer requantization primitives with TensorFlow Lite Micro's exact rounding
    /// (gemmlowp-style doubling high multiply and round-half-away-from-zero power-of-two division).
    /// </summary>
    public static class FixedPoint
    {
        /// <summary>High 32 bits of 2*a*b, rounded to nearest; saturates the one overflow case (min*min).</summary>
        public static int SaturatingRoundingDoublingHighMul(int a, int b)
        {
            if (a == b && a == int.MinValue)
            {
                return int.MaxValue;
            }
            long ab = (long)a * b;
            long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
            // C's division truncates toward zero; so does C#'s.
            return (int)((ab + nudge) / (1L << 31));
        }

        /// <summary>x / 2^exponent rounded to nearest, ties away from zero (exponent in [0, 31]).</summary>
        public static int RoundingDivideByPot(int x, int exponent)
        {
            int mask = (int)((1L << exponent) - 1);
            int remainder = x & mask;
            int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
            return (x >> exponent) + (remainder > threshold ? 1 : 0);
        }

        /// <summary>
        /// x * multiplier * 2^shift where multiplier is Q0.31: TFLM's MultiplyByQuantizedMultiplier for int32
        /// (double rounding: left shift first, then doubling high multiply, then rounding right shift).
        /// </summary>
        public static int MultiplyByQuantizedMultiplier(int x, int multiplier, int shift)
        {
            int leftShift = shift > 0 ? shift : 0;
            int rightShift = shift > 0 ? 0 : -shift;
            // The left shift wraps like the C code's int32 multiply.
            return RoundingDivideByPot(SaturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
        }

        /// <summary>
        /// TFLM's int64 overload of MultiplyByQuantizedMultiplier, used by the int16x8 kernels: the multiplier
        /// is reduced to 16 bits and one rounding shift is applied.
        /// </summary>
        public static int MultiplyByQuantizedMultiplier(long x, int multiplier, int shift)
        {
            int reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
            int totalShift = 15 - shift;
            long round = 1L << (totalShift - 1);
            long result = (x * reduced + round) >> totalShift;
            return (int)result;
        }

        /// <summary>TFLM's MultiplyByQuantizedMultiplierSmallerThanOneExp (leftShift &lt;= 0).</summary>
        public static int MultiplyByQuantizedMultiplierSmallerThanOneExp(int x, int multiplier, int leftShift)
        {
            return RoundingDivideByPot(SaturatingRoundingDoublingHighMul(x, multiplier), -leftShift);
        }

        /// <summary>TFLM's MultiplyByQuantizedMultiplierGreaterThanOne (leftShift &gt;= 0).</summary>
        public static int MultiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift)
        {
            return SaturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier);
        }
    }
}
