using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// AVERAGE_POOL_2D on float32, bit-exact with TFLM's reference_ops::AveragePool (float): the window clamped to the
    /// input is summed in (filter_y, filter_x) order from 0 and divided by the float count of its taps, then clamped as
    /// <c>min(max(x, lo), hi)</c>.
    /// <para>Inputs: [input NHWC]; outputs: [output NHWC]. Tensor slots: <see cref="PoolF32Slots"/>; Params:
    /// <see cref="PoolF32Params"/> (TFLM's top/left padding values, the activation range as IEEE-754 bits).</para>
    /// </summary>
    public static class AveragePoolF32
    {
        /// <summary>Pools every window of the input into the output. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
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
                    int yStart = inYOrigin < 0 ? -inYOrigin : 0;
                    int yEnd = inHeight - inYOrigin < filterHeight ? inHeight - inYOrigin : filterHeight;
                    for (int outX = 0; outX < outWidth; outX++)
                    {
                        int inXOrigin = outX * strideWidth - padLeft;
                        int xStart = inXOrigin < 0 ? -inXOrigin : 0;
                        int xEnd = inWidth - inXOrigin < filterWidth ? inWidth - inXOrigin : filterWidth;
                        for (int c = 0; c < depth; c++)
                        {
                            float total = 0.0f;
                            float count = 0.0f;
                            for (int fy = yStart; fy < yEnd; fy++)
                            {
                                int row = inBase + 4 * (((b * inHeight + inYOrigin + fy) * inWidth + inXOrigin) * depth + c);
                                for (int fx = xStart; fx < xEnd; fx++)
                                {
                                    total += BitConverter.ToSingle(input, row + 4 * fx * depth);
                                    count += 1.0f;
                                }
                            }
                            float r = total / count;
                            r = r < actMin ? actMin : r;
                            r = actMax < r ? actMax : r;
                            FloatBits.Write(output, o, r);
                            o += 4;
                        }
                    }
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return PoolF32Checks.Validate(ctx, op);
        }
    }
}
