using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with depth multiplier 1, int8 activations and packed int4 weights, computed over its own
    /// input channel by channel exactly as <see cref="DepthwiseConvS8InPlace"/>, with the arithmetic of
    /// <see cref="DepthwiseConvS4"/> (bit-exact with TFLM).
    /// <para>Inputs and Params as <see cref="DepthwiseConvS4"/> (batches and depth multiplier must be 1).
    /// Outputs: [0] output int8 NHWC at the input's offset, [1] scratch int8 [out_h * out_w].</para>
    /// </summary>
    public static class DepthwiseConvS4InPlace
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return InPlaceChecks.Depthwise(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
        }

        /// <summary>Runs the convolution channel by channel; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int inH = p[1];
            int inW = p[2];
            int channels = p[3];
            int fH = p[4];
            int fW = p[5];
            int outH = p[7];
            int outW = p[8];
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

            byte[] data = ctx.Buffer(op.Inputs[0]);
            int inBase = ctx.Offset(op.Inputs[0]);
            byte[] filter = ctx.Buffer(op.Inputs[1]);
            int fBase = ctx.Offset(op.Inputs[1]);
            int biasT = op.Inputs[2];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[3]);
            int quantBase = ctx.Offset(op.Inputs[3]);
            int outBase = ctx.Offset(op.Outputs[0]);
            byte[] scratch = ctx.Buffer(op.Outputs[1]);
            int scratchBase = ctx.Offset(op.Outputs[1]);
            int taps = fH * fW;
            int inRowStride = inW * channels;
            int outPixels = outH * outW;

            for (int ch = 0; ch < channels; ch++)
            {
                int fCh = ch * taps;
                int inChannel = inBase + ch;
                // The folded bias holds input_offset * (sum of the channel's weights); padded taps take their share out.
                int biasValue = LittleEndian.ReadInt32(bias, biasBase + ch * 4);
                int multiplier = LittleEndian.ReadInt32(quant, quantBase + ch * 8);
                int shift = LittleEndian.ReadInt32(quant, quantBase + ch * 8 + 4);
                int s = scratchBase;
                for (int outY = 0; outY < outH; outY++)
                {
                    int inYOrigin = outY * strideH - padH;
                    for (int outX = 0; outX < outW; outX++)
                    {
                        int inXOrigin = outX * strideW - padW;
                        int acc = 0;
                        for (int fy = 0; fy < fH; fy++)
                        {
                            int inY = inYOrigin + dilH * fy;
                            bool rowOutside = inY < 0 || inY >= inH;
                            int inRow = inChannel + inY * inRowStride;
                            int f = fCh + fy * fW;
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
                                    acc += w * (sbyte)data[inRow + inX * channels];
                                }
                            }
                        }
                        acc += biasValue;
                        acc = FixedPoint.MultiplyByQuantizedMultiplier(acc, multiplier, shift);
                        acc += outputOffset;
                        if (acc < actMin)
                        {
                            acc = actMin;
                        }
                        if (acc > actMax)
                        {
                            acc = actMax;
                        }
                        scratch[s] = (byte)acc;
                        s++;
                    }
                }
                // Channel ch of the input is no longer needed: write the finished channel over it.
                int o = outBase + ch;
                s = scratchBase;
                for (int i = 0; i < outPixels; i++)
                {
                    data[o] = scratch[s];
                    o += channels;
                    s++;
                }
            }
        }
    }
}
