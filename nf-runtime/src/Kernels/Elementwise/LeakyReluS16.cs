using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// LEAKY_RELU on int16, bit-exact with TFLM's reference_ops::QuantizeLeakyRelu: the input less its zero
    /// point is rescaled with the identity multiplier (s_in/s_out) when non-negative, else with the alpha
    /// multiplier (s_in*alpha/s_out, applied as a non-negative multiplier whose result is negated when alpha is
    /// negative), offset by the output zero point and saturated to int16.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Params (ints):
    /// <list type="table">
    /// <item><term>0</term><description>element count</description></item>
    /// <item><term>1, 2</term><description>input and output zero points</description></item>
    /// <item><term>3, 4</term><description>identity multiplier (Q0.31, &gt;= 0) and shift (positive = left), in [-31, 30]</description></item>
    /// <item><term>5, 6</term><description>alpha multiplier magnitude (Q0.31, &gt;= 0) and shift</description></item>
    /// <item><term>7</term><description>1 when alpha is negative (negate the scaled value), else 0</description></item>
    /// </list>
    /// </summary>
    public static class LeakyReluS16
    {
        /// <summary>Number of params.</summary>
        public const int ParamCount = 8;

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
            int idMultiplier = p[3];
            int idLeft = p[4] > 0 ? p[4] : 0;
            int idRight = p[4] > 0 ? 0 : -p[4];
            int idMask = (int)((1L << idRight) - 1);
            int idHalf = idMask >> 1;
            int alphaMultiplier = p[5];
            int alphaLeft = p[6] > 0 ? p[6] : 0;
            int alphaRight = p[6] > 0 ? 0 : -p[6];
            int alphaMask = (int)((1L << alphaRight) - 1);
            int alphaHalf = alphaMask >> 1;
            bool alphaNegative = p[7] != 0;
            for (int i = 0; i < count; i++)
            {
                int value = (short)(a[ai] | (a[ai + 1] << 8)) - inZero;
                int result;
                // Inlined MultiplyByQuantizedMultiplier (double rounding) with the multiplier of the branch.
                if (value >= 0)
                {
                    long prod = (long)(value << idLeft) * idMultiplier;
                    prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                    int high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                    result = outZero + (high >> idRight) + ((high & idMask) > (idHalf + (high < 0 ? 1 : 0)) ? 1 : 0);
                }
                else
                {
                    long prod = (long)(value << alphaLeft) * alphaMultiplier;
                    prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                    int high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                    int scaled = (high >> alphaRight) + ((high & alphaMask) > (alphaHalf + (high < 0 ? 1 : 0)) ? 1 : 0);
                    result = outZero + (alphaNegative ? -scaled : scaled);
                }
                if (result < -32768)
                {
                    result = -32768;
                }
                if (result > 32767)
                {
                    result = 32767;
                }
                o[oi] = (byte)result;
                o[oi + 1] = (byte)(result >> 8);
                ai += 2;
                oi += 2;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Int16, ParamCount);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != ParamCount || p[3] < 0 || p[4] < -31 || p[4] > 30 || p[5] < 0 || p[6] < -31 || p[6] > 30 ||
                p[7] < 0 || p[7] > 1)
            {
                return "bad params";
            }
            return ElementwiseChecks.Count(ctx, op, 2);
        }
    }
}
