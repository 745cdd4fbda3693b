using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// SOFTMAX with int16 input and output (zero points 0, output scale 2^-15), bit-exact with TFLM's reference
    /// SoftmaxInt16: the difference to the row maximum is rescaled so that [-65535, 0] spans [-10, 0], exp comes
    /// from a 513-entry interpolated table, and 1/sum from a second table of 1/(1+x) after normalizing the sum.
    /// The exps are cached in the output row before being scaled in place.
    /// <para>Inputs: [0] input int16 [outer * depth]; [1] tables int16 [1026]: entries 0..512 exp over [-10, 0],
    /// entries 513..1025 1/(1+x) over [0, 1], both as TFLM's LUTPopulate computes them.
    /// Outputs: [0] output int16 [outer * depth] (must not overlap the input).</para>
    /// <para>Params: the softmax_s16 layout, <see cref="SoftmaxS16Params"/>: rows (outer), depth (row length), the
    /// input multiplier (Q0.31) and shift.</para>
    /// </summary>
    public static class SoftmaxS16
    {
        /// <summary>Entries per table.</summary>
        public const int TableSize = 513;

        /// <summary>Normalizes each row of the input.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int outer = op.Params[SoftmaxS16Params.Rows];
            int depth = op.Params[SoftmaxS16Params.Depth];
            int multiplier = op.Params[SoftmaxS16Params.InputMultiplier];
            int shift = op.Params[SoftmaxS16Params.InputShift];
            byte[] input = ctx.Buffer(op.Inputs[SoftmaxS16Slots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[SoftmaxS16Slots.InInput]);
            byte[] table = ctx.Buffer(op.Inputs[SoftmaxS16Slots.InTables]);
            int expTable = ctx.Offset(op.Inputs[SoftmaxS16Slots.InTables]);
            int reciprocalTable = expTable + 2 * TableSize;
            byte[] output = ctx.Buffer(op.Outputs[SoftmaxS16Slots.OutOutput]);
            int outputOffset = ctx.Offset(op.Outputs[SoftmaxS16Slots.OutOutput]);
            for (int row = 0; row < outer; row++)
            {
                int inRow = inputOffset + 2 * row * depth;
                int outRow = outputOffset + 2 * row * depth;
                int max = -32768;
                for (int c = 0; c < depth; c++)
                {
                    int x = (short)(input[inRow + 2 * c] | (input[inRow + 2 * c + 1] << 8));
                    if (x > max)
                    {
                        max = x;
                    }
                }
                int sum = 0;
                for (int c = 0; c < depth; c++)
                {
                    int x = (short)(input[inRow + 2 * c] | (input[inRow + 2 * c + 1] << 8));
                    int scaled = FixedPoint.MultiplyByQuantizedMultiplier(x - max, multiplier, shift) + 32767;
                    int e = Lookup(table, expTable, scaled < -32768 ? -32768 : (scaled > 32767 ? 32767 : scaled));
                    output[outRow + 2 * c] = (byte)e;
                    output[outRow + 2 * c + 1] = (byte)(e >> 8);
                    sum += e;
                }
                // Normalize the sum to [1, 2) in Q1.14-ish steps as TFLM does, then 1/(1+x) with x recentred.
                int headroomPlusOne = FixedPointFunctions.CountLeadingZeros((uint)sum);
                int shiftedSum = (int)((((long)sum << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
                int symmetric = shiftedSum - (1 << 15) - (1 << 16);
                int reciprocal = Lookup(table, reciprocalTable, symmetric < -32768 ? -32768 : (symmetric > 32767 ? 32767 : symmetric));
                int rightShift = 31 - headroomPlusOne;
                long round = rightShift > 0 ? 1L << (rightShift - 1) : 0;
                for (int c = 0; c < depth; c++)
                {
                    int e = (short)(output[outRow + 2 * c] | (output[outRow + 2 * c + 1] << 8));
                    int v = (int)(((long)e * reciprocal + round) >> rightShift);
                    if (v < 0)
                    {
                        v = 0;
                    }
                    if (v > 32767)
                    {
                        v = 32767;
                    }
                    output[outRow + 2 * c] = (byte)v;
                    output[outRow + 2 * c + 1] = (byte)(v >> 8);
                }
            }
        }

        /// <summary>
        /// TFLM's LUTLookup for int16: the top 9 bits of value (recentred) pick an entry, the low 7 bits
        /// interpolate linearly to the next one with rounding.
        /// </summary>
        public static int Lookup(byte[] table, int offset, int value)
        {
            int index = 256 + (value >> 7);
            int at = offset + 2 * index;
            int lower = (short)(table[at] | (table[at + 1] << 8));
            int upper = (short)(table[at + 2] | (table[at + 3] << 8));
            int slope = (short)(upper - lower);
            int delta = (slope * (value & 0x7F) + 64) >> 7;
            return (short)(lower + delta);
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 2, 1, SoftmaxS16Params.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = DenseValidation.AtLeast(p, SoftmaxS16Params.Rows, 2, 1);
            if (e != null)
            {
                return e;
            }
            long count = (long)p[SoftmaxS16Params.Rows] * p[SoftmaxS16Params.Depth];
            if (count > int.MaxValue / 4)
            {
                return "input too large";
            }
            e = RecordChecks.Tensor(ctx, op.Inputs[SoftmaxS16Slots.InInput], TensorType.Int16, count * 2, "input");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[SoftmaxS16Slots.InTables], TensorType.Int16,
                    2 * 2 * TableSize, "tables");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[SoftmaxS16Slots.OutOutput], TensorType.Int16, count * 2,
                    "output");
            }
            if (e == null)
            {
                e = DenseValidation.Multiplier(p[SoftmaxS16Params.InputMultiplier], p[SoftmaxS16Params.InputShift]);
            }
            return e;
        }
    }
}
