using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// RELU on int8, bit-exact with TFLM's ReluQuantized: the input, less its zero point, is rescaled to the
    /// output scale (MultiplyByQuantizedMultiplier), offset by the output zero point and clamped to
    /// [max(-128, output zero point), 127].
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Params (ints):
    /// <list type="table">
    /// <item><term>0</term><description>element count</description></item>
    /// <item><term>1, 2</term><description>input and output zero points</description></item>
    /// <item><term>3, 4</term><description>multiplier s_in/s_out (Q0.31, &gt;= 0) and shift (positive = left), in [-31, 30]</description></item>
    /// <item><term>5, 6</term><description>clamp min and max, in [-128, 127]</description></item>
    /// </list>
    /// </summary>
    public static class ReluS8
    {
        /// <summary>Number of params.</summary>
        public const int ParamCount = 7;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[0]);
            int ai = ctx.Offset(op.Inputs[0]);
            byte[] o = ctx.Buffer(op.Outputs[0]);
            int oi = ctx.Offset(op.Outputs[0]);
            int count = p[0];
            int inZero = p[1];
            int outZero = p[2];
            int multiplier = p[3];
            int leftShift = p[4] > 0 ? p[4] : 0;
            int rightShift = p[4] > 0 ? 0 : -p[4];
            int mask = (int)((1L << rightShift) - 1);
            int half = mask >> 1;
            int actMin = p[5];
            int actMax = p[6];
            for (int i = 0; i < count; i++)
            {
                // Inlined MultiplyByQuantizedMultiplier (double rounding).
                long prod = (long)(((sbyte)a[ai] - inZero) << leftShift) * multiplier;
                prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                int high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                int result = outZero + (high >> rightShift) + ((high & mask) > (half + (high < 0 ? 1 : 0)) ? 1 : 0);
                if (result < actMin)
                {
                    result = actMin;
                }
                if (result > actMax)
                {
                    result = actMax;
                }
                o[oi] = (byte)result;
                ai++;
                oi++;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Int8, ParamCount);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != ParamCount || p[3] < 0 || p[4] < -31 || p[4] > 30)
            {
                return "bad params";
            }
            if (!ElementwiseChecks.IsRange(p[5], p[6], -128, 127))
            {
                return "bad clamp range";
            }
            return ElementwiseChecks.Count(ctx, op, 1);
        }
    }
}
