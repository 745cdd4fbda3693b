using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with int8 activations and packed int4 weights; bit-exact with TFLM (which unpacks the
    /// filter to int8 and runs reference_integer_ops::DepthwiseConvPerChannel). The nibbles are read in place.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int4 repacked by the compiler channel-major: element
    /// e = (out_c * f_h + f_y) * f_w + f_x is the low nibble of byte e/2 when e is even, the high nibble when odd,
    /// sign-extended; (out_c * f_h * f_w + 1) / 2 bytes. [2] folded bias int32 [out_c], required (as in
    /// <see cref="DepthwiseConvS8"/>), [3] multipliers int32 [out_c * 2]; with compile --cmsis-nn, for the native
    /// CMSIS-NN backend and not read here: [4] raw bias int32 [out_c] (windows reaching into the padding) or -1,
    /// [5] the filter in TFLite's packed [f_h][f_w][out_c] order (same element count and packing).
    /// Outputs: [0] output int8 NHWC; optional [1] CMSIS-NN scratch (<see cref="CmsisNnScratchCheck"/>).</para>
    /// <para>Params: the layout of <see cref="DepthwiseConvS8"/>.</para>
    /// </summary>
    public static class DepthwiseConvS4
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Depthwise(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
            // The optional second output is the CMSIS-NN scratch (unused here): refused when smaller than reserved.
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.DepthwiseConvS4);
        }

        /// <summary>Runs the convolution; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[0];
            int inH = p[1];
            int inW = p[2];
            int inC = p[3];
            int fH = p[4];
            int fW = p[5];
            int multiplier = p[6];
            int outH = p[7];
            int outW = p[8];
            int outC = p[9];
            int strideH = p[10];
            int strideW = p[11];
            int dilH = p[12];
            int dilW = p[13];
            int padH = p[14];
            int padW = p[15];
            int inputOffset = p[16];
            int outputOffset = p[17];
            int actMin = p[18];
            int actMax = p[19];

            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inBase = ctx.Offset(op.Inputs[0]);
            byte[] filter = ctx.Buffer(op.Inputs[1]);
            int fBase = ctx.Offset(op.Inputs[1]);
            int biasT = op.Inputs[2];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[3]);
            int quantBase = ctx.Offset(op.Inputs[3]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outBase = ctx.Offset(op.Outputs[0]);
            int taps = fH * fW;
            int inRowStride = inW * inC;
            int stepX = dilW * inC;
            int spanY = dilH * (fH - 1);
            int spanX = dilW * (fW - 1);

            // Output channels outermost: each channel's bias and requantization constants are read once.
            for (int outCh = 0; outCh < outC; outCh++)
            {
                int inCh = outCh / multiplier;
                int fOut = outCh * taps;
                // The folded bias already holds input_offset * (sum of this channel's weights); taps in the padding
                // take their share back out (TFLM skips them).
                int biasValue = LittleEndian.ReadInt32(bias, biasBase + outCh * 4);
                // FixedPoint.MultiplyByQuantizedMultiplier (int32) unrolled per channel, as in ConvS8.
                int quantMultiplier = LittleEndian.ReadInt32(quant, quantBase + outCh * 8);
                int shift = LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4);
                int leftFactor = shift > 0 ? 1 << shift : 1;
                int rightShift = shift > 0 ? 0 : -shift;
                int mask = (int)((1L << rightShift) - 1);
                int halfMask = mask >> 1;
                int o = outBase + outCh;
                for (int b = 0; b < batches; b++)
                {
                    int inPixel = inBase + b * inH * inRowStride + inCh;
                    for (int outY = 0; outY < outH; outY++)
                    {
                        int inYOrigin = outY * strideH - padH;
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int inXOrigin = outX * strideW - padW;
                            int acc = biasValue;
                            if (inYOrigin >= 0 && inYOrigin + spanY < inH && inXOrigin >= 0 && inXOrigin + spanX < inW)
                            {
                                // The whole window lies inside the image: no bounds checks, running indices.
                                int f = fOut;
                                for (int fy = 0; fy < fH; fy++)
                                {
                                    int i = inPixel + (inYOrigin + dilH * fy) * inRowStride + inXOrigin * inC;
                                    int fEnd = f + fW;
                                    while (f < fEnd)
                                    {
                                        int packed = filter[fBase + (f >> 1)];
                                        int w = (f & 1) == 0 ? (packed << 28) >> 28 : (packed << 24) >> 28;
                                        acc += w * (sbyte)input[i];
                                        f++;
                                        i += stepX;
                                    }
                                }
                            }
                            else
                            {
                                for (int fy = 0; fy < fH; fy++)
                                {
                                    int inY = inYOrigin + dilH * fy;
                                    int inRow = inPixel + inY * inRowStride;
                                    int f = fOut + fy * fW;
                                    bool rowOutside = inY < 0 || inY >= inH;
                                    for (int fx = 0; fx < fW; fx++)
                                    {
                                        int inX = inXOrigin + dilW * fx;
                                        int e = f + fx;
                                        int packed = filter[fBase + (e >> 1)];
                                        // Sign-extend the nibble: move it to the top of the int, shift back.
                                        int w = (e & 1) == 0 ? (packed << 28) >> 28 : (packed << 24) >> 28;
                                        if (rowOutside || inX < 0 || inX >= inW)
                                        {
                                            acc -= w * inputOffset;
                                        }
                                        else
                                        {
                                            acc += w * (sbyte)input[inRow + inX * inC];
                                        }
                                    }
                                }
                            }
                            int high = (int)(((long)(acc * leftFactor) * quantMultiplier + (1L << 30)) >> 31);
                            int scaled = (high >> rightShift) + ((high & mask) > halfMask + (high < 0 ? 1 : 0) ? 1 : 0);
                            scaled += outputOffset;
                            if (scaled < actMin)
                            {
                                scaled = actMin;
                            }
                            if (scaled > actMax)
                            {
                                scaled = actMax;
                            }
                            output[o] = (byte)scaled;
                            o += outC;
                        }
                    }
                }
            }
        }
    }
}
