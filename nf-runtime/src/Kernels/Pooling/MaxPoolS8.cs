using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Pooling
{
    /// <summary>
    /// MAX_POOL_2D on int8, bit-exact with TFLM's reference kernel. Inputs, outputs and Params as documented on
    /// <see cref="PoolGeometry"/>. Each output is the largest input in its window (padding excluded), then clamped.
    /// </summary>
    public static class MaxPoolS8
    {
        /// <summary>Pools every window of the input into the output.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[PoolParams.Batches];
            int inHeight = p[PoolParams.InputHeight];
            int inWidth = p[PoolParams.InputWidth];
            int depth = p[PoolParams.Depth];
            int outHeight = p[PoolParams.OutputHeight];
            int outWidth = p[PoolParams.OutputWidth];
            int strideHeight = p[PoolParams.StrideHeight];
            int strideWidth = p[PoolParams.StrideWidth];
            int filterHeight = p[PoolParams.FilterHeight];
            int filterWidth = p[PoolParams.FilterWidth];
            int padTop = p[PoolParams.PaddingTop];
            int padLeft = p[PoolParams.PaddingLeft];
            int actMin = p[PoolParams.ActivationMin];
            int actMax = p[PoolParams.ActivationMax];
            byte[] input = ctx.Buffer(op.Inputs[PoolSlots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[PoolSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[PoolSlots.OutOutput]);
            int outIndex = ctx.Offset(op.Outputs[PoolSlots.OutOutput]);
            for (int b = 0; b < batches; b++)
            {
                int batchBase = b * inHeight;
                for (int outY = 0; outY < outHeight; outY++)
                {
                    int inYOrigin = outY * strideHeight - padTop;
                    int yStart = inYOrigin < 0 ? -inYOrigin : 0;
                    int yEnd = inHeight - inYOrigin < filterHeight ? inHeight - inYOrigin : filterHeight;
                    for (int outX = 0; outX < outWidth; outX++)
                    {
                        int inXOrigin = outX * strideWidth - padLeft;
                        int xStart = inXOrigin < 0 ? -inXOrigin : 0;
                        int xEnd = inWidth - inXOrigin < filterWidth ? inWidth - inXOrigin : filterWidth;
                        for (int c = 0; c < depth; c++)
                        {
                            int max = -128;
                            for (int fy = yStart; fy < yEnd; fy++)
                            {
                                int row = inputOffset + ((batchBase + inYOrigin + fy) * inWidth + inXOrigin) * depth + c;
                                for (int fx = xStart; fx < xEnd; fx++)
                                {
                                    int v = (sbyte)input[row + fx * depth];
                                    if (v > max)
                                    {
                                        max = v;
                                    }
                                }
                            }
                            if (max < actMin)
                            {
                                max = actMin;
                            }
                            if (max > actMax)
                            {
                                max = actMax;
                            }
                            output[outIndex] = (byte)max;
                            outIndex++;
                        }
                    }
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return PoolGeometry.Validate(ctx, op, TensorType.Int8, 1, -128, 127);
        }
    }
}
