using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// The row loop of <see cref="SoftmaxS8"/> and <see cref="SoftmaxS8S16"/>, which differ only in the output type:
    /// TFLM's reference quantized softmax (exp of each difference to the row maximum from the compiler's table, Q12
    /// sum, reciprocal through 1/(1+x), rounding shift to the output's bits, offset by its lowest value).
    /// </summary>
    public static class SoftmaxS8Rows
    {
        /// <summary>Normalizes each row of the input.</summary>
        /// <param name="ctx">The tensors.</param>
        /// <param name="op">The softmax record.</param>
        /// <param name="outputBytes">1 for int8 outputs (<see cref="SoftmaxS8"/>), 2 for int16 (<see cref="SoftmaxS8S16"/>).</param>
        public static void Run(KernelContext ctx, OpRecord op, int outputBytes)
        {
            int outer = op.Params[SoftmaxS8Params.Rows];
            int depth = op.Params[SoftmaxS8Params.Depth];
            byte[] input = ctx.Buffer(op.Inputs[SoftmaxS8Slots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[SoftmaxS8Slots.InInput]);
            byte[] table = ctx.Buffer(op.Inputs[SoftmaxS8Slots.InExpTable]);
            int tableOffset = ctx.Offset(op.Inputs[SoftmaxS8Slots.InExpTable]);
            byte[] output = ctx.Buffer(op.Outputs[SoftmaxS8Slots.OutOutput]);
            int outIndex = ctx.Offset(op.Outputs[SoftmaxS8Slots.OutOutput]);
            // The output type's bits, lowest and highest values: the rounding shift, the offset and the clamp.
            int outputBits = 8 * outputBytes;
            int lowest = outputBytes == 1 ? -128 : -32768;
            int highest = outputBytes == 1 ? 127 : 32767;
            for (int row = 0; row < outer; row++)
            {
                int start = inputOffset + row * depth;
                int end = start + depth;
                int max = -128;
                for (int i = start; i < end; i++)
                {
                    int x = (sbyte)input[i];
                    if (x > max)
                    {
                        max = x;
                    }
                }
                // Sum of exps in Q12: each Q0 exp (non-negative) rounding-shifted right by 12.
                int sum = 0;
                for (int i = start; i < end; i++)
                {
                    int at = tableOffset + 4 * (max - (sbyte)input[i]);
                    int e = table[at] | (table[at + 1] << 8) | (table[at + 2] << 16) | (table[at + 3] << 24);
                    sum += (e >> 12) + ((e & 4095) > 2047 ? 1 : 0);
                }
                // 1/sum as TFLM's GetReciprocal: normalize sum to [1, 2), take 1/(1+x) of the fraction.
                int headroom = FixedPointFunctions.CountLeadingZeros((uint)sum);
                int bitsOverUnit = 12 - headroom;
                int shiftedSumMinusOne = (int)(((uint)sum << headroom) - 0x80000000u);
                long scale = FixedPointFunctions.OneOverOnePlusX(shiftedSumMinusOne);
                int exponent = bitsOverUnit + 31 - outputBits;
                if (exponent > 31)
                {
                    // TFLM aborts here (sums beyond its range); stay in bounds instead.
                    exponent = 31;
                }
                int roundMask = (int)((1L << exponent) - 1);
                int roundHalf = roundMask >> 1;
                for (int i = start; i < end; i++)
                {
                    // max - x is in [0, 255] unless an output overlapping the input has overwritten x by now (a
                    // hostile image's aliasing): the mask changes nothing otherwise and keeps the table read in bounds.
                    int at = tableOffset + 4 * ((max - (sbyte)input[i]) & 255);
                    int e = table[at] | (table[at + 1] << 8) | (table[at + 2] << 16) | (table[at + 3] << 24);
                    // Doubling high multiply of two non-negative Q0 values, then rounding shift right.
                    int product = (int)((scale * e + (1L << 30)) >> 31);
                    int v = (product >> exponent) + ((product & roundMask) > roundHalf ? 1 : 0) + lowest;
                    if (v > highest)
                    {
                        v = highest;
                    }
                    output[outIndex] = (byte)v;
                    if (outputBytes == 2)
                    {
                        output[outIndex + 1] = (byte)(v >> 8);
                    }
                    outIndex += outputBytes;
                }
            }
        }
    }
}
