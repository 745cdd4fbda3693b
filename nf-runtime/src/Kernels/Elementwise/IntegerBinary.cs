using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// The plain integer binary kernels, each bit-exact with TFLM, with numpy broadcasting (<see cref="Broadcast"/>):
    /// ADD, SUB, MUL of int32 (reference_ops::Add / Sub / Mul and their Broadcast*6DSlow on int32: wrapping
    /// arithmetic, then <c>min(max(r, act_min), act_max)</c> with std::max/std::min semantics; Params
    /// <see cref="BinaryClampedParams"/>, the activation range as int32) and MAXIMUM, MINIMUM of int8, int16
    /// and int32 (TFLM's MaximumOp <c>x &gt; y ? x : y</c> / MinimumOp <c>x &lt; y ? x : y</c>; Params
    /// <see cref="BinaryParams"/>, the descriptor only).
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of the
    /// same shape (each element is read before it is written). These kernels are rare in models, so one loop
    /// serves them all, choosing the element width and the operation per element.
    /// </summary>
    public static class IntegerBinary
    {
        private const int Add = 0;
        private const int Subtract = 1;
        private const int Multiply = 2;
        private const int Maximum = 3;
        private const int Minimum = 4;

        /// <summary>Runs ADD int32.</summary>
        public static void RunAddS32(KernelContext ctx, OpRecord op)
        {
            RunClamped(ctx, op, Add);
        }

        /// <summary>Runs SUB int32 (input1 - input2).</summary>
        public static void RunSubS32(KernelContext ctx, OpRecord op)
        {
            RunClamped(ctx, op, Subtract);
        }

        /// <summary>Runs MUL int32.</summary>
        public static void RunMulS32(KernelContext ctx, OpRecord op)
        {
            RunClamped(ctx, op, Multiply);
        }

        /// <summary>Runs MAXIMUM int8.</summary>
        public static void RunMaximumS8(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Maximum, 1, BinaryParams.Broadcast, int.MinValue, int.MaxValue);
        }

        /// <summary>Runs MAXIMUM int16.</summary>
        public static void RunMaximumS16(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Maximum, 2, BinaryParams.Broadcast, int.MinValue, int.MaxValue);
        }

        /// <summary>Runs MAXIMUM int32.</summary>
        public static void RunMaximumS32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Maximum, 4, BinaryParams.Broadcast, int.MinValue, int.MaxValue);
        }

        /// <summary>Runs MINIMUM int8.</summary>
        public static void RunMinimumS8(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Minimum, 1, BinaryParams.Broadcast, int.MinValue, int.MaxValue);
        }

        /// <summary>Runs MINIMUM int16.</summary>
        public static void RunMinimumS16(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Minimum, 2, BinaryParams.Broadcast, int.MinValue, int.MaxValue);
        }

        /// <summary>Runs MINIMUM int32.</summary>
        public static void RunMinimumS32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Minimum, 4, BinaryParams.Broadcast, int.MinValue, int.MaxValue);
        }

        /// <summary>Validates an ADD int32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateAddS32(KernelContext ctx, OpRecord op)
        {
            return ValidateClamped(ctx, op);
        }

        /// <summary>Validates a SUB int32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateSubS32(KernelContext ctx, OpRecord op)
        {
            return ValidateClamped(ctx, op);
        }

        /// <summary>Validates a MUL int32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMulS32(KernelContext ctx, OpRecord op)
        {
            return ValidateClamped(ctx, op);
        }

        /// <summary>Validates a MAXIMUM int8 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMaximumS8(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Int8, BinaryParams.Broadcast, 1);
        }

        /// <summary>Validates a MAXIMUM int16 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMaximumS16(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Int16, BinaryParams.Broadcast, 2);
        }

        /// <summary>Validates a MAXIMUM int32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMaximumS32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Int32, BinaryParams.Broadcast, 4);
        }

        /// <summary>Validates a MINIMUM int8 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMinimumS8(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Int8, BinaryParams.Broadcast, 1);
        }

        /// <summary>Validates a MINIMUM int16 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMinimumS16(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Int16, BinaryParams.Broadcast, 2);
        }

        /// <summary>Validates a MINIMUM int32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMinimumS32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Int32, BinaryParams.Broadcast, 4);
        }

        private static string ValidateClamped(KernelContext ctx, OpRecord op)
        {
            string error = BinaryOperands.ValidateTensors(ctx, op, TensorType.Int32, BinaryClampedParams.Broadcast);
            if (error != null)
            {
                return error;
            }
            if (op.Params[BinaryClampedParams.ActivationMin] > op.Params[BinaryClampedParams.ActivationMax])
            {
                return "bad activation range";
            }
            return BinaryOperands.ValidateBroadcast(ctx, op, BinaryClampedParams.Broadcast, 4);
        }

        private static void RunClamped(KernelContext ctx, OpRecord op, int kind)
        {
            Run(ctx, op, kind, 4, BinaryClampedParams.Broadcast, op.Params[BinaryClampedParams.ActivationMin],
                op.Params[BinaryClampedParams.ActivationMax]);
        }

        // MAXIMUM and MINIMUM pass the whole int range as the activation range: the clamp then changes nothing.
        private static void Run(KernelContext ctx, OpRecord op, int kind, int width, int at, int actMin, int actMax)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[BinarySlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[BinarySlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[BinarySlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[BinarySlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[BinarySlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[BinarySlots.OutOutput]);

            int rows = Broadcast.RowCount(p, at);
            int n = p[at + Broadcast.RowLength];
            int step1 = width * p[at + Broadcast.RowStride1];
            int step2 = width * p[at + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + width * Broadcast.RowOffset(p, at, row, 0);
                int bi = bBase + width * Broadcast.RowOffset(p, at, row, 1);
                for (int i = 0; i < n; i++)
                {
                    int x;
                    int y;
                    if (width == 1)
                    {
                        x = (sbyte)a[ai];
                        y = (sbyte)b[bi];
                    }
                    else if (width == 2)
                    {
                        x = (short)(a[ai] | (a[ai + 1] << 8));
                        y = (short)(b[bi] | (b[bi + 1] << 8));
                    }
                    else
                    {
                        x = a[ai] | (a[ai + 1] << 8) | (a[ai + 2] << 16) | (a[ai + 3] << 24);
                        y = b[bi] | (b[bi + 1] << 8) | (b[bi + 2] << 16) | (b[bi + 3] << 24);
                    }
                    int r;
                    switch (kind)
                    {
                        case Add:
                            r = x + y;
                            break;
                        case Subtract:
                            r = x - y;
                            break;
                        case Multiply:
                            r = x * y;
                            break;
                        case Maximum:
                            r = x > y ? x : y;
                            break;
                        default:
                            r = x < y ? x : y;
                            break;
                    }
                    r = r < actMin ? actMin : r;
                    r = actMax < r ? actMax : r;
                    // Little-endian, the low byte first; int8 and int16 results already lie in their range.
                    o[oi] = (byte)r;
                    if (width > 1)
                    {
                        o[oi + 1] = (byte)(r >> 8);
                        if (width > 2)
                        {
                            o[oi + 2] = (byte)(r >> 16);
                            o[oi + 3] = (byte)(r >> 24);
                        }
                    }
                    oi += width;
                    ai += step1;
                    bi += step2;
                }
            }
        }
    }
}
