using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// AVERAGE_POOL_2D on int16, bit-exact with TFLM's reference kernel. Inputs, outputs and Params as documented on
    /// <see cref="PoolGeometry"/>. Each output is the window sum divided by the number of input elements the window covers (padding excluded), rounded half away from zero, then clamped.
    /// <para>An optional second output is the scratch of the native CMSIS-NN backend (<c>compile --cmsis-nn</c>; see
    /// <see cref="CmsisNnPoolScratch"/>): never touched here.</para>
    /// </summary>
    public static class AveragePoolS16
    {
        /// <summary>Pools every window of the input into the output.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[0];
            int inHeight = p[1];
            int inWidth = p[2];
            int depth = p[3];
            int outHeight = p[4];
            int outWidth = p[5];
            int strideHeight = p[6];
            int strideWidth = p[7];
            int filterHeight = p[8];
            int filterWidth = p[9];
            int padTop = p[10];
            int padLeft = p[11];
            int actMin = p[12];
            int actMax = p[13];
            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inputOffset = ctx.Offset(op.Inputs[0]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outIndex = ctx.Offset(op.Outputs[0]);
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
                        int count = (yEnd - yStart) * (xEnd - xStart);
                        for (int c = 0; c < depth; c++)
                        {
                            int acc = 0;
                            for (int fy = yStart; fy < yEnd; fy++)
                            {
                                int row = inputOffset + (((batchBase + inYOrigin + fy) * inWidth + inXOrigin) * depth + c) * 2;
                                for (int fx = xStart; fx < xEnd; fx++)
                                {
                                    int at = row + fx * depth * 2;
                                    acc += (short)(input[at] | (input[at + 1] << 8));
                                }
                            }
                            // Round half away from zero (C division truncates toward zero).
                            acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                            if (acc < actMin)
                            {
                                acc = actMin;
                            }
                            if (acc > actMax)
                            {
                                acc = actMax;
                            }
                            output[outIndex] = (byte)acc;
                            output[outIndex + 1] = (byte)(acc >> 8);
                            outIndex += 2;
                        }
                    }
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return CmsisNnPoolScratch.ValidatePool(ctx, op, TensorType.Int16, 2, -32768, 32767);
        }
    }
}
