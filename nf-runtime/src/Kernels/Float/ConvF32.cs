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
                            float biasValue = bias != null ? BitConverter.ToSingle(bias, biasBase + 4 * outCh) : 0.0f;
                            float r = total + biasValue;
                            // std::min(std::max(r, lo), hi).
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
            string e = FloatChecks.Shape(op, 3, 1, ConvF32Params.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = FloatChecks.Within(p, ConvF32Params.Batches, ConvF32Params.OutputDepth - ConvF32Params.Batches + 1, 1,
                int.MaxValue);
            if (e == null)
            {
                e = FloatChecks.Within(p, ConvF32Params.StrideHeight, 4, 1, 65535);
            }
            if (e == null)
            {
                e = FloatChecks.Within(p, ConvF32Params.PaddingTop, 2, 0, 65535);
            }
            if (e != null)
            {
                return e;
            }
            int inC = p[ConvF32Params.InputDepth];
            int fC = p[ConvF32Params.FilterDepth];
            int outC = p[ConvF32Params.OutputDepth];
            if (inC % fC != 0 || outC % (inC / fC) != 0)
            {
                return "input depth, filter depth and output depth do not form whole groups";
            }
            int batches = p[ConvF32Params.Batches];
            e = FloatChecks.Tensor(ctx, op.Inputs[ConvF32Slots.InInput], FloatChecks.Elements(batches,
                p[ConvF32Params.InputHeight], p[ConvF32Params.InputWidth], inC), "input");
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Inputs[ConvF32Slots.InFilter], FloatChecks.Elements(outC,
                    p[ConvF32Params.FilterHeight], p[ConvF32Params.FilterWidth], fC), "filter");
            }
            if (e == null)
            {
                e = FloatChecks.OptionalTensor(ctx, op.Inputs[ConvF32Slots.InBias], outC, "bias");
            }
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Outputs[ConvF32Slots.OutOutput], FloatChecks.Elements(batches,
                    p[ConvF32Params.OutputHeight], p[ConvF32Params.OutputWidth], outC), "output");
            }
            if (e == null)
            {
                e = FloatChecks.Reach(p[ConvF32Params.OutputHeight], p[ConvF32Params.StrideHeight],
                    p[ConvF32Params.FilterHeight], p[ConvF32Params.DilationHeight], p[ConvF32Params.PaddingTop]);
            }
            if (e == null)
            {
                e = FloatChecks.Reach(p[ConvF32Params.OutputWidth], p[ConvF32Params.StrideWidth],
                    p[ConvF32Params.FilterWidth], p[ConvF32Params.DilationWidth], p[ConvF32Params.PaddingLeft]);
            }
            if (e != null)
            {
                return e;
            }
            return FloatChecks.ActivationRange(p[ConvF32Params.ActivationMin], p[ConvF32Params.ActivationMax]);
        }
    }
}
