using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// AVERAGE_POOL_2D and MAX_POOL_2D on float32, bit-exact with TFLM's reference_ops::AveragePool / MaxPool (float).
    /// Both visit the window clamped to the input in (filter_y, filter_x) order: the average sums from 0 and divides
    /// by the float count of its taps; the maximum starts at -FLT_MAX and takes <c>std::max(max, x)</c> (a NaN input is
    /// skipped unless it comes first). The result is clamped as <c>min(max(x, lo), hi)</c>.
    /// <para>Inputs: [input NHWC]; outputs: [output NHWC]. Tensor slots: <see cref="PoolF32Slots"/>; Params:
    /// <see cref="PoolF32Params"/> (TFLM's top/left padding values, the activation range as IEEE-754 bits).</para>
    /// </summary>
    public static class PoolF32
    {
        /// <summary>Averages every window of the input into the output. Assumes the record was validated.</summary>
        public static void RunAveragePoolF32(KernelContext ctx, OpRecord op)
        {
            Pool(ctx, op, false);
        }

        /// <summary>Takes the maximum of every window of the input into the output. Assumes the record was validated.</summary>
        public static void RunMaxPoolF32(KernelContext ctx, OpRecord op)
        {
            Pool(ctx, op, true);
        }

        /// <summary>Returns null if the record is valid for AVERAGE_POOL_2D float32, else what is wrong.</summary>
        public static string ValidateAveragePoolF32(KernelContext ctx, OpRecord op)
        {
            return PoolF32Checks.Validate(ctx, op);
        }

        /// <summary>Returns null if the record is valid for MAX_POOL_2D float32, else what is wrong.</summary>
        public static string ValidateMaxPoolF32(KernelContext ctx, OpRecord op)
        {
            return PoolF32Checks.Validate(ctx, op);
        }

        private static void Pool(KernelContext ctx, OpRecord op, bool isMax)
        {
            int[] p = op.Params;
            int batches = p[PoolF32Params.Batches];
            int inHeight = p[PoolF32Params.InputHeight];
            int inWidth = p[PoolF32Params.InputWidth];
            int depth = p[PoolF32Params.Depth];
            int outHeight = p[PoolF32Params.OutputHeight];
            int outWidth = p[PoolF32Params.OutputWidth];
            int strideHeight = p[PoolF32Params.StrideHeight];
            int strideWidth = p[PoolF32Params.StrideWidth];
            int filterHeight = p[PoolF32Params.FilterHeight];
            int filterWidth = p[PoolF32Params.FilterWidth];
            int padTop = p[PoolF32Params.PaddingTop];
            int padLeft = p[PoolF32Params.PaddingLeft];
            float actMin = FloatBits.FromBits(p[PoolF32Params.ActivationMin]);
            float actMax = FloatBits.FromBits(p[PoolF32Params.ActivationMax]);
            byte[] input = ctx.Buffer(op.Inputs[PoolF32Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[PoolF32Slots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[PoolF32Slots.OutOutput]);
            int o = ctx.Offset(op.Outputs[PoolF32Slots.OutOutput]);
            for (int b = 0; b < batches; b++)
            {
                for (int outY = 0; outY < outHeight; outY++)
                {
                    int inYOrigin = outY * strideHeight - padTop;
                    // The covered input rows [yLo, yHi), columns [xLo, xHi) (PoolWindows.Run says why so).
                    int yLo = inYOrigin < 0 ? 0 : inYOrigin;
                    int yHi = inYOrigin >= inHeight - filterHeight ? inHeight : inYOrigin + filterHeight;
                    for (int outX = 0; outX < outWidth; outX++)
                    {
                        int inXOrigin = outX * strideWidth - padLeft;
                        int xLo = inXOrigin < 0 ? 0 : inXOrigin;
                        int xHi = inXOrigin >= inWidth - filterWidth ? inWidth : inXOrigin + filterWidth;
                        for (int c = 0; c < depth; c++)
                        {
                            float total = 0.0f;
                            float count = 0.0f;
                            float max = -3.40282347e+38f;
                            for (int y = yLo; y < yHi; y++)
                            {
                                int row = inBase + 4 * (((b * inHeight + y) * inWidth + xLo) * depth + c);
                                for (int fx = 0; fx < xHi - xLo; fx++)
                                {
                                    float x = BitConverter.ToSingle(input, row + 4 * fx * depth);
                                    total += x;
                                    count += 1.0f;
                                    max = max < x ? x : max;
                                }
                            }
                            float r = isMax ? max : total / count;
                            r = r < actMin ? actMin : r;
                            r = actMax < r ? actMax : r;
                            FloatBits.Write(output, o, r);
                            o += 4;
                        }
                    }
                }
            }
        }
    }
}
