using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Pooling
{
    /// <summary>
    /// Load-time check of the optional second output of an int8 or int16 AVERAGE_POOL_2D record: the scratch that
    /// <c>tinylite compile --cmsis-nn</c> reserves for the CMSIS-NN backend of the native kernels (the buffer of
    /// arm_avgpool_s8 / arm_avgpool_s16: one int32 per channel). The managed kernels never touch it; the native loader
    /// refuses a smaller one (native-kernels/src/portable/pooling/tl_pool_checks.c, every native build), so the
    /// managed loader does too: an int8 tensor of at least 4 * depth bytes at a 4-byte aligned offset inside its buffer.
    /// </summary>
    public static class CmsisNnPoolScratch
    {
        /// <summary>
        /// Checks an AVERAGE_POOL_2D record (<see cref="PoolGeometry"/> with the given element type, size and clamp
        /// range) that may carry the CMSIS-NN scratch as a second output: the pooling record without it, then the scratch.
        /// </summary>
        public static string ValidatePool(KernelContext ctx, OpRecord op, int type, int elementBytes, int min, int max)
        {
            if (op.Outputs == null || op.Outputs.Length != PoolSlots.OutScratch + 1)
            {
                return PoolGeometry.Validate(ctx, op, type, elementBytes, min, max);
            }
            // The output is slot 0 (PoolSlots.OutOutput), the scratch slot 1.
            string e = PoolGeometry.Validate(ctx, RecordChecks.WithFirstOutputOnly(op), type, elementBytes, min, max);
            return e != null ? e : Validate(ctx, op.Outputs[PoolSlots.OutScratch], op.Params[PoolParams.Depth]);
        }

        /// <summary>Null when tensor <paramref name="t"/> is a large enough scratch for <paramref name="depth"/> channels; an error otherwise.</summary>
        public static string Validate(KernelContext ctx, int t, int depth)
        {
            if (t < 0 || t >= ctx.TensorCount)
            {
                return "CMSIS-NN scratch: tensor index " + t.ToString() + " out of range";
            }
            if (ctx.Type(t) != TensorType.Int8)
            {
                return "CMSIS-NN scratch: tensor " + t.ToString() + " has type " + ctx.Type(t).ToString() + ", expected int8";
            }
            long needed = 4L * depth;
            if (ctx.ByteSize(t) < needed)
            {
                return "CMSIS-NN scratch: tensor " + t.ToString() + " has " + ctx.ByteSize(t).ToString() + " bytes, needs " + needed.ToString();
            }
            byte[] buffer = ctx.Buffer(t);
            int offset = ctx.Offset(t);
            if (buffer == null || offset < 0 || (offset & 3) != 0 || (long)offset + ctx.ByteSize(t) > buffer.Length)
            {
                return "CMSIS-NN scratch: tensor " + t.ToString() + " is not 4-byte aligned inside its buffer";
            }
            return null;
        }
    }
}
