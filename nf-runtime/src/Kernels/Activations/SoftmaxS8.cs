using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// SOFTMAX with int8 input and int8 output, bit-exact with TFLM's reference quantized softmax (gemmlowp
    /// fixed point: exp in Q0 of the Q5.26-rescaled difference to the row maximum, Q12 sum, reciprocal through
    /// 1/(1+x), rounding shift to 8 bits, offset by -128).
    /// <para>The exp of each possible difference (0 .. 255 below the row maximum) is computed by the compiler
    /// with TFLM's beta/scale multiplier and diff_min, so the kernel only looks it up.</para>
    /// <para>Inputs: [0] input int8 [outer * depth]; [1] exp table int32 [256]: entry k = exp(-k) in Q0 as TFLM
    /// computes it, 0 where -k &lt; diff_min. Outputs: [0] output int8 [outer * depth].</para>
    /// <para>Params: the softmax_s8 layout, <see cref="SoftmaxS8Params"/> (shared with <see cref="SoftmaxS8S16"/>):
    /// rows (outer) and depth (row length, the last dimension); the optional tail (compile --cmsis-nn, for CMSIS-NN's
    /// softmax; this kernel ignores it) holds TFLM's input beta multiplier (Q0.31), its left shift and diff_min: the
    /// values the exp table was computed from.</para>
    /// </summary>
    public static class SoftmaxS8
    {
        /// <summary>Normalizes each row of the input.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int outer = op.Params[SoftmaxS8Params.Rows];
            int depth = op.Params[SoftmaxS8Params.Depth];
            byte[] input = ctx.Buffer(op.Inputs[SoftmaxS8Slots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[SoftmaxS8Slots.InInput]);
            byte[] table = ctx.Buffer(op.Inputs[SoftmaxS8Slots.InExpTable]);
            int tableOffset = ctx.Offset(op.Inputs[SoftmaxS8Slots.InExpTable]);
            byte[] output = ctx.Buffer(op.Outputs[SoftmaxS8Slots.OutOutput]);
            int outIndex = ctx.Offset(op.Outputs[SoftmaxS8Slots.OutOutput]);
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
                int exponent = bitsOverUnit + 31 - 8;
                if (exponent > 31)
                {
                    // TFLM aborts here (sums beyond its range); stay in bounds instead.
                    exponent = 31;
                }
                int roundMask = (int)((1L << exponent) - 1);
                int roundHalf = roundMask >> 1;
                for (int i = start; i < end; i++)
                {
                    int at = tableOffset + 4 * (max - (sbyte)input[i]);
                    int e = table[at] | (table[at + 1] << 8) | (table[at + 2] << 16) | (table[at + 3] << 24);
                    // Doubling high multiply of two non-negative Q0 values, then rounding shift right.
                    int product = (int)((scale * e + (1L << 30)) >> 31);
                    int v = (product >> exponent) + ((product & roundMask) > roundHalf ? 1 : 0) + (-128);
                    if (v > 127)
                    {
                        v = 127;
                    }
                    output[outIndex] = (byte)v;
                    outIndex++;
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return ActivationValidation.SoftmaxS8(ctx, op, SoftmaxS8Params.Length, TensorType.Int8, 1);
        }
    }
}
