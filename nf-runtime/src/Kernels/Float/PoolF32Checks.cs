using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// The load-time check of the pool_f32 layout (<see cref="PoolF32"/>): sizes of
    /// input and output, positive dimensions, strides and filter, non-negative padding, every window overlapping the
    /// input (TFLM fails on an empty average window) and a valid activation range.
    /// </summary>
    public static class PoolF32Checks
    {
        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 1, 1, PoolF32Params.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = FloatChecks.Within(p, PoolF32Params.Batches, PoolF32Params.PaddingTop - PoolF32Params.Batches, 1,
                int.MaxValue);
            if (e == null)
            {
                e = FloatChecks.Within(p, PoolF32Params.PaddingTop, 2, 0, 65535);
            }
            if (e != null)
            {
                return e;
            }
            int batches = p[PoolF32Params.Batches];
            int depth = p[PoolF32Params.Depth];
            e = FloatChecks.Tensor(ctx, op.Inputs[PoolF32Slots.InInput], FloatChecks.Elements(batches,
                p[PoolF32Params.InputHeight], p[PoolF32Params.InputWidth], depth), "input");
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Outputs[PoolF32Slots.OutOutput], FloatChecks.Elements(batches,
                    p[PoolF32Params.OutputHeight], p[PoolF32Params.OutputWidth], depth), "output");
            }
            if (e == null)
            {
                e = Windows(p[PoolF32Params.OutputHeight], p[PoolF32Params.StrideHeight], p[PoolF32Params.FilterHeight],
                    p[PoolF32Params.PaddingTop], p[PoolF32Params.InputHeight]);
            }
            if (e == null)
            {
                e = Windows(p[PoolF32Params.OutputWidth], p[PoolF32Params.StrideWidth], p[PoolF32Params.FilterWidth],
                    p[PoolF32Params.PaddingLeft], p[PoolF32Params.InputWidth]);
            }
            if (e != null)
            {
                return e;
            }
            return FloatChecks.ActivationRange(p[PoolF32Params.ActivationMin], p[PoolF32Params.ActivationMax]);
        }

        /// <summary>Checks along one axis that each output's window, clamped to the input, is not empty.</summary>
        private static string Windows(int outSize, int stride, int filter, int pad, int inSize)
        {
            string e = FloatChecks.Reach(outSize, stride, filter, 1, pad);
            return e != null ? e : RecordChecks.PoolWindows(outSize, stride, filter, pad, inSize);
        }
    }
}
