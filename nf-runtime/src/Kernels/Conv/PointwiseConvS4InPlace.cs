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
        /// For nanoCLR, which pays most per array load: when a channel's weights start on a byte (in_c even, or an
        /// even channel), one filter byte feeds two MACs, so a MAC costs fewer loads than with int8 weights.
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

            for (int k = 0; k < pixels; k++)
            {
                int pixel = forward ? k : pixels - 1 - k;
                int inPixel = inBase + pixel * inC;
                int inEnd = inPixel + inC;
                for (int outCh = 0; outCh < outC; outCh++)
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
                        acc += ((sbyte)filter[f] >> 4) * (sbyte)data[i];
                        i++;
                        f++;
                    }
                    int pairEnd = i + ((inEnd - i) & ~1);
                    while (i < pairEnd)
                    {
                        int w = filter[f];
                        // Low nibble sign-extended: shift it to the top of a byte, then back arithmetically.
                        acc += ((sbyte)(w << 4) >> 4) * (sbyte)data[i] + ((sbyte)w >> 4) * (sbyte)data[i + 1];
                        i += 2;
                        f++;
                    }
                    if (i < inEnd)
                    {
                        acc += ((sbyte)(filter[f] << 4) >> 4) * (sbyte)data[i];
                    }
                    int q = quantBase + outCh * 8;
                    int multiplier = quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24);
                    // Validate keeps the shift in [-31, 31]: its low byte, sign-extended, is the whole value.
                    int shift = (sbyte)quant[q + 4];
                    // As PointwiseConvS8InPlace: left shift wrapping like TFLM's int32 multiply, rounding doubling
                    // high multiply, rounding right shift ties away from zero.
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
                    scratch[scratchBase + outCh] = (byte)v;
                }
                int o = outBase + pixel * outC;
                for (int c = 0; c < outC; c++)
                {
                    data[o + c] = scratch[scratchBase + c];
                }
            }
        }
    }
}
