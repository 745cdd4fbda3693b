using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// CONV_2D on float32, bit-exact with TFLM's reference_ops::Conv (float): for each output element one float
    /// sum started at 0, products added in (filter_y, filter_x, in_channel) order with taps in the padding skipped,
    /// then <c>total + bias</c> (bias 0 without one) clamped as <c>min(max(x, lo), hi)</c>. Grouped convolution
    /// when input_depth is a multiple of filter_depth. No fused multiply-add.
    /// <para>Inputs: [input NHWC, filter OHWI (out_c, f_h, f_w, filter_depth), bias [out_c] or -1]; outputs:
    /// [output NHWC]. Tensor slots: <see cref="ConvF32Slots"/>; Params: <see cref="ConvF32Params"/> (the padding
    /// is TFLM's top/left padding value, the activation range IEEE-754 bits).</para>
    /// </summary>
    public static class ConvF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[ConvF32Params.Batches];
            int inH = p[ConvF32Params.InputHeight];
            int inW = p[ConvF32Params.InputWidth];
            int inC = p[ConvF32Params.InputDepth];
            int fH = p[ConvF32Params.FilterHeight];
            int fW = p[ConvF32Params.FilterWidth];
            int fC = p[ConvF32Params.FilterDepth];
            int outH = p[ConvF32Params.OutputHeight];
            int outW = p[ConvF32Params.OutputWidth];
            int outC = p[ConvF32Params.OutputDepth];
            int strideH = p[ConvF32Params.StrideHeight];
            int strideW = p[ConvF32Params.StrideWidth];
            int dilH = p[ConvF32Params.DilationHeight];
            int dilW = p[ConvF32Params.DilationWidth];
            int padTop = p[ConvF32Params.PaddingTop];
            int padLeft = p[ConvF32Params.PaddingLeft];
            float actMin = FloatBits.FromBits(p[ConvF32Params.ActivationMin]);
            float actMax = FloatBits.FromBits(p[ConvF32Params.ActivationMax]);
            int filtersPerGroup = outC / (inC / fC);

            byte[] input = ctx.Buffer(op.Inputs[ConvF32Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[ConvF32Slots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[ConvF32Slots.InFilter]);
            int filterBase = ctx.Offset(op.Inputs[ConvF32Slots.InFilter]);
            int biasT = op.Inputs[ConvF32Slots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] output = ctx.Buffer(op.Outputs[ConvF32Slots.OutOutput]);
            int o = ctx.Offset(op.Outputs[ConvF32Slots.OutOutput]);

            for (int batch = 0; batch < batches; batch++)
            {
                for (int outY = 0; outY < outH; outY++)
                {
                    int inYOrigin = outY * strideH - padTop;
                    for (int outX = 0; outX < outW; outX++)
                    {
                        int inXOrigin = outX * strideW - padLeft;
                        for (int outCh = 0; outCh < outC; outCh++)
                        {
                            int group = outCh / filtersPerGroup;
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
                                    int ii = inBase + 4 * (((batch * inH + inY) * inW + inX) * inC + group * fC);
                                    int fi = filterBase + 4 * (((outCh * fH + fy) * fW + fx) * fC);
                                    for (int ic = 0; ic < fC; ic++)
                                    {
                                        float product = BitConverter.ToSingle(input, ii) * BitConverter.ToSingle(filter, fi);
                                        total += product;
                                        ii += 4;
                                        fi += 4;
                                    }
                                }
                            }
                            FloatBiasClamp.Store(output, o, total, bias, biasBase, outCh, actMin, actMax);
                            o += 4;
                        }
                    }
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return FloatChecks.Conv(ctx, op, false);
        }
    }
}
