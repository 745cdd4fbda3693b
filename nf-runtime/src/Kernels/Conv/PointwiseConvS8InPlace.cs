using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with a 1×1 filter, stride 1 and no padding computed over its own input, pixel by pixel: all out_c
    /// outputs of pixel p go into a one-pixel scratch, then over the tensor at the output's pixel p. Output and
    /// input share their base offset. When out_c &lt;= in_c pixels go forward (output pixel p ends at or before
    /// input pixel p + 1 starts); when out_c &gt; in_c they go backward (output pixel p starts at or after input
    /// pixel p ends, so pixels 0..p-1 not yet read stay intact). Arithmetic identical to <see cref="ConvS8"/>
    /// (bit-exact with TFLM).
    /// <para>Inputs and Params as <see cref="ConvS8"/> (filter height and width 1, filter depth = input depth,
    /// strides 1, paddings 0, output height and width = input's). Outputs: [0] output int8 NHWC at the input's
    /// offset, [1] scratch int8 [out_c].</para>
    /// </summary>
    public static class PointwiseConvS8InPlace
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return InPlaceChecks.Pointwise(ctx, op, TensorType.Int8, TensorType.Int8, true, false, true);
        }

        /// <summary>Runs the convolution pixel by pixel; allocates nothing.</summary>
        /// <remarks>
        /// Tuned for nanoCLR, which interprets every IL instruction and pays most for array loads: four output
        /// channels at a time share each input load (1.25 loads per MAC instead of 2), input channels go two per
        /// step, and requantization is inline (<see cref="FixedPoint.MultiplyByQuantizedMultiplier(int, int, int)"/>,
        /// see <see cref="ConvS8"/> for the derivation), with no call per output.
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

            byte[] data = ctx.Buffer(op.Inputs[PointwiseConvS8InPlaceSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[PointwiseConvS8InPlaceSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[PointwiseConvS8InPlaceSlots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[PointwiseConvS8InPlaceSlots.InFilter]);
            int biasT = op.Inputs[PointwiseConvS8InPlaceSlots.InBias];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[PointwiseConvS8InPlaceSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[PointwiseConvS8InPlaceSlots.InMultipliers]);
            int outBase = ctx.Offset(op.Outputs[PointwiseConvS8InPlaceSlots.OutOutput]);
            byte[] scratch = ctx.Buffer(op.Outputs[PointwiseConvS8InPlaceSlots.OutScratch]);
            int scratchBase = ctx.Offset(op.Outputs[PointwiseConvS8InPlaceSlots.OutScratch]);
            bool forward = outC <= inC;
            int inC2 = inC * 2;
            int inC3 = inC * 3;
            int pairEnd = inC & ~1;
            int blockEnd = outC & ~3;

            for (int k = 0; k < pixels; k++)
            {
                int pixel = forward ? k : pixels - 1 - k;
                int inPixel = inBase + pixel * inC;
                int inPairEnd = inPixel + pairEnd;
                int inEnd = inPixel + inC;
                int outCh = 0;
                while (outCh < outC)
                {
                    // Channels outCh .. outCh + lanes - 1 (four, or one at the tail); rows f, f + inC, ... of the filter.
                    int lanes = outCh < blockEnd ? 4 : 1;
                    int f = fBase + outCh * inC;
                    // The folded bias holds input_offset * (sum of the channel's weights); no tap is ever padded.
                    int b = biasBase + outCh * 4;
                    int a0 = bias[b] | (bias[b + 1] << 8) | (bias[b + 2] << 16) | (bias[b + 3] << 24);
                    int a1 = 0;
                    int a2 = 0;
                    int a3 = 0;
                    int i = inPixel;
                    if (lanes == 4)
                    {
                        a1 = bias[b + 4] | (bias[b + 5] << 8) | (bias[b + 6] << 16) | (bias[b + 7] << 24);
                        a2 = bias[b + 8] | (bias[b + 9] << 8) | (bias[b + 10] << 16) | (bias[b + 11] << 24);
                        a3 = bias[b + 12] | (bias[b + 13] << 8) | (bias[b + 14] << 16) | (bias[b + 15] << 24);
                        while (i < inPairEnd)
                        {
                            int x0 = (sbyte)data[i];
                            int x1 = (sbyte)data[i + 1];
                            a0 += (sbyte)filter[f] * x0 + (sbyte)filter[f + 1] * x1;
                            a1 += (sbyte)filter[f + inC] * x0 + (sbyte)filter[f + inC + 1] * x1;
                            a2 += (sbyte)filter[f + inC2] * x0 + (sbyte)filter[f + inC2 + 1] * x1;
                            a3 += (sbyte)filter[f + inC3] * x0 + (sbyte)filter[f + inC3 + 1] * x1;
                            i += 2;
                            f += 2;
                        }
                        if (i < inEnd)
                        {
                            int x = (sbyte)data[i];
                            a0 += (sbyte)filter[f] * x;
                            a1 += (sbyte)filter[f + inC] * x;
                            a2 += (sbyte)filter[f + inC2] * x;
                            a3 += (sbyte)filter[f + inC3] * x;
                        }
                    }
                    else
                    {
                        while (i < inEnd)
                        {
                            a0 += (sbyte)filter[f] * (sbyte)data[i];
                            i++;
                            f++;
                        }
                    }
                    for (int lane = 0; lane < lanes; lane++)
                    {
                        int acc = lane == 0 ? a0 : lane == 1 ? a1 : lane == 2 ? a2 : a3;
                        int q = quantBase + (outCh + lane) * 8;
                        int multiplier = quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24);
                        // Validate keeps the shift in [-31, 31]: its low byte, sign-extended, is the whole value.
                        int shift = (sbyte)quant[q + 4];
                        // Left shift (wrapping like TFLM's int32 multiply), rounding doubling high multiply (the
                        // multiplier is non-negative, so min*min cannot occur), rounding right shift ties away from 0.
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
                        scratch[scratchBase + outCh + lane] = (byte)v;
                    }
                    outCh += lanes;
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
