using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Pooling
{
    /// <summary>
    /// The Params layout shared by the pooling kernels (<see cref="AveragePoolS8"/>, <see cref="AveragePoolS16"/>,
    /// <see cref="MaxPoolS8"/>, <see cref="MaxPoolS16"/>) and its load-time check.
    /// <para>Inputs: [0] input NHWC [batches, inHeight, inWidth, depth]. Outputs: [0] output NHWC
    /// [batches, outHeight, outWidth, depth], same element type and quantization.</para>
    /// <para>Params: the pool layout, <see cref="PoolParams"/>; the paddings are TFLM's padding values (the window
    /// of output (y, x) starts at input row y * strideHeight - paddingTop), the activation range is quantized.</para>
    /// </summary>
    public static class PoolGeometry
    {
        /// <summary>
        /// Checks a pooling record: sizes of input and output, positive dimensions and strides, non-negative padding,
        /// every window overlapping the input (TFLM fails on an empty average window), activation range inside the
        /// element type's range.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op, int ioType, int ioBytes, int typeMin, int typeMax)
        {
            string e = RecordChecks.Arity(op, 1, 1, PoolParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            // Everything up to the filter width is positive, the two paddings non-negative.
            e = DenseValidation.AtLeast(p, PoolParams.Batches, PoolParams.PaddingTop, 1);
            if (e == null)
            {
                e = DenseValidation.AtLeast(p, PoolParams.PaddingTop, 2, 0);
            }
            if (e != null)
            {
                return e;
            }
            long batches = p[PoolParams.Batches];
            long depth = p[PoolParams.Depth];
            e = RecordChecks.Tensor(ctx, op.Inputs[PoolSlots.InInput], ioType,
                batches * p[PoolParams.InputHeight] * p[PoolParams.InputWidth] * depth * ioBytes, "input");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[PoolSlots.OutOutput], ioType,
                    batches * p[PoolParams.OutputHeight] * p[PoolParams.OutputWidth] * depth * ioBytes, "output");
            }
            if (e == null)
            {
                e = RecordChecks.PoolWindows(p[PoolParams.OutputHeight], p[PoolParams.StrideHeight], p[PoolParams.FilterHeight],
                    p[PoolParams.PaddingTop], p[PoolParams.InputHeight]);
            }
            if (e == null)
            {
                e = RecordChecks.PoolWindows(p[PoolParams.OutputWidth], p[PoolParams.StrideWidth], p[PoolParams.FilterWidth],
                    p[PoolParams.PaddingLeft], p[PoolParams.InputWidth]);
            }
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(p[PoolParams.ActivationMin], p[PoolParams.ActivationMax], typeMin,
                typeMax);
        }
    }
}
