namespace TinyLite.Runtime.Math
{
    /// <summary>
    /// IEEE-754 binary32 encode/decode with float arithmetic only (scaling by powers of two is exact), so that
    /// no allocation (BitConverter.GetBytes) and no double support is needed on the device. Used where a
    /// model's own inputs or outputs are float32 (QUANTIZE, DEQUANTIZE, CAST).
    /// </summary>
    public static class FloatBits
    {
        /// <summary>2^-16, exact.</summary>
        private const float TwoToMinus16 = 1.52587890625E-05f;

        /// <summary>2^-149, the smallest subnormal, exact.</summary>
        private const float TwoToMinus149 = 1.40129846E-45f;

        /// <summary>The float whose IEEE-754 bit pattern is <paramref name="bits"/> (all NaNs decode to NaN).</summary>
        public static float FromBits(int bits)
        {
            int exponent = (bits >> 23) & 0xFF;
            int mantissa = bits & 0x7FFFFF;
            float value;
            if (exponent == 0xFF)
            {
                value = mantissa == 0 ? float.PositiveInfinity : float.NaN;
            }
            else if (exponent == 0)
            {
                // Subnormal: mantissa * 2^-149 (exact, the product is representable).
                value = mantissa * TwoToMinus149;
            }
            else
            {
                // (2^23 + mantissa) * 2^(exponent - 150); every intermediate stays a normal number >= the result.
                value = mantissa | 0x800000;
                int k = exponent - 150;
                while (k >= 16)
                {
                    value *= 65536f;
                    k -= 16;
                }
                while (k > 0)
                {
                    value *= 2f;
                    k--;
                }
                while (k <= -16)
                {
                    value *= TwoToMinus16;
                    k += 16;
                }
                while (k < 0)
                {
                    value *= 0.5f;
                    k++;
                }
            }
            return bits < 0 ? -value : value;
        }

        /// <summary>
        /// The IEEE-754 bit pattern of <paramref name="value"/>. NaN encodes as 0x7FC00000 and negative zero as
        /// +0 (no kernel here produces either from finite integer inputs).
        /// </summary>
        public static int ToBits(float value)
        {
            if (float.IsNaN(value))
            {
                return 0x7FC00000;
            }
            int sign = 0;
            if (value < 0f)
            {
                sign = int.MinValue;
                value = -value;
            }
            if (value == 0f)
            {
                return 0;
            }
            if (value > float.MaxValue)
            {
                return sign | 0x7F800000;
            }
            // Bring value into [1, 2) counting the binary exponent (steps of 16, 4, then 1 bits keep the loops short);
            // multiplying by powers of two is exact.
            int exponent = 0;
            if (value >= 1f)
            {
                while (value >= 65536f)
                {
                    value *= TwoToMinus16;
                    exponent += 16;
                }
                while (value >= 16f)
                {
                    value *= 0.0625f;
                    exponent += 4;
                }
                while (value >= 2f)
                {
                    value *= 0.5f;
                    exponent++;
                }
            }
            else
            {
                while (value < TwoToMinus16)
                {
                    value *= 65536f;
                    exponent -= 16;
                }
                while (value < 0.0625f)
                {
                    value *= 16f;
                    exponent -= 4;
                }
                while (value < 1f)
                {
                    value *= 2f;
                    exponent--;
                }
            }
            int biased = exponent + 127;
            if (biased >= 1)
            {
                // value in [1, 2) has at most 24 significant bits: (value - 1) * 2^23 is an exact integer.
                return sign | (biased << 23) | (int)((value - 1f) * 8388608f);
            }
            // Subnormal: the significand is value * 2^(exponent + 149), an integer below 2^23.
            return sign | (int)(value * (1 << (exponent + 149)));
        }
    }
}
