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
        /// <remarks>Through <see cref="DepthwiseConvS8.RunChannel"/>, which reads the nibbles in place.</remarks>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[DepthwiseConvParams.Batches];
            int inH = p[DepthwiseConvParams.InputHeight];
            int inW = p[DepthwiseConvParams.InputWidth];
            int inC = p[DepthwiseConvParams.InputDepth];
            int multiplier = p[DepthwiseConvParams.DepthMultiplier];
            int outH = p[DepthwiseConvParams.OutputHeight];
            int outW = p[DepthwiseConvParams.OutputWidth];
            int outC = p[DepthwiseConvParams.OutputDepth];

            byte[] input = ctx.Buffer(op.Inputs[DepthwiseConvSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[DepthwiseConvSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[DepthwiseConvSlots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[DepthwiseConvSlots.InFilter]);
            int biasT = op.Inputs[DepthwiseConvSlots.InBias];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[DepthwiseConvSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[DepthwiseConvSlots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[DepthwiseConvSlots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[DepthwiseConvSlots.OutOutput]);
            int taps = p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];

            for (int outCh = 0; outCh < outC; outCh++)
            {
                int bb = biasBase + outCh * 4;
                int q = quantBase + outCh * 8;
                for (int b = 0; b < batches; b++)
                {
                    // Validate keeps the shift in [-31, 31]: its low byte, sign-extended, is the whole value.
                    DepthwiseConvS8.RunChannel(p, input, inBase + b * inH * inW * inC + outCh / multiplier, filter, outCh * taps,
                        fBase, bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24),
                        quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24),
                        (sbyte)quant[q + 4], output, outBase + b * outH * outW * outC + outCh, outC);
                }
            }
        }
    }
}
