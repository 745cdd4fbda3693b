using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with depth multiplier 1 computed over its own input (TinyEngine's in-place trick): one
    /// channel at a time, every output pixel of channel c goes into a one-channel scratch, which is then written
    /// over channel c of the tensor. Channel c of the input is read only by output channel c, and the output
    /// (no larger per channel than needed, sharing the input's base) puts channel c of pixel p exactly on channel c
    /// of input pixel p, so nothing another channel still needs is overwritten, for any stride or padding.
    /// Arithmetic identical to <see cref="DepthwiseConvS8"/> (bit-exact with TFLM).
    /// <para>Inputs and Params as <see cref="DepthwiseConvS8"/> (batches and depth multiplier must be 1).
    /// Outputs: [0] output int8 NHWC at the input's offset, [1] scratch int8 [out_h * out_w].</para>
    /// </summary>
    public static class DepthwiseConvS8InPlace
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return InPlaceChecks.Depthwise(ctx, op, TensorType.Int8, TensorType.Int8, true, false, true);
        }

        /// <summary>Runs the convolution channel by channel; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            Compute(ctx, op, false);
        }

        /// <summary>
        /// The in-place convolution of <see cref="Run"/> (int8 filter) and of <see cref="DepthwiseConvS4InPlace"/>
        /// (<paramref name="int4"/>: the packed filter, its nibbles read in place by
        /// <see cref="DepthwiseConvS8.RunChannel"/>).
        /// </summary>
        public static void Compute(KernelContext ctx, OpRecord op, bool int4)
        {
            int[] p = op.Params;
            int channels = p[DepthwiseConvParams.InputDepth];
            int taps = p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];
            int outPixels = p[DepthwiseConvParams.OutputHeight] * p[DepthwiseConvParams.OutputWidth];

            byte[] data = ctx.Buffer(op.Inputs[DepthwiseConvS8InPlaceSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[DepthwiseConvS8InPlaceSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[DepthwiseConvS8InPlaceSlots.InFilter]);
            // int8: f indexes bytes from fBase; int4: f indexes elements and nibbleBase is the filter's first byte.
            int nibbleBase = int4 ? ctx.Offset(op.Inputs[DepthwiseConvS8InPlaceSlots.InFilter]) : -1;
            int fBase = int4 ? 0 : ctx.Offset(op.Inputs[DepthwiseConvS8InPlaceSlots.InFilter]);
            int biasT = op.Inputs[DepthwiseConvS8InPlaceSlots.InBias];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[DepthwiseConvS8InPlaceSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[DepthwiseConvS8InPlaceSlots.InMultipliers]);
            int outBase = ctx.Offset(op.Outputs[DepthwiseConvS8InPlaceSlots.OutOutput]);
            byte[] scratch = ctx.Buffer(op.Outputs[DepthwiseConvS8InPlaceSlots.OutScratch]);
            int scratchBase = ctx.Offset(op.Outputs[DepthwiseConvS8InPlaceSlots.OutScratch]);

            for (int ch = 0; ch < channels; ch++)
            {
                // The folded bias holds input_offset * (sum of the channel's weights); padded taps take their share out.
                int bb = biasBase + ch * 4;
                int q = quantBase + ch * 8;
                // Validate keeps the shift in [-31, 31]: its low byte, sign-extended, is the whole value.
                DepthwiseConvS8.RunChannel(p, data, inBase + ch, filter, fBase + ch * taps, nibbleBase,
                    bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24),
                    quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24),
                    (sbyte)quant[q + 4], scratch, scratchBase, 1);
                // Channel ch of the input is no longer needed: write the finished channel over it.
                int o = outBase + ch;
                int s = scratchBase;
                int sEnd = scratchBase + outPixels;
                while (s < sEnd)
                {
                    data[o] = scratch[s];
                    o += channels;
                    s++;
                }
            }
        }
    }
}
