using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// DEPTHWISE_CONV_2D on float32, bit-exact with TFLM's reference_ops::DepthwiseConv (float): output channel
    /// <c>oc = in_channel * depth_multiplier + m</c> sums its taps in (filter_y, filter_x) order from 0, taps in the
    /// padding skipped, then <c>total + bias</c> (bias 0 without one) clamped as <c>min(max(x, lo), hi)</c>.
    /// <para>Inputs: [input NHWC, filter [1, f_h, f_w, out_c], bias [out_c] or -1]; outputs: [output NHWC].
    /// Tensor slots: <see cref="DepthwiseConvF32Slots"/>; Params: <see cref="DepthwiseConvF32Params"/>.</para>
    /// </summary>
    public static class DepthwiseConvF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[DepthwiseConvF32Params.Batches];
            int inH = p[DepthwiseConvF32Params.InputHeight];
            int inW = p[DepthwiseConvF32Params.InputWidth];
            int inC = p[DepthwiseConvF32Params.InputDepth];
            int fH = p[DepthwiseConvF32Params.FilterHeight];
            int fW = p[DepthwiseConvF32Params.FilterWidth];
            int multiplier = p[DepthwiseConvF32Params.DepthMultiplier];
            int outH = p[DepthwiseConvF32Params.OutputHeight];
            int outW = p[DepthwiseConvF32Params.OutputWidth];
            int outC = p[DepthwiseConvF32Params.OutputDepth];
            int strideH = p[DepthwiseConvF32Params.StrideHeight];
            int strideW = p[DepthwiseConvF32Params.StrideWidth];
            int dilH = p[DepthwiseConvF32Params.DilationHeight];
            int dilW = p[DepthwiseConvF32Params.DilationWidth];
            int padTop = p[DepthwiseConvF32Params.PaddingTop];
            int padLeft = p[DepthwiseConvF32Params.PaddingLeft];
            float actMin = FloatBits.FromBits(p[DepthwiseConvF32Params.ActivationMin]);
            float actMax = FloatBits.FromBits(p[DepthwiseConvF32Params.ActivationMax]);

            byte[] input = ctx.Buffer(op.Inputs[DepthwiseConvF32Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[DepthwiseConvF32Slots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[DepthwiseConvF32Slots.InFilter]);
            int filterBase = ctx.Offset(op.Inputs[DepthwiseConvF32Slots.InFilter]);
            int biasT = op.Inputs[DepthwiseConvF32Slots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] output = ctx.Buffer(op.Outputs[DepthwiseConvF32Slots.OutOutput]);
            int o = ctx.Offset(op.Outputs[DepthwiseConvF32Slots.OutOutput]);

            for (int batch = 0; batch < batches; batch++)
            {
                for (int outY = 0; outY < outH; outY++)
                {
                    int inYOrigin = outY * strideH - padTop;
                    for (int outX = 0; outX < outW; outX++)
                    {
                        int inXOrigin = outX * strideW - padLeft;
                        for (int ic = 0; ic < inC; ic++)
                        {
                            for (int m = 0; m < multiplier; m++)
                            {
                                int oc = m + ic * multiplier;
                                float total = 0.0f;
                                for (int fy = 0; fy < fH; fy++)
                                {
                                    int inY = inYOrigin + dilH * fy;
                                    if (inY < 0 || inY >= inH)
                                    {
                                        continue;
                                    }
                                    for (int fx = 0; fx < fW; fx++)
                                    {
                                        int inX = inXOrigin + dilW * fx;
                                        if (inX < 0 || inX >= inW)
                                        {
                                            continue;
                                        }
                                        float x = BitConverter.ToSingle(input, inBase + 4 * (((batch * inH + inY) * inW + inX) * inC + ic));
                                        float w = BitConverter.ToSingle(filter, filterBase + 4 * ((fy * fW + fx) * outC + oc));
                                        float product = x * w;
                                        total += product;
                                    }
                                }
                                FloatBiasClamp.Store(output, o, total, bias, biasBase, oc, actMin, actMax);
                                o += 4;
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return FloatChecks.Conv(ctx, op, true);
        }
    }
}
