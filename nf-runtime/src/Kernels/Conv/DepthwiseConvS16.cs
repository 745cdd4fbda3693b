using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with int16 activations and int8 weights (16x8 quantization); bit-exact with TFLM's int16
    /// reference_integer_ops::DepthwiseConvPerChannel: int64 accumulator, int64 bias (TFLM reads no other bias type
    /// here), no zero points, int64 MultiplyByQuantizedMultiplier.
    /// <para>Inputs: [0] input int16 NHWC, [1] filter int8 channel-major [out_c][f_h][f_w] (see
    /// <see cref="DepthwiseConvS8"/>), [2] bias int64 [out_c] or -1, [3] multipliers int32 [out_c * 2].
    /// Optionally [4] the table as CMSIS-NN's two arrays int32 [multipliers x out_c, shifts x out_c]. Outputs: [0] output
    /// int16 NHWC, optionally [1] the CMSIS-NN scratch (int8, see <see cref="CmsisNnScratchCheck.DepthwiseS16Bytes"/>);
    /// both added by <c>compile --cmsis-nn</c> when it has proven CMSIS-NN bit-exact for the record, only size-checked here.</para>
    /// <para>Params: the layout of <see cref="DepthwiseConvS8"/>; the input and output offsets must be 0.</para>
    /// </summary>
    public static class DepthwiseConvS16
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Depthwise(ctx, op, TensorType.Int16, TensorType.Int8, false, true, false);
            if (e == null && (op.Params[DepthwiseConvParams.InputOffset] != 0 || op.Params[DepthwiseConvParams.OutputOffset] != 0))
            {
                e = "int16 convolution with non-zero offsets";
            }
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.DepthwiseConvS16);
        }

        /// <summary>Runs the convolution; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[DepthwiseConvParams.Batches];
            int inH = p[DepthwiseConvParams.InputHeight];
            int inW = p[DepthwiseConvParams.InputWidth];
            int inC = p[DepthwiseConvParams.InputDepth];
            int fH = p[DepthwiseConvParams.FilterHeight];
            int fW = p[DepthwiseConvParams.FilterWidth];
            int multiplier = p[DepthwiseConvParams.DepthMultiplier];
            int outH = p[DepthwiseConvParams.OutputHeight];
            int outW = p[DepthwiseConvParams.OutputWidth];
            int outC = p[DepthwiseConvParams.OutputDepth];
            int strideH = p[DepthwiseConvParams.StrideHeight];
            int strideW = p[DepthwiseConvParams.StrideWidth];
            int dilH = p[DepthwiseConvParams.DilationHeight];
            int dilW = p[DepthwiseConvParams.DilationWidth];
            int padH = p[DepthwiseConvParams.PaddingTop];
            int padW = p[DepthwiseConvParams.PaddingLeft];
            int actMin = p[DepthwiseConvParams.ActivationMin];
            int actMax = p[DepthwiseConvParams.ActivationMax];

            byte[] input = ctx.Buffer(op.Inputs[DepthwiseConvS16Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[DepthwiseConvS16Slots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[DepthwiseConvS16Slots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[DepthwiseConvS16Slots.InFilter]);
            int biasT = op.Inputs[DepthwiseConvS16Slots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] quant = ctx.Buffer(op.Inputs[DepthwiseConvS16Slots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[DepthwiseConvS16Slots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[DepthwiseConvS16Slots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[DepthwiseConvS16Slots.OutOutput]);
            int taps = fH * fW;
            int inRowStride = inW * inC;

            // Output channels outermost: each channel's bias and requantization constants are read once.
            for (int outCh = 0; outCh < outC; outCh++)
            {
                int inCh = outCh / multiplier;
                int fOut = fBase + outCh * taps;
                long biasValue = bias != null ? LittleEndian.ReadInt64(bias, biasBase + outCh * 8) : 0;
                // FixedPoint.MultiplyByQuantizedMultiplier(long) unrolled: 16-bit multiplier, one rounding shift.
                int quantMultiplier = LittleEndian.ReadInt32(quant, quantBase + outCh * 8);
                int shift = LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4);
                long reduced = quantMultiplier < 0x7FFF0000 ? (quantMultiplier + (1 << 15)) >> 16 : 0x7FFF;
                int totalShift = 15 - shift;
                long round = 1L << (totalShift - 1);
                int o = outBase + outCh * 2;
                for (int b = 0; b < batches; b++)
                {
                    int inPixel = inBase + (b * inH * inRowStride + inCh) * 2;
                    for (int outY = 0; outY < outH; outY++)
                    {
                        int inYOrigin = outY * strideH - padH;
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int inXOrigin = outX * strideW - padW;
                            long acc = biasValue;
                            for (int fy = 0; fy < fH; fy++)
                            {
                                int inY = inYOrigin + dilH * fy;
                                if (inY < 0 || inY >= inH)
                                {
                                    continue;
                                }
                                int inRow = inPixel + inY * inRowStride * 2;
                                int f = fOut + fy * fW;
                                for (int fx = 0; fx < fW; fx++)
                                {
                                    int inX = inXOrigin + dilW * fx;
                                    if (inX >= 0 && inX < inW)
                                    {
                                        int i = inRow + inX * inC * 2;
                                        acc += (sbyte)filter[f + fx] * (short)(input[i] | (input[i + 1] << 8));
                                    }
                                }
                            }
                            int scaled = (int)((acc * reduced + round) >> totalShift);
                            if (scaled < actMin)
                            {
                                scaled = actMin;
                            }
                            if (scaled > actMax)
                            {
                                scaled = actMax;
                            }
                            output[o] = (byte)scaled;
                            output[o + 1] = (byte)(scaled >> 8);
                            o += outC * 2;
                        }
                    }
                }
            }
        }
    }
}
