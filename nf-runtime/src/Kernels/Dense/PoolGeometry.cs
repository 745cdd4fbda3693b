using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// The Params layout shared by the pooling kernels (<see cref="AveragePoolS8"/>, <see cref="AveragePoolS16"/>,
    /// <see cref="MaxPoolS8"/>, <see cref="MaxPoolS16"/>) and its load-time check.
    /// <para>Inputs: [0] input NHWC [batches, inHeight, inWidth, depth]. Outputs: [0] output NHWC
    /// [batches, outHeight, outWidth, depth], same element type and quantization.</para>
    /// <para>Params: [0] batches, [1] inHeight, [2] inWidth, [3] depth, [4] outHeight, [5] outWidth,
    /// [6] strideHeight, [7] strideWidth, [8] filterHeight, [9] filterWidth, [10] padTop, [11] padLeft (TFLM's
    /// padding values: the window of output (y, x) starts at input row y * strideHeight - padTop),
    /// [12] activation min, [13] activation max.</para>
    /// </summary>
    public static class PoolGeometry
    {
        /// <summary>Number of Params entries.</summary>
        public const int ParamCount = 14;

        /// <summary>
        /// Checks a pooling record: sizes of input and output, positive dimensions and strides, non-negative padding,
        /// every window overlapping the input (TFLM fails on an empty average window), activation range inside the
        /// element type's range.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op, int ioType, int ioBytes, int typeMin, int typeMax)
        {
            string e = DenseValidation.Shape(op, 1, 1, ParamCount);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = DenseValidation.AtLeast(p, 0, 10, 1);
            if (e == null)
            {
                e = DenseValidation.AtLeast(p, 10, 2, 0);
            }
            if (e != null)
            {
                return e;
            }
            long batches = p[0];
            long depth = p[3];
            e = DenseValidation.Tensor(ctx, op.Inputs[0], ioType, batches * p[1] * p[2] * depth * ioBytes, "input");
            if (e == null)
            {
                e = DenseValidation.Tensor(ctx, op.Outputs[0], ioType, batches * p[4] * p[5] * depth * ioBytes, "output");
            }
            if (e == null)
            {
                e = Windows(p[4], p[6], p[8], p[10], p[1]);
            }
            if (e == null)
            {
                e = Windows(p[5], p[7], p[9], p[11], p[2]);
            }
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(p[12], p[13], typeMin, typeMax);
        }

        /// <summary>Checks along one axis that each output's window, clamped to the input, is not empty.</summary>
        private static string Windows(int outSize, int stride, int filter, int pad, int inSize)
        {
            for (int o = 0; o < outSize; o++)
            {
                long origin = (long)o * stride - pad;
                long start = origin < 0 ? -origin : 0;
                long end = inSize - origin < filter ? inSize - origin : filter;
                if (start >= end)
                {
                    return "pooling window of output " + o.ToString() + " lies outside the input";
                }
            }
            return null;
        }
    }
}
