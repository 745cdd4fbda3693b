namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>
    /// The element-wise pieces of TFLM's integer LSTM step (tflite-micro lstm_eval.cc), shared by <see cref="LstmS8"/>
    /// and <see cref="LstmS16"/>: the int16 sigmoid and tanh of reference_integer_ops (256-entry sigmoid table with
    /// linear interpolation) and int16 saturation.
    /// </summary>
    public static class LstmGateMath
    {
        /// <summary>Clamps to the int16 range (TFLM's gate sums and int16 requantized outputs saturate).</summary>
        public static int Saturate16(int v)
        {
            if (v < -32768)
            {
                return -32768;
            }
            if (v > 32767)
            {
                return 32767;
            }
            return v;
        }

        /// <summary>
        /// Sigmoid of a Q3.12 value to Q0.15, as reference_integer_ops::Logistic with multiplier 0 (scaled by 3, no
        /// shift): |3x| indexes the table in steps of 512 with 9 bits of interpolation; x &lt; 0 gives 1 - sigmoid(|x|).
        /// </summary>
        /// <param name="x">The gate's int16 pre-activation.</param>
        /// <param name="table">The buffer holding the 256 unsigned 16-bit little-endian table entries.</param>
        /// <param name="tableOffset">Byte offset of entry 0.</param>
        public static int Sigmoid(int x, byte[] table, int tableOffset)
        {
            int scaled = x * 3;
            uint magnitude = (uint)(scaled < 0 ? -scaled : scaled);
            uint index = magnitude >> 9;
            uint result;
            if (index >= 255)
            {
                result = 0x7FFFu << 10;
            }
            else
            {
                int t = tableOffset + 2 * (int)index;
                uint lower = (uint)(table[t] | (table[t + 1] << 8));
                uint upper = (uint)(table[t + 2] | (table[t + 3] << 8));
                result = (lower << 9) + (magnitude & 0x1FF) * (upper - lower);
            }
            result = scaled >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
            return (short)(result >> 10);
        }

        /// <summary>
        /// Tanh to Q0.15 as reference_integer_ops::Tanh: the input is rescaled by (x * multiplier + round) &gt;&gt; shift
        /// to steps of 1/(3 * 4096) (multiplier 3 and shift 0 for a Q3.12 gate; the cell state's own scaling for the
        /// hidden update), then tanh(x) = 2 sigmoid(2x) - 1 through the table with 8 bits of interpolation.
        /// </summary>
        public static int Tanh(int x, int multiplier, int shift, byte[] table, int tableOffset)
        {
            int round = shift > 0 ? 1 << (shift - 1) : 0;
            int scaled = (x * multiplier + round) >> shift;
            uint magnitude = (uint)(scaled < 0 ? -scaled : scaled);
            uint index = magnitude >> 8;
            int result;
            if (index >= 255)
            {
                result = 0xFFFF << 8;
            }
            else
            {
                int t = tableOffset + 2 * (int)index;
                uint lower = (uint)(table[t] | (table[t + 1] << 8));
                uint upper = (uint)(table[t + 2] | (table[t + 3] << 8));
                result = (int)((lower << 8) + (magnitude & 0xFF) * (upper - lower));
            }
            result = scaled >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
            return (short)(result >> 8);
        }
    }
}
