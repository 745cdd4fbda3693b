using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// The fixed-point transcendental functions TFLM's integer softmax, logistic and tanh use (gemmlowp's
    /// exp, 1/(1+x), logistic and tanh on 32-bit raw values), reproduced operation by operation so that every
    /// rounding matches. A value "Qm" has m integer bits and 31-m fractional bits in an int32.
    /// The host compiler calls these to build lookup tables; the softmax kernel calls
    /// <see cref="OneOverOnePlusX"/> once per row.
    /// </summary>
    public static class FixedPointFunctions
    {
        /// <summary>Q0 raw value closest to 1 (int.MaxValue).</summary>
        public const int OneQ0 = int.MaxValue;

        /// <summary>
        /// x * 2^exponent with saturation for exponent &gt; 0 (to int.MinValue/MaxValue) and round-to-nearest
        /// for exponent &lt; 0, as gemmlowp's SaturatingRoundingMultiplyByPOT.
        /// </summary>
        public static int SaturatingRoundingMultiplyByPot(int x, int exponent)
        {
            if (exponent == 0)
            {
                return x;
            }
            if (exponent < 0)
            {
                return FixedPoint.RoundingDivideByPot(x, -exponent);
            }
            int threshold = (1 << (31 - exponent)) - 1;
            if (x > threshold)
            {
                return int.MaxValue;
            }
            if (x < -threshold)
            {
                return int.MinValue;
            }
            return x * (1 << exponent);
        }

        /// <summary>Moves a raw value from Q<paramref name="srcIntegerBits"/> to Q<paramref name="dstIntegerBits"/> (gemmlowp Rescale).</summary>
        public static int Rescale(int x, int srcIntegerBits, int dstIntegerBits)
        {
            return SaturatingRoundingMultiplyByPot(x, srcIntegerBits - dstIntegerBits);
        }

        /// <summary>(a + b) / 2 rounded half away from zero, computed in 64 bits (gemmlowp RoundingHalfSum).</summary>
        public static int RoundingHalfSum(int a, int b)
        {
            long sum = (long)a + b;
            long sign = sum >= 0 ? 1 : -1;
            return (int)((sum + sign) / 2);
        }

        /// <summary>exp(a) for a Q0 value a in [-1/4, 0), by a 4th-order Taylor expansion around -1/8; result Q0.</summary>
        public static int ExpOnIntervalNegativeQuarterTo0(int a)
        {
            // exp(-1/8) and 1/3 in Q0.
            const int constantTerm = 1895147668;
            const int oneThird = 715827883;
            // Shift to x = a + 1/8 (1/8 in Q0 is 1 << 28), the expansion point.
            int x = a + (1 << 28);
            int x2 = FixedPoint.SaturatingRoundingDoublingHighMul(x, x);
            int x3 = FixedPoint.SaturatingRoundingDoublingHighMul(x2, x);
            int x4 = FixedPoint.SaturatingRoundingDoublingHighMul(x2, x2);
            int x4Over4 = FixedPoint.RoundingDivideByPot(x4, 2);
            int poly = FixedPoint.RoundingDivideByPot(
                FixedPoint.SaturatingRoundingDoublingHighMul(x4Over4 + x3, oneThird) + x2, 1);
            return constantTerm + FixedPoint.SaturatingRoundingDoublingHighMul(constantTerm, x + poly);
        }

        /// <summary>
        /// exp(a) for a &lt;= 0 given in Q<paramref name="integerBits"/>; result Q0. Splits a into a multiple of
        /// 1/4 and a remainder in [-1/4, 0): the remainder goes through the polynomial, each set bit of the
        /// multiple multiplies by the constant exp(-2^k).
        /// </summary>
        public static int ExpOnNegativeValues(int a, int integerBits)
        {
            int fractionalBits = 31 - integerBits;
            int oneQuarter = 1 << (fractionalBits - 2);
            int mask = oneQuarter - 1;
            int aModQuarterMinusQuarter = (a & mask) - oneQuarter;
            int result = ExpOnIntervalNegativeQuarterTo0(Rescale(aModQuarterMinusQuarter, integerBits, 0));
            int remainder = aModQuarterMinusQuarter - a;
            // exp(-1/4), exp(-1/2), exp(-1), exp(-2), exp(-4), exp(-8), exp(-16) in Q0, for exponents -2 .. 4.
            if (integerBits > -2 && (remainder & (1 << (fractionalBits - 2))) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 1672461947);
            }
            if (integerBits > -1 && (remainder & (1 << (fractionalBits - 1))) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 1302514674);
            }
            if (integerBits > 0 && (remainder & (1 << fractionalBits)) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 790015084);
            }
            if (integerBits > 1 && (remainder & (1 << (fractionalBits + 1))) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 290630308);
            }
            if (integerBits > 2 && (remainder & (1 << (fractionalBits + 2))) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 39332535);
            }
            if (integerBits > 3 && (remainder & (1 << (fractionalBits + 3))) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 720401);
            }
            if (integerBits > 4 && (remainder & (1 << (fractionalBits + 4))) != 0)
            {
                result = FixedPoint.SaturatingRoundingDoublingHighMul(result, 242);
            }
            if (integerBits > 5)
            {
                // Below -32 the result is 0.
                int clamp = -(1 << (36 - integerBits));
                if (a < clamp)
                {
                    result = 0;
                }
            }
            if (a == 0)
            {
                result = OneQ0;
            }
            return result;
        }

        /// <summary>
        /// Three Newton-Raphson steps towards 1/halfDenominator in Q2, starting from 48/17 - 32/17 * d
        /// (shared by <see cref="OneOverOnePlusX"/> and <see cref="OneMinusXOverOnePlusX"/>).
        /// </summary>
        private static int NewtonReciprocalQ2(int halfDenominator)
        {
            // 48/17 and -32/17 in Q2; 1.0 in Q2 is 1 << 29.
            int x = 1515870810 + FixedPoint.SaturatingRoundingDoublingHighMul(halfDenominator, -1010580540);
            for (int i = 0; i < 3; i++)
            {
                int halfDenominatorTimesX = FixedPoint.SaturatingRoundingDoublingHighMul(halfDenominator, x);
                int oneMinus = (1 << 29) - halfDenominatorTimesX;
                // Q2 * Q2 = Q4, back to Q2.
                x = x + SaturatingRoundingMultiplyByPot(FixedPoint.SaturatingRoundingDoublingHighMul(x, oneMinus), 2);
            }
            return x;
        }

        /// <summary>1 / (1 + a) for a Q0 value a in [0, 1); result Q0.</summary>
        public static int OneOverOnePlusX(int a)
        {
            int halfDenominator = RoundingHalfSum(a, OneQ0);
            int x = NewtonReciprocalQ2(halfDenominator);
            // x is 1/halfDenominator = 2/(1+a) in Q2; halve it (reinterpret as Q1) and bring it to Q0.
            return SaturatingRoundingMultiplyByPot(x, 1);
        }

        /// <summary>(1 - a) / (1 + a) for a Q0 value a in [0, 1); result Q0.</summary>
        public static int OneMinusXOverOnePlusX(int a)
        {
            int halfDenominator = RoundingHalfSum(a, OneQ0);
            int x = NewtonReciprocalQ2(halfDenominator);
            return SaturatingRoundingMultiplyByPot(x - (1 << 29), 2);
        }

        /// <summary>logistic(a) = 1/(1+exp(-a)) for a in Q<paramref name="integerBits"/>; result Q0.</summary>
        public static int Logistic(int a, int integerBits)
        {
            if (a == 0)
            {
                return 1 << 30;
            }
            int absInput = a > 0 ? a : -a;
            int positive = OneOverOnePlusX(ExpOnNegativeValues(-absInput, integerBits));
            return a > 0 ? positive : OneQ0 - positive;
        }

        /// <summary>tanh(a) for a in Q<paramref name="integerBits"/>; result Q0.</summary>
        public static int Tanh(int a, int integerBits)
        {
            if (a == 0)
            {
                return 0;
            }
            int negative = a < 0 ? a : -a;
            // exp(2n) in Q0: the raw value of n read as Q(integerBits + 1) is 2n.
            int t = OneMinusXOverOnePlusX(ExpOnNegativeValues(negative, integerBits + 1));
            return a < 0 ? -t : t;
        }

        /// <summary>Leading zero bits of <paramref name="x"/> read as unsigned (32 for 0).</summary>
        public static int CountLeadingZeros(uint x)
        {
            if (x == 0)
            {
                return 32;
            }
            int n = 0;
            while ((x & 0x80000000u) == 0)
            {
                x <<= 1;
                n++;
            }
            return n;
        }
    }
}
