using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// ADD and SUB (input1 - input2) of two int8 or two int16 tensors with numpy broadcasting, bit-exact with
    /// TFLM's reference kernels (reference_integer_ops::Add / BroadcastAdd6DSlow, reference_ops::Sub /
    /// BroadcastQuantSubSlow; int16 takes TFLM's general rescaling path): each input is offset by its negated zero
    /// point, shifted left by <c>left_shift</c> (20 for int8, 15 for int16), rescaled to the common scale
    /// 2*max(s1, s2) with a Q0.31 multiplier and a rounding right shift, summed (or subtracted), rescaled to the
    /// output scale, offset and clamped.
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Tensor slots: <see cref="AddSubSlots"/>. Params (<see cref="AddSubParams"/>):
    /// <list type="table">
    /// <item><term><see cref="AddSubParams.Input1Offset"/></term>
    /// <description>input 1 offset (-zero point)</description></item>
    /// <item><term><see cref="AddSubParams.Input1Multiplier"/>, <see cref="AddSubParams.Input1Shift"/></term>
    /// <description>input 1 multiplier (Q0.31, &gt;= 0) and shift (&lt;= 0)</description></item>
    /// <item><term><see cref="AddSubParams.Input2Offset"/></term>
    /// <description>input 2 offset (-zero point)</description></item>
    /// <item><term><see cref="AddSubParams.Input2Multiplier"/>, <see cref="AddSubParams.Input2Shift"/></term>
    /// <description>input 2 multiplier and shift</description></item>
    /// <item><term><see cref="AddSubParams.OutputMultiplier"/>, <see cref="AddSubParams.OutputShift"/></term>
    /// <description>output multiplier and shift (&lt;= 0)</description></item>
    /// <item><term><see cref="AddSubParams.OutputOffset"/></term>
    /// <description>output offset (zero point)</description></item>
    /// <item><term><see cref="AddSubParams.LeftShift"/></term>
    /// <description>left shift applied to both inputs, in [0, 30]</description></item>
    /// <item><term><see cref="AddSubParams.ActivationMin"/>, <see cref="AddSubParams.ActivationMax"/></term>
    /// <description>activation min and max, inside the element type's range</description></item>
    /// <item><term><see cref="AddSubParams.Broadcast"/>..</term>
    /// <description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// ADD int8 is common in models and has a loop of its own; SUB int8 and both int16 kernels share one loop that
    /// chooses the element width and the sign per element.
    /// </summary>
    public static class QuantizedAddSub
    {
        /// <summary>Runs ADD int8. Assumes <see cref="ValidateAddS8"/> accepted the record.</summary>
        public static void RunAddS8(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, 1, false);
        }

        /// <summary>Runs SUB int8. Assumes <see cref="ValidateSubS8"/> accepted the record.</summary>
        public static void RunSubS8(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, 1, true);
        }

        /// <summary>Runs ADD int16. Assumes <see cref="ValidateAddS16"/> accepted the record.</summary>
        public static void RunAddS16(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, 2, false);
        }

        /// <summary>Runs SUB int16. Assumes <see cref="ValidateSubS16"/> accepted the record.</summary>
        public static void RunSubS16(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, 2, true);
        }

        /// <summary>Validates an ADD int8 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateAddS8(KernelContext ctx, OpRecord op)
        {
            return Validate(ctx, op, TensorType.Int8, 1, -128, 127);
        }

        /// <summary>Validates a SUB int8 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateSubS8(KernelContext ctx, OpRecord op)
        {
            return Validate(ctx, op, TensorType.Int8, 1, -128, 127);
        }

        /// <summary>Validates an ADD int16 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateAddS16(KernelContext ctx, OpRecord op)
        {
            return Validate(ctx, op, TensorType.Int16, 2, -32768, 32767);
        }

        /// <summary>Validates a SUB int16 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateSubS16(KernelContext ctx, OpRecord op)
        {
            return Validate(ctx, op, TensorType.Int16, 2, -32768, 32767);
        }

        private static string Validate(KernelContext ctx, OpRecord op, int type, int width, int lowest, int highest)
        {
            string error = BinaryOperands.ValidateTensors(ctx, op, type, AddSubParams.Broadcast);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p[AddSubParams.Input1Multiplier] < 0 || p[AddSubParams.Input2Multiplier] < 0 ||
                p[AddSubParams.OutputMultiplier] < 0 ||
                !ElementwiseChecks.IsRightShift(p[AddSubParams.Input1Shift]) ||
                !ElementwiseChecks.IsRightShift(p[AddSubParams.Input2Shift]) ||
                !ElementwiseChecks.IsRightShift(p[AddSubParams.OutputShift]) || p[AddSubParams.LeftShift] < 0 ||
                p[AddSubParams.LeftShift] > 30)
            {
                return "bad multiplier or shift";
            }
            if (!ElementwiseChecks.IsRange(p[AddSubParams.ActivationMin], p[AddSubParams.ActivationMax], lowest, highest))
            {
                return "bad activation range";
            }
            return BinaryOperands.ValidateBroadcast(ctx, op, AddSubParams.Broadcast, width);
        }

        // The four kernels on elements of `width` bytes (1 or 2), subtracting the rescaled input 2 when `subtract` is
        // set. ADD int8 takes a loop of its own, free of per-element choices (chosen once per row); the others share
        // one that chooses the element width and the sign per element.
        private static void Run(KernelContext ctx, OpRecord op, int width, bool subtract)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[AddSubSlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[AddSubSlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[AddSubSlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[AddSubSlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[AddSubSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[AddSubSlots.OutOutput]);

            int offset1 = p[AddSubParams.Input1Offset];
            int multiplier1 = p[AddSubParams.Input1Multiplier];
            int shift1 = -p[AddSubParams.Input1Shift];
            int mask1 = (int)((1L << shift1) - 1);
            int half1 = mask1 >> 1;
            int offset2 = p[AddSubParams.Input2Offset];
            int multiplier2 = p[AddSubParams.Input2Multiplier];
            int shift2 = -p[AddSubParams.Input2Shift];
            int mask2 = (int)((1L << shift2) - 1);
            int half2 = mask2 >> 1;
            int outMultiplier = p[AddSubParams.OutputMultiplier];
            int outShift = -p[AddSubParams.OutputShift];
            int outMask = (int)((1L << outShift) - 1);
            int outHalf = outMask >> 1;
            int outOffset = p[AddSubParams.OutputOffset];
            int leftShift = p[AddSubParams.LeftShift];
            int actMin = p[AddSubParams.ActivationMin];
            int actMax = p[AddSubParams.ActivationMax];

            int rows = Broadcast.RowCount(p, AddSubParams.Broadcast);
            int n = p[AddSubParams.Broadcast + Broadcast.RowLength];
            int step1 = width * p[AddSubParams.Broadcast + Broadcast.RowStride1];
            int step2 = width * p[AddSubParams.Broadcast + Broadcast.RowStride2];
            bool addS8 = width == 1 && !subtract;
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + width * Broadcast.RowOffset(p, AddSubParams.Broadcast, row, 0);
                int bi = bBase + width * Broadcast.RowOffset(p, AddSubParams.Broadcast, row, 1);
                if (addS8)
                {
                    for (int i = 0; i < n; i++)
                    {
                        // Inlined MultiplyByQuantizedMultiplierSmallerThanOneExp: a rounding doubling high multiply
                        // (nudge by 2^30 toward the sign, divide by 2^31 truncating), then a rounding right shift
                        // with ties away from zero. Multipliers are non-negative, so the min*min saturation case
                        // cannot arise.
                        long prod = (long)((offset1 + (sbyte)a[ai]) << leftShift) * multiplier1;
                        prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                        int high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                        int scaled1 = (high >> shift1) + ((high & mask1) > (half1 + (high < 0 ? 1 : 0)) ? 1 : 0);

                        prod = (long)((offset2 + (sbyte)b[bi]) << leftShift) * multiplier2;
                        prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                        high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                        int scaled2 = (high >> shift2) + ((high & mask2) > (half2 + (high < 0 ? 1 : 0)) ? 1 : 0);

                        prod = (long)(scaled1 + scaled2) * outMultiplier;
                        prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                        high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                        int result = (high >> outShift) + ((high & outMask) > (outHalf + (high < 0 ? 1 : 0)) ? 1 : 0) + outOffset;

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
                    continue;
                }
                for (int i = 0; i < n; i++)
                {
                    int x = width == 1 ? (sbyte)a[ai] : (short)(a[ai] | (a[ai + 1] << 8));
                    int y = width == 1 ? (sbyte)b[bi] : (short)(b[bi] | (b[bi + 1] << 8));
                    long prod = (long)((offset1 + x) << leftShift) * multiplier1;
                    prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                    int high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                    int scaled1 = (high >> shift1) + ((high & mask1) > (half1 + (high < 0 ? 1 : 0)) ? 1 : 0);

                    prod = (long)((offset2 + y) << leftShift) * multiplier2;
                    prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                    high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                    int scaled2 = (high >> shift2) + ((high & mask2) > (half2 + (high < 0 ? 1 : 0)) ? 1 : 0);

                    prod = (long)(subtract ? scaled1 - scaled2 : scaled1 + scaled2) * outMultiplier;
                    prod = prod >= 0 ? prod + 0x40000000L : prod - 0x3FFFFFFFL;
                    high = (int)((prod >= 0 ? prod : prod + 0x7FFFFFFFL) >> 31);
                    int result = (high >> outShift) + ((high & outMask) > (outHalf + (high < 0 ? 1 : 0)) ? 1 : 0) + outOffset;

                    if (result < actMin)
                    {
                        result = actMin;
                    }
                    if (result > actMax)
                    {
                        result = actMax;
                    }
                    o[oi] = (byte)result;
                    if (width == 2)
                    {
                        o[oi + 1] = (byte)(result >> 8);
                    }
                    oi += width;
                    ai += step1;
                    bi += step2;
                }
            }
        }
    }
}
