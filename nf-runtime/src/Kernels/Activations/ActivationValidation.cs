using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// Load-time checks of the activation kernels' records (softmax, the lookup tables of int8 and int16 logistic
    /// and tanh), on top of the shared record checks of <see cref="DenseValidation"/>: each returns null when the
    /// record is valid, else what is wrong.
    /// </summary>
    public static class ActivationValidation
    {
        /// <summary>
        /// Checks the optional CMSIS-NN values of an int8 SOFTMAX record: a positive multiplier, a left shift in
        /// [0, 30] and a diff_min &lt;= 0 such that every scaled difference at or above it (at least -255 * 2^shift)
        /// fits int32, so that CMSIS-NN's fixed-point arithmetic stays defined.
        /// </summary>
        public static string SoftmaxCmsisNnValues(int multiplier, int shift, int diffMin)
        {
            if (multiplier <= 0)
            {
                return "softmax multiplier must be positive";
            }
            if (shift < 0 || shift > 30)
            {
                return "softmax left shift must be in [0, 30]";
            }
            // Differences to the row maximum are at least -255; those at or above diff_min get scaled.
            int lowest = diffMin < -255 ? -255 : diffMin;
            if (diffMin > 0 || ((long)lowest << shift) < int.MinValue)
            {
                return "softmax diff_min out of range";
            }
            return null;
        }

        /// <summary>Checks a SOFTMAX record with int8 input (see <see cref="SoftmaxS8"/> for the layout).</summary>
        public static string SoftmaxS8(KernelContext ctx, OpRecord op, int paramCount, int outType, int outBytes)
        {
            // The three CMSIS-NN values are optional (the layout's optional tail, SoftmaxS8Params.MaxLength).
            int given = op.Params != null && op.Params.Length == SoftmaxS8Params.MaxLength
                ? SoftmaxS8Params.MaxLength
                : paramCount;
            string e = RecordChecks.Arity(op, 2, 1, given);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = DenseValidation.AtLeast(p, SoftmaxS8Params.Rows, 2, 1);
            if (e == null && given == SoftmaxS8Params.MaxLength)
            {
                e = SoftmaxCmsisNnValues(p[SoftmaxS8Params.BetaMultiplier], p[SoftmaxS8Params.BetaShift],
                    p[SoftmaxS8Params.DiffMin]);
            }
            if (e != null)
            {
                return e;
            }
            long count = (long)p[SoftmaxS8Params.Rows] * p[SoftmaxS8Params.Depth];
            if (count > int.MaxValue / 2)
            {
                return "input too large";
            }
            e = RecordChecks.Tensor(ctx, op.Inputs[SoftmaxS8Slots.InInput], TensorType.Int8, count, "input");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[SoftmaxS8Slots.InExpTable], TensorType.Int32, 256 * 4, "exp table");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[SoftmaxS8Slots.OutOutput], outType, count * outBytes, "output");
            }
            if (e != null)
            {
                return e;
            }
            byte[] table = ctx.Buffer(op.Inputs[SoftmaxS8Slots.InExpTable]);
            int offset = ctx.Offset(op.Inputs[SoftmaxS8Slots.InExpTable]);
            for (int k = 0; k < 256; k++)
            {
                if (LittleEndian.ReadInt32(table, offset + 4 * k) < 0)
                {
                    return "exp table entry " + k.ToString() + " is negative";
                }
            }
            return null;
        }

        /// <summary>Checks a lookup record (the lookup_s8 and lookup_s16 layouts, which share the count and the
        /// input, table and output slots): one data input, a constant table of at least <paramref name="tableBytes"/>
        /// bytes, one output.</summary>
        public static string Lookup(KernelContext ctx, OpRecord op, int paramCount, int ioType, int ioBytes,
            int tableType, int tableBytes)
        {
            string e = RecordChecks.Arity(op, 2, 1, paramCount);
            if (e != null)
            {
                return e;
            }
            e = DenseValidation.AtLeast(op.Params, LookupS8Params.Count, 1, 0);
            if (e != null)
            {
                return e;
            }
            long count = op.Params[LookupS8Params.Count];
            e = RecordChecks.Tensor(ctx, op.Inputs[LookupS8Slots.InInput], ioType, count * ioBytes, "input");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[LookupS8Slots.InTable], tableType, tableBytes, "table");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[LookupS8Slots.OutOutput], ioType, count * ioBytes, "output");
            }
            return e;
        }

        /// <summary>
        /// Checks the input rescaling of the int16 logistic/tanh kernels: a multiplier in [0, 32767] (so
        /// x * multiplier stays inside int32 for any int16 x, as TFLM asserts) and a right shift in [0, 31].
        /// </summary>
        public static string LookupScaling(int multiplier, int shift)
        {
            if (multiplier < 0 || multiplier > 32767 || shift < 0 || shift > 31)
            {
                return "input multiplier " + multiplier.ToString() + " shift " + shift.ToString() + " out of range";
            }
            return null;
        }
    }
}
