using System;

namespace TinyLite.Runtime.Math
{
    /// <summary>
    /// IEEE-754 single-precision bit conversions that allocate nothing (nanoFramework's mscorlib has
    /// BitConverter.ToSingle but no SingleToInt32Bits, and GetBytes allocates). Goes through the double's bit
    /// pattern, which represents every float exactly (NaN payloads, infinities, subnormals and -0 included).
    /// Used where a model's own data is float32 (QUANTIZE, DEQUANTIZE, CAST and the float element-wise kernels).
    /// </summary>
    public static class FloatBits
    {
        /// <summary>The float whose IEEE-754 bit pattern is <paramref name="bits"/>.</summary>
        public static float FromBits(int bits)
        {
            long sign = (long)(bits >> 31 & 1) << 63;
            int exponent = (bits >> 23) & 0xFF;
            long mantissa = bits & 0x7FFFFF;
            if (exponent == 0xFF)
            {
                return (float)BitConverter.Int64BitsToDouble(sign | (0x7FFL << 52) | (mantissa << 29));
            }
            if (exponent == 0)
            {
                // Zero or subnormal: mantissa * 2^-149, exact in double.
                double magnitude = mantissa * 1.4012984643248171e-45;
                return (float)(sign != 0 ? -magnitude : magnitude);
            }
            return (float)BitConverter.Int64BitsToDouble(sign | ((long)(exponent - 127 + 1023) << 52) | (mantissa << 29));
        }

        /// <summary>The IEEE-754 bit pattern of <paramref name="value"/>.</summary>
        public static int ToBits(float value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int sign = (int)(bits >> 32) & unchecked((int)0x80000000);
            int exponent = (int)(bits >> 52) & 0x7FF;
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0x7FF)
            {
                return sign | 0x7F800000 | (int)(mantissa >> 29);
            }
            if (exponent == 0)
            {
                return sign;
            }
            int e = exponent - 1023 + 127;
            if (e >= 1)
            {
                return sign | (e << 23) | (int)(mantissa >> 29);
            }
            // A float subnormal: shift the implicit-one mantissa down to the 2^-149 grid (exact for floats).
            return sign | (int)(((1L << 52) | mantissa) >> (30 - e));
        }

        /// <summary>Writes <paramref name="value"/> little-endian at <paramref name="offset"/>.</summary>
        public static void Write(byte[] buffer, int offset, float value)
        {
            int bits = ToBits(value);
            buffer[offset] = (byte)bits;
            buffer[offset + 1] = (byte)(bits >> 8);
            buffer[offset + 2] = (byte)(bits >> 16);
            buffer[offset + 3] = (byte)(bits >> 24);
        }
    }
}
