using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// LEAKY_RELU on int8, bit-exact with TFLM's reference_ops::QuantizeLeakyRelu: the input less its zero
    /// point is rescaled with the identity multiplier (s_in/s_out) when non-negative, else with the alpha
    /// multiplier (s_in*alpha/s_out, applied as a non-negative multiplier whose result is negated when alpha is
    /// negative), offset by the output zero point and saturated to int8.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Tensor slots: <see cref="LeakyReluSlots"/>. Params (<see cref="LeakyReluParams"/>):
    /// <list type="table">
    /// <item><term><see cref="LeakyReluParams.Count"/></term><description>element count</description></item>
    /// <item><term><see cref="LeakyReluParams.InputZeroPoint"/>, <see cref="LeakyReluParams.OutputZeroPoint"/></term>
    /// <description>input and output zero points</description></item>
    /// <item><term><see cref="LeakyReluParams.IdentityMultiplier"/>, <see cref="LeakyReluParams.IdentityShift"/></term>
    /// <description>identity multiplier (Q0.31, &gt;= 0) and shift (positive = left), in [-31, 30]</description></item>
    /// <item><term><see cref="LeakyReluParams.AlphaMultiplier"/>, <see cref="LeakyReluParams.AlphaShift"/></term>
    /// <description>alpha multiplier magnitude (Q0.31, &gt;= 0) and shift</description></item>
    /// <item><term><see cref="LeakyReluParams.AlphaNegative"/></term>
    /// <description>1 when alpha is negative (negate the scaled value), else 0</description></item>
    /// </list>
    /// </summary>
    public static class LeakyReluS8
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[LeakyReluSlots.InInput]);
            int ai = ctx.Offset(op.Inputs[LeakyReluSlots.InInput]);
            byte[] o = ctx.Buffer(op.Outputs[LeakyReluSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[LeakyReluSlots.OutOutput]);
            int count = p[LeakyReluParams.Count];
            int inZero = p[LeakyReluParams.InputZeroPoint];
            int outZero = p[LeakyReluParams.OutputZeroPoint];
            int idMultiplier = p[LeakyReluParams.IdentityMultiplier];
            int idLeft = p[LeakyReluParams.IdentityShift] > 0 ? p[LeakyReluParams.IdentityShift] : 0;
            int idRight = p[LeakyReluParams.IdentityShift] > 0 ? 0 : -p[LeakyReluParams.IdentityShift];
            int idMask = (int)((1L << idRight) - 1);
            int idHalf = idMask >> 1;
            int alphaMultiplier = p[LeakyReluParams.AlphaMultiplier];
            int alphaLeft = p[LeakyReluParams.AlphaShift] > 0 ? p[LeakyReluParams.AlphaShift] : 0;
            int alphaRight = p[LeakyReluParams.AlphaShift] > 0 ? 0 : -p[LeakyReluParams.AlphaShift];
            int alphaMask = (int)((1L << alphaRight) - 1);
            int alphaHalf = alphaMask >> 1;
            bool alphaNegative = p[LeakyReluParams.AlphaNegative] != 0;
            for (int i = 0; i < count; i++)
            {
                int value = (sbyte)a[ai] - inZero;
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
                if (result < -128)
                {
                    result = -128;
                }
                if (result > 127)
                {
                    result = 127;
                }
                o[oi] = (byte)result;
                ai++;
                oi++;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return ElementwiseChecks.LeakyRelu(ctx, op, TensorType.Int8, 1);
        }
    }
}
