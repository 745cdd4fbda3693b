using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// RELU on int8, bit-exact with TFLM's ReluQuantized: the input, less its zero point, is rescaled to the
    /// output scale (MultiplyByQuantizedMultiplier), offset by the output zero point and clamped to
    /// [max(-128, output zero point), 127].
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Tensor slots: <see cref="ReluSlots"/>. Params (<see cref="ReluParams"/>):
    /// <list type="table">
    /// <item><term><see cref="ReluParams.Count"/></term><description>element count</description></item>
    /// <item><term><see cref="ReluParams.InputZeroPoint"/>, <see cref="ReluParams.OutputZeroPoint"/></term>
    /// <description>input and output zero points</description></item>
    /// <item><term><see cref="ReluParams.Multiplier"/>, <see cref="ReluParams.Shift"/></term>
    /// <description>multiplier s_in/s_out (Q0.31, &gt;= 0) and shift (positive = left), in [-31, 30]</description></item>
    /// <item><term><see cref="ReluParams.ClampMin"/>, <see cref="ReluParams.ClampMax"/></term>
    /// <description>clamp min and max, in [-128, 127]</description></item>
    /// </list>
    /// </summary>
    public static class ReluS8
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[ReluSlots.InInput]);
            int ai = ctx.Offset(op.Inputs[ReluSlots.InInput]);
            byte[] o = ctx.Buffer(op.Outputs[ReluSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[ReluSlots.OutOutput]);
            int count = p[ReluParams.Count];
            int inZero = p[ReluParams.InputZeroPoint];
            int outZero = p[ReluParams.OutputZeroPoint];
            int multiplier = p[ReluParams.Multiplier];
            int leftShift = p[ReluParams.Shift] > 0 ? p[ReluParams.Shift] : 0;
            int rightShift = p[ReluParams.Shift] > 0 ? 0 : -p[ReluParams.Shift];
            int mask = (int)((1L << rightShift) - 1);
            int half = mask >> 1;
            int actMin = p[ReluParams.ClampMin];
            int actMax = p[ReluParams.ClampMax];
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
            return ElementwiseChecks.Relu(ctx, op, TensorType.Int8, 1, -128, 127);
        }
    }
}
