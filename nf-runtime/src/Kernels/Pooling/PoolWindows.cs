using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Pooling
{
    /// <summary>
    /// The window walk of <see cref="AveragePoolS8"/>, <see cref="AveragePoolS16"/>, <see cref="MaxPoolS8"/> and
    /// <see cref="MaxPoolS16"/> (inputs, outputs and Params as documented on <see cref="PoolGeometry"/>), bit-exact with
    /// TFLM's reference kernels: each output pixel's window is clipped to the input (padding excluded), then every
    /// channel is reduced to the rounded mean or the largest value and clamped. The reduction loop of each kernel is
    /// chosen once per output pixel, so the per-element work is that kernel's own.
    /// </summary>
    public static class PoolWindows
    {
        /// <summary>Pools every window of the input into the output.</summary>
        /// <param name="ctx">The tensors.</param>
        /// <param name="op">The pooling record.</param>
        /// <param name="elementBytes">1 for int8, 2 for int16 (little-endian).</param>
        /// <param name="average">True for AVERAGE_POOL_2D (sum / covered count, rounded half away from zero), false
        /// for MAX_POOL_2D.</param>
        public static void Run(KernelContext ctx, OpRecord op, int elementBytes, bool average)
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
            // Byte distance between two horizontally adjacent input pixels.
            int pixelBytes = depth * elementBytes;
            for (int b = 0; b < batches; b++)
            {
                int batchBase = b * inHeight;
                for (int outY = 0; outY < outHeight; outY++)
                {
                    // The covered input rows [yLo, yHi) in absolute coordinates, as TFLM walks them: validation keeps
                    // the window's origin inside (-filter, input size), so the wrapping multiply yields it exactly
                    // and no sum here leaves int32, even for pads and filters near int.MaxValue.
                    int inYOrigin = outY * strideHeight - padTop;
                    int yLo = inYOrigin < 0 ? 0 : inYOrigin;
                    int yHi = inYOrigin >= inHeight - filterHeight ? inHeight : inYOrigin + filterHeight;
                    for (int outX = 0; outX < outWidth; outX++)
                    {
                        int inXOrigin = outX * strideWidth - padLeft;
                        int xLo = inXOrigin < 0 ? 0 : inXOrigin;
                        int xHi = inXOrigin >= inWidth - filterWidth ? inWidth : inXOrigin + filterWidth;
                        int rows = yHi - yLo;
                        int cols = xHi - xLo;
                        // Byte offset of channel 0 of the window's first covered input; each kernel's loop runs over
                        // the pixel's channels, chosen once per pixel.
                        int origin = inputOffset + ((batchBase + yLo) * inWidth + xLo) * pixelBytes;
                        int rowBytes = inWidth * pixelBytes;
                        if (average)
                        {
                            outIndex = elementBytes == 1
                                ? AverageS8(input, origin, rowBytes, rows, cols, depth, actMin, actMax, output, outIndex)
                                : AverageS16(input, origin, rowBytes, rows, cols, depth, actMin, actMax, output, outIndex);
                        }
                        else
                        {
                            outIndex = elementBytes == 1
                                ? MaxS8(input, origin, rowBytes, rows, cols, depth, actMin, actMax, output, outIndex)
                                : MaxS16(input, origin, rowBytes, rows, cols, depth, actMin, actMax, output, outIndex);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// One output pixel of AVERAGE_POOL_2D int8: each channel's window sum divided by the covered count, rounded
        /// half away from zero, clamped. <paramref name="origin"/> is the byte offset of channel 0 of the window's
        /// first covered input, <paramref name="rows"/> by <paramref name="cols"/> the covered inputs,
        /// <paramref name="rowBytes"/> the bytes of one input row; returns the next output offset.
        /// </summary>
        private static int AverageS8(byte[] input, int origin, int rowBytes, int rows, int cols,
            int depth, int actMin, int actMax, byte[] output, int outIndex)
        {
            int count = rows * cols;
            for (int c = 0; c < depth; c++)
            {
                int acc = 0;
                for (int fy = 0; fy < rows; fy++)
                {
                    int row = origin + fy * rowBytes + c;
                    for (int fx = 0; fx < cols; fx++)
                    {
                        acc += (sbyte)input[row + fx * depth];
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
                outIndex++;
            }
            return outIndex;
        }

        /// <summary>One output pixel of AVERAGE_POOL_2D int16 (as <see cref="AverageS8"/>, little-endian elements).</summary>
        private static int AverageS16(byte[] input, int origin, int rowBytes, int rows, int cols,
            int depth, int actMin, int actMax, byte[] output, int outIndex)
        {
            int count = rows * cols;
            int pixelBytes = depth * 2;
            for (int c = 0; c < depth; c++)
            {
                int acc = 0;
                for (int fy = 0; fy < rows; fy++)
                {
                    int row = origin + fy * rowBytes + c * 2;
                    for (int fx = 0; fx < cols; fx++)
                    {
                        int at = row + fx * pixelBytes;
                        acc += (short)(input[at] | (input[at + 1] << 8));
                    }
                }
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
            return outIndex;
        }

        /// <summary>One output pixel of MAX_POOL_2D int8: each channel's largest covered input, clamped.</summary>
        private static int MaxS8(byte[] input, int origin, int rowBytes, int rows, int cols,
            int depth, int actMin, int actMax, byte[] output, int outIndex)
        {
            for (int c = 0; c < depth; c++)
            {
                int max = -128;
                for (int fy = 0; fy < rows; fy++)
                {
                    int row = origin + fy * rowBytes + c;
                    for (int fx = 0; fx < cols; fx++)
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
            return outIndex;
        }

        /// <summary>One output pixel of MAX_POOL_2D int16 (as <see cref="MaxS8"/>, little-endian elements).</summary>
        private static int MaxS16(byte[] input, int origin, int rowBytes, int rows, int cols,
            int depth, int actMin, int actMax, byte[] output, int outIndex)
        {
            int pixelBytes = depth * 2;
            for (int c = 0; c < depth; c++)
            {
                int max = -32768;
                for (int fy = 0; fy < rows; fy++)
                {
                    int row = origin + fy * rowBytes + c * 2;
                    for (int fx = 0; fx < cols; fx++)
                    {
                        int at = row + fx * pixelBytes;
                        int v = (short)(input[at] | (input[at + 1] << 8));
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
                output[outIndex + 1] = (byte)(max >> 8);
                outIndex += 2;
            }
            return outIndex;
        }
    }
}
