using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// MUL of two int8 tensors with numpy broadcasting, bit-exact with TFLM's reference kernel
    /// (reference_integer_ops::Mul / BroadcastMul6DSlow): the offset inputs are multiplied in int32, the
    /// product is rescaled by s1*s2/s_out (MultiplyByQuantizedMultiplier: left shift, rounding doubling high
    /// multiply, rounding right shift), offset by the output zero point and clamped.
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Params (ints):
    /// <list type="table">
    /// <item><term>0, 1</term><description>input 1 and input 2 offsets (-zero point)</description></item>
    /// <item><term>2</term><description>output offset (zero point)</description></item>
    /// <item><term>3, 4</term><description>output multiplier (Q0.31, &gt;= 0) and shift (positive = left), in [-31, 30]</description></item>
    /// <item><term>5, 6</term><description>activation min and max, in [-128, 127]</description></item>
    /// <item><term>7..</term><description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// </summary>
    public static class MulS8
    {
        /// <summary>Index of the broadcast descriptor in Params.</summary>
        public const int Descriptor = 7;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[0]);
            int aBase = ctx.Offset(op.Inputs[0]);
            byte[] b = ctx.Buffer(op.Inputs[1]);
            int bBase = ctx.Offset(op.Inputs[1]);
            byte[] o = ctx.Buffer(op.Outputs[0]);
            int oi = ctx.Offset(op.Outputs[0]);

            int offset1 = p[0];
            int offset2 = p[1];
            int outOffset = p[2];
            int multiplier = p[3];
            int leftShift = p[4] > 0 ? p[4] : 0;
            int rightShift = p[4] > 0 ? 0 : -p[4];
            int mask = (int)((1L << rightShift) - 1);
            int half = mask >> 1;
            int actMin = p[5];
            int actMax = p[6];

            int rows = Broadcast.RowCount(p, Descriptor);
            int n = p[Descriptor + 1];
            int step1 = p[Descriptor + 2];
            int step2 = p[Descriptor + 3];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + Broadcast.RowOffset(p, Descriptor, row, 0);
                int bi = bBase + Broadcast.RowOffset(p, Descriptor, row, 1);
                for (int i = 0; i < n; i++)
                {
                    int product = (offset1 + (sbyte)a[ai]) * (offset2 + (sbyte)b[bi]);
                    // Inlined MultiplyByQuantizedMultiplier (double rounding): wrapping left shift, rounding
                    // doubling high multiply (multiplier >= 0, so no saturation case), rounding right shift.
                    long prod = (long)(product << leftShift) * multiplier;
                    prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                    int high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                    int result = (high >> rightShift) + ((high & mask) > (half + (high < 0 ? 1 : 0)) ? 1 : 0) + outOffset;
                    if (result < actMin)
                    {
                        result = actMin;
                    }
                    if (result > actMax)
                    {
                        result = actMax;
                    }
                    o[oi] = (byte)result;
                    oi++;
                    ai += step1;
                    bi += step2;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 2, TensorType.Int8, Descriptor + 4);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p[3] < 0 || p[4] < -31 || p[4] > 30)
            {
                return "bad multiplier or shift";
            }
            if (!ElementwiseChecks.IsRange(p[5], p[6], -128, 127))
            {
                return "bad activation range";
            }
            return Broadcast.Validate(p, Descriptor, ctx.ByteSize(op.Inputs[0]), ctx.ByteSize(op.Inputs[1]),
                ctx.ByteSize(op.Outputs[0]));
        }
    }
}
