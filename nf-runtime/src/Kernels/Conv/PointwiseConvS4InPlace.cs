using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with a 1×1 filter, stride 1 and no padding over its own input, with packed int4 weights: the pixel
    /// order and the one-pixel scratch of <see cref="PointwiseConvS8InPlace"/> (forward when out_c &lt;= in_c, backward
    /// otherwise), the weights read in place as in <see cref="ConvS4"/> (flat element e: low nibble of byte e/2 when e
    /// is even, high nibble when odd, sign-extended). Arithmetic identical to <see cref="ConvS4"/> (bit-exact with TFLM,
    /// which unpacks the filter and runs ConvPerChannel).
    /// <para>Inputs and Params as <see cref="ConvS4"/> (filter height and width 1, filter depth = input depth,
    /// strides 1, paddings 0, output height and width = input's). Outputs: [0] output int8 NHWC at the input's
    /// offset, [1] scratch int8 [out_c].</para>
    /// </summary>
    public static class PointwiseConvS4InPlace
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return InPlaceChecks.Pointwise(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
        }

        /// <summary>Runs the convolution pixel by pixel; allocates nothing.</summary>
        /// <remarks>
        /// For nanoCLR, which pays most per array load: with an even in_c, four output channels share each pair of
        /// input loads and one filter byte feeds two MACs (0.75 loads per MAC; PointwiseConvS8InPlace needs 1.25).
        /// Odd in_c: one channel at a time, one filter byte per two MACs after a possible leading high nibble.
        /// </remarks>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int pixels = p[ConvParams.Batches] * p[ConvParams.InputHeight] * p[ConvParams.InputWidth];
            int inC = p[ConvParams.InputDepth];
            int outC = p[ConvParams.OutputDepth];
            int outputOffset = p[ConvParams.OutputOffset];
            int actMin = p[ConvParams.ActivationMin];
            int actMax = p[ConvParams.ActivationMax];

            byte[] data = ctx.Buffer(op.Inputs[PointwiseConvS4InPlaceSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[PointwiseConvS4InPlaceSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[PointwiseConvS4InPlaceSlots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[PointwiseConvS4InPlaceSlots.InFilter]);
            int biasT = op.Inputs[PointwiseConvS4InPlaceSlots.InBias];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[PointwiseConvS4InPlaceSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[PointwiseConvS4InPlaceSlots.InMultipliers]);
            int outBase = ctx.Offset(op.Outputs[PointwiseConvS4InPlaceSlots.OutOutput]);
            byte[] scratch = ctx.Buffer(op.Outputs[PointwiseConvS4InPlaceSlots.OutScratch]);
            int scratchBase = ctx.Offset(op.Outputs[PointwiseConvS4InPlaceSlots.OutScratch]);
            bool forward = outC <= inC;
            // With an even depth every channel's weights start on a byte: the four-channel path.
            bool aligned = (inC & 1) == 0;
            int rowBytes = inC >> 1;
            int rowBytes2 = rowBytes * 2;
            int rowBytes3 = rowBytes * 3;
            int blockEnd = outC & ~3;

            for (int step = 0; step < pixels; step++)
            {
                int pixel = forward ? step : pixels - 1 - step;
                int inPixel = inBase + pixel * inC;
                int inEnd = inPixel + inC;
                int outCh = 0;
                if (aligned)
                {
                    // Four output channels share each pair of input loads: 6 array loads per 8 MACs.
                    while (outCh < blockEnd)
                    {
                        int b = biasBase + outCh * 4;
                        int a0 = bias[b] | (bias[b + 1] << 8) | (bias[b + 2] << 16) | (bias[b + 3] << 24);
                        int a1 = bias[b + 4] | (bias[b + 5] << 8) | (bias[b + 6] << 16) | (bias[b + 7] << 24);
                        int a2 = bias[b + 8] | (bias[b + 9] << 8) | (bias[b + 10] << 16) | (bias[b + 11] << 24);
                        int a3 = bias[b + 12] | (bias[b + 13] << 8) | (bias[b + 14] << 16) | (bias[b + 15] << 24);
                        int f = fBase + outCh * rowBytes;
                        int i = inPixel;
                        while (i < inEnd)
                        {
                            int x0 = (sbyte)data[i];
                            int x1 = (sbyte)data[i + 1];
                            // Low nibble: shifted to the top of the int and back to sign-extend; high nibble likewise.
                            int k = filter[f];
                            a0 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                            k = filter[f + rowBytes];
                            a1 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                            k = filter[f + rowBytes2];
                            a2 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                            k = filter[f + rowBytes3];
                            a3 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                            i += 2;
                            f++;
                        }
                        scratch[scratchBase + outCh] = Requantize(a0, quant, quantBase + outCh * 8, outputOffset, actMin, actMax);
                        scratch[scratchBase + outCh + 1] = Requantize(a1, quant, quantBase + outCh * 8 + 8, outputOffset, actMin, actMax);
                        scratch[scratchBase + outCh + 2] = Requantize(a2, quant, quantBase + outCh * 8 + 16, outputOffset, actMin, actMax);
                        scratch[scratchBase + outCh + 3] = Requantize(a3, quant, quantBase + outCh * 8 + 24, outputOffset, actMin, actMax);
                        outCh += 4;
                    }
                }
                for (; outCh < outC; outCh++)
                {
                    // The folded bias holds input_offset * (sum of the channel's weights); no tap is ever padded.
                    int b = biasBase + outCh * 4;
                    int acc = bias[b] | (bias[b + 1] << 8) | (bias[b + 2] << 16) | (bias[b + 3] << 24);
                    int e = outCh * inC;
                    int i = inPixel;
                    int f = fBase + (e >> 1);
                    if ((e & 1) != 0)
                    {
                        // The channel starts on a high nibble: one MAC to reach a byte boundary.
                        acc += ((filter[f] << 24) >> 28) * (sbyte)data[i];
                        i++;
                        f++;
                    }
                    int pairEnd = i + ((inEnd - i) & ~1);
                    while (i < pairEnd)
                    {
                        int k = filter[f];
                        acc += ((k << 28) >> 28) * (sbyte)data[i] + ((k << 24) >> 28) * (sbyte)data[i + 1];
                        i += 2;
                        f++;
                    }
                    if (i < inEnd)
                    {
                        acc += ((filter[f] << 28) >> 28) * (sbyte)data[i];
                    }
                    scratch[scratchBase + outCh] = Requantize(acc, quant, quantBase + outCh * 8, outputOffset, actMin, actMax);
                }
                int o = outBase + pixel * outC;
                for (int c = 0; c < outC; c++)
                {
                    data[o + c] = scratch[scratchBase + c];
                }
            }
        }

        /// <summary>
        /// The int8 output of an accumulator with the (multiplier, shift) pair at <paramref name="q"/>: as
        /// <see cref="PointwiseConvS8InPlace"/>, left shift wrapping like TFLM's int32 multiply, rounding doubling
        /// high multiply, rounding right shift ties away from zero, output offset, clamp. Validate keeps the shift in
        /// [-31, 31], so its low byte, sign-extended, is the whole value.
        /// </summary>
        private static byte Requantize(int acc, byte[] quant, int q, int outputOffset, int actMin, int actMax)
        {
            int multiplier = quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24);
            int shift = (sbyte)quant[q + 4];
            long prod = (long)(shift > 0 ? acc << shift : acc) * multiplier + (1L << 30);
            long high = prod >> 31;
            if (shift < 0)
            {
                high = (high + ((1L << (-shift - 1)) - (prod < 0 ? 1 : 0))) >> -shift;
            }
            int v = (int)high + outputOffset;
            if (v < actMin)
            {
                v = actMin;
            }
            if (v > actMax)
            {
                v = actMax;
            }
            return (byte)v;
        }
    }
}
