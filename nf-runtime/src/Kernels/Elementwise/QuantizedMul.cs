using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// MUL of two int8 or two int16 (zero points 0) tensors with numpy broadcasting, bit-exact with TFLM's reference kernel
    /// (reference_integer_ops::Mul / BroadcastMul6DSlow): the offset inputs are multiplied in int32, the
    /// product is rescaled by s1*s2/s_out (MultiplyByQuantizedMultiplier: left shift, rounding doubling high
    /// multiply, rounding right shift), offset by the output zero point and clamped.
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Tensor slots: <see cref="MulSlots"/>. Params (<see cref="MulParams"/>):
    /// <list type="table">
    /// <item><term><see cref="MulParams.Input1Offset"/>, <see cref="MulParams.Input2Offset"/></term>
    /// <description>input 1 and input 2 offsets (-zero point)</description></item>
    /// <item><term><see cref="MulParams.OutputOffset"/></term>
    /// <description>output offset (zero point)</description></item>
    /// <item><term><see cref="MulParams.OutputMultiplier"/>, <see cref="MulParams.OutputShift"/></term>
    /// <description>output multiplier (Q0.31, &gt;= 0) and shift (positive = left), in [-31, 30]</description></item>
    /// <item><term><see cref="MulParams.ActivationMin"/>, <see cref="MulParams.ActivationMax"/></term>
    /// <description>activation min and max, inside the element type's range</description></item>
    /// <item><term><see cref="MulParams.Broadcast"/>..</term>
    /// <description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// MUL int8 is common in models, so each type has its own loop, free of per-element choices.
    /// </summary>
    public static class QuantizedMul
    {
        /// <summary>Runs MUL int8. Assumes <see cref="ValidateMulS8"/> accepted the record.</summary>
        public static void RunMulS8(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[MulSlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[MulSlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[MulSlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[MulSlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[MulSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[MulSlots.OutOutput]);

            int offset1 = p[MulParams.Input1Offset];
            int offset2 = p[MulParams.Input2Offset];
            int outOffset = p[MulParams.OutputOffset];
            int multiplier = p[MulParams.OutputMultiplier];
            int leftShift = p[MulParams.OutputShift] > 0 ? p[MulParams.OutputShift] : 0;
            int rightShift = p[MulParams.OutputShift] > 0 ? 0 : -p[MulParams.OutputShift];
            int mask = (int)((1L << rightShift) - 1);
            int half = mask >> 1;
            int actMin = p[MulParams.ActivationMin];
            int actMax = p[MulParams.ActivationMax];

            int rows = Broadcast.RowCount(p, MulParams.Broadcast);
            int n = p[MulParams.Broadcast + Broadcast.RowLength];
            int step1 = p[MulParams.Broadcast + Broadcast.RowStride1];
            int step2 = p[MulParams.Broadcast + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + Broadcast.RowOffset(p, MulParams.Broadcast, row, 0);
                int bi = bBase + Broadcast.RowOffset(p, MulParams.Broadcast, row, 1);
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

        /// <summary>Runs MUL int16. Assumes <see cref="ValidateMulS16"/> accepted the record.</summary>
        public static void RunMulS16(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[MulSlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[MulSlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[MulSlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[MulSlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[MulSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[MulSlots.OutOutput]);

            int offset1 = p[MulParams.Input1Offset];
            int offset2 = p[MulParams.Input2Offset];
            int outOffset = p[MulParams.OutputOffset];
            int multiplier = p[MulParams.OutputMultiplier];
            int leftShift = p[MulParams.OutputShift] > 0 ? p[MulParams.OutputShift] : 0;
            int rightShift = p[MulParams.OutputShift] > 0 ? 0 : -p[MulParams.OutputShift];
            int mask = (int)((1L << rightShift) - 1);
            int half = mask >> 1;
            int actMin = p[MulParams.ActivationMin];
            int actMax = p[MulParams.ActivationMax];

            int rows = Broadcast.RowCount(p, MulParams.Broadcast);
            int n = p[MulParams.Broadcast + Broadcast.RowLength];
            int step1 = 2 * p[MulParams.Broadcast + Broadcast.RowStride1];
            int step2 = 2 * p[MulParams.Broadcast + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + 2 * Broadcast.RowOffset(p, MulParams.Broadcast, row, 0);
                int bi = bBase + 2 * Broadcast.RowOffset(p, MulParams.Broadcast, row, 1);
                for (int i = 0; i < n; i++)
                {
                    int product = (offset1 + (short)(a[ai] | (a[ai + 1] << 8))) * (offset2 + (short)(b[bi] | (b[bi + 1] << 8)));
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
                    o[oi + 1] = (byte)(result >> 8);
                    oi += 2;
                    ai += step1;
                    bi += step2;
                }
            }
        }

        /// <summary>Validates a MUL int8 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMulS8(KernelContext ctx, OpRecord op)
        {
            return Validate(ctx, op, TensorType.Int8, 1, -128, 127);
        }

        /// <summary>Validates a MUL int16 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMulS16(KernelContext ctx, OpRecord op)
        {
            return Validate(ctx, op, TensorType.Int16, 2, -32768, 32767);
        }

        private static string Validate(KernelContext ctx, OpRecord op, int type, int width, int lowest, int highest)
        {
            string error = BinaryOperands.ValidateTensors(ctx, op, type, MulParams.Broadcast);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p[MulParams.OutputMultiplier] < 0 || p[MulParams.OutputShift] < -31 || p[MulParams.OutputShift] > 30)
            {
                return "bad multiplier or shift";
            }
            if (!ElementwiseChecks.IsRange(p[MulParams.ActivationMin], p[MulParams.ActivationMax], lowest, highest))
            {
                return "bad activation range";
            }
            return BinaryOperands.ValidateBroadcast(ctx, op, MulParams.Broadcast, width);
        }
    }
}
