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
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int pixels = p[0] * p[1] * p[2];
            int inC = p[3];
            int outC = p[9];
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
            bool forward = outC <= inC;

            for (int k = 0; k < pixels; k++)
            {
                int pixel = forward ? k : pixels - 1 - k;
                int inPixel = inBase + pixel * inC;
                for (int outCh = 0; outCh < outC; outCh++)
                {
                    int f = fBase + outCh * inC;
                    // The folded bias holds input_offset * (sum of the channel's weights); no tap is ever padded.
                    int acc = LittleEndian.ReadInt32(bias, biasBase + outCh * 4);
                    for (int inCh = 0; inCh < inC; inCh++)
                    {
                        acc += (sbyte)filter[f + inCh] * (sbyte)data[inPixel + inCh];
                    }
                    acc = FixedPoint.MultiplyByQuantizedMultiplier(acc,
                        LittleEndian.ReadInt32(quant, quantBase + outCh * 8),
                        LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4));
                    acc += outputOffset;
                    if (acc < actMin)
                    {
                        acc = actMin;
                    }
                    if (acc > actMax)
                    {
                        acc = actMax;
                    }
                    scratch[scratchBase + outCh] = (byte)acc;
                }
                int o = outBase + pixel * outC;
                for (int outCh = 0; outCh < outC; outCh++)
                {
                    data[o + outCh] = scratch[scratchBase + outCh];
                }
            }
        }
    }
}
