using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D 1×1, stride 1, no padding, int16 activations and int8 weights, computed pixel by pixel over its own
    /// input exactly as <see cref="PointwiseConvS8InPlace"/> (forward when out_c &lt;= in_c, backward otherwise),
    /// with the arithmetic of <see cref="ConvS16"/> (bit-exact with TFLM; the bias type picks the int64 or the
    /// wrapping int32 accumulator).
    /// <para>Inputs and Params as <see cref="ConvS16"/> (1×1 filter over the whole input depth, strides 1, paddings
    /// 0, output height and width = input's). Outputs: [0] output int16 NHWC at the input's offset, [1] scratch
    /// [out_c * 2 bytes].</para>
    /// </summary>
    public static class PointwiseConvS16InPlace
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = InPlaceChecks.Pointwise(ctx, op, TensorType.Int16, TensorType.Int8, true, true, false);
            if (e == null && (op.Params[ConvParams.InputOffset] != 0 || op.Params[ConvParams.OutputOffset] != 0))
            {
                e = "int16 convolution with non-zero offsets";
            }
            return e;
        }

        /// <summary>Runs the convolution pixel by pixel; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int pixels = p[ConvParams.Batches] * p[ConvParams.InputHeight] * p[ConvParams.InputWidth];
            int inC = p[ConvParams.InputDepth];
            int outC = p[ConvParams.OutputDepth];
            int actMin = p[ConvParams.ActivationMin];
            int actMax = p[ConvParams.ActivationMax];

            byte[] data = ctx.Buffer(op.Inputs[PointwiseConvS16InPlaceSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[PointwiseConvS16InPlaceSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[PointwiseConvS16InPlaceSlots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[PointwiseConvS16InPlaceSlots.InFilter]);
            int biasT = op.Inputs[PointwiseConvS16InPlaceSlots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            bool bias64 = biasT >= 0 && ctx.Type(biasT) == TensorType.Int64;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] quant = ctx.Buffer(op.Inputs[PointwiseConvS16InPlaceSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[PointwiseConvS16InPlaceSlots.InMultipliers]);
            int outBase = ctx.Offset(op.Outputs[PointwiseConvS16InPlaceSlots.OutOutput]);
            byte[] scratch = ctx.Buffer(op.Outputs[PointwiseConvS16InPlaceSlots.OutScratch]);
            int scratchBase = ctx.Offset(op.Outputs[PointwiseConvS16InPlaceSlots.OutScratch]);
            bool forward = outC <= inC;

            for (int k = 0; k < pixels; k++)
            {
                int pixel = forward ? k : pixels - 1 - k;
                int inPixel = inBase + pixel * inC * 2;
                for (int outCh = 0; outCh < outC; outCh++)
                {
                    int f = fBase + outCh * inC;
                    long acc = 0;
                    int i = inPixel;
                    for (int inCh = 0; inCh < inC; inCh++)
                    {
                        acc += (sbyte)filter[f + inCh] * (short)(data[i] | (data[i + 1] << 8));
                        i += 2;
                    }
                    int multiplier = LittleEndian.ReadInt32(quant, quantBase + outCh * 8);
                    int shift = LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4);
                    int scaled;
                    if (bias == null)
                    {
                        scaled = FixedPoint.MultiplyByQuantizedMultiplier(acc, multiplier, shift);
                    }
                    else if (bias64)
                    {
                        acc += LittleEndian.ReadInt64(bias, biasBase + outCh * 8);
                        scaled = FixedPoint.MultiplyByQuantizedMultiplier(acc, multiplier, shift);
                    }
                    else
                    {
                        int acc32 = (int)acc + LittleEndian.ReadInt32(bias, biasBase + outCh * 4);
                        scaled = FixedPoint.MultiplyByQuantizedMultiplier(acc32, multiplier, shift);
                    }
                    if (scaled < actMin)
                    {
                        scaled = actMin;
                    }
                    if (scaled > actMax)
                    {
                        scaled = actMax;
                    }
                    scratch[scratchBase + outCh * 2] = (byte)scaled;
                    scratch[scratchBase + outCh * 2 + 1] = (byte)(scaled >> 8);
                }
                int o = outBase + pixel * outC * 2;
                int bytes = outC * 2;
                for (int b = 0; b < bytes; b++)
                {
                    data[o + b] = scratch[scratchBase + b];
                }
            }
        }
    }
}
