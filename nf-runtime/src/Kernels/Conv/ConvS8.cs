using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with int8 activations and int8 weights, per-channel requantization; bit-exact with TFLM's
    /// reference_integer_ops::ConvPerChannel (int32 accumulator, acc = bias + sum of w * (x + input_offset) over the
    /// taps inside the image, grouped convolution when the filter depth divides the input depth). The compiler folds
    /// input_offset * (sum of the channel's weights) into the bias, so the inner loop is acc += w * x; a tap in the
    /// padding subtracts input_offset * (its weights). int32 addition wraps, so any order gives TFLM's bits.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int8 OHWI (out_c, f_h, f_w, f_in_c), [2] folded bias int32
    /// [out_c], required (model bias, or 0, plus input_offset * sum of the channel's weights), [3] multipliers int32
    /// [out_c * 2] = (Q0.31 multiplier, shift with positive = left) per output channel; optional [4] raw bias int32
    /// [out_c] (added by <c>compile --cmsis-nn</c> when some window reaches into the padding: the model's bias, 0
    /// without one, i.e. without the folded term; read by the native CMSIS-NN backend, never by this kernel;
    /// size-checked by Validate when present).
    /// Outputs: [0] output int8 NHWC.</para>
    /// <para>Params (shared with <see cref="ConvS4"/> and <see cref="ConvS16"/>): [0] batches, [1] input height,
    /// [2] input width, [3] input depth, [4] filter height, [5] filter width, [6] filter depth (input channels per
    /// group), [7] output height, [8] output width, [9] output depth, [10] stride height, [11] stride width,
    /// [12] dilation height, [13] dilation width, [14] padding top, [15] padding left, [16] input offset
    /// (-input zero point), [17] output offset (output zero point), [18] activation min, [19] activation max
    /// (quantized, fused activation included).</para>
    /// </summary>
    public static class ConvS8
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Conv2D(ctx, op, TensorType.Int8, TensorType.Int8, true, false, true);
            // The optional second output is the CMSIS-NN scratch (unused here): refused when smaller than reserved.
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.ConvS8);
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
            int fC = p[6];
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
            int filtersPerGroup = outC / (inC / fC);

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
            int filterSize = fH * fW * fC;

            // Output channels outermost: each channel's bias and requantization constants are read once.
            for (int outCh = 0; outCh < outC; outCh++)
            {
                int groupStart = (outCh / filtersPerGroup) * fC;
                int fOut = fBase + outCh * filterSize;
                // The folded bias already holds input_offset * (sum of this channel's weights); taps in the padding
                // take their share back out (TFLM skips them).
                int biasValue = LittleEndian.ReadInt32(bias, biasBase + outCh * 4);
                // FixedPoint.MultiplyByQuantizedMultiplier (int32) unrolled per channel: left shift, rounding doubling
                // high multiply (Validate keeps the multiplier non-negative, so the min*min saturation cannot occur),
                // then a rounding right shift with ties away from zero.
                int multiplier = LittleEndian.ReadInt32(quant, quantBase + outCh * 8);
                int shift = LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4);
                int leftFactor = shift > 0 ? 1 << shift : 1;
                int rightShift = shift > 0 ? 0 : -shift;
                int mask = (int)((1L << rightShift) - 1);
                int halfMask = mask >> 1;
                int o = outBase + outCh;
                for (int b = 0; b < batches; b++)
                {
                    int inBatch = inBase + b * inH * inW * inC;
                    for (int outY = 0; outY < outH; outY++)
                    {
                        int inYOrigin = outY * strideH - padH;
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int inXOrigin = outX * strideW - padW;
                            int acc = biasValue;
                            for (int fy = 0; fy < fH; fy++)
                            {
                                int inY = inYOrigin + dilH * fy;
                                int inRow = inBatch + inY * inW * inC + groupStart;
                                int fRow = fOut + fy * fW * fC;
                                bool rowOutside = inY < 0 || inY >= inH;
                                for (int fx = 0; fx < fW; fx++)
                                {
                                    int inX = inXOrigin + dilW * fx;
                                    if (rowOutside || inX < 0 || inX >= inW)
                                    {
                                        if (inputOffset != 0)
                                        {
                                            acc -= TapSum(filter, fRow + fx * fC, fC) * inputOffset;
                                        }
                                        continue;
                                    }
                                    int i = inRow + inX * inC;
                                    int f = fRow + fx * fC;
                                    int fEnd = f + fC;
                                    while (f < fEnd)
                                    {
                                        acc += (sbyte)filter[f] * (sbyte)input[i];
                                        f++;
                                        i++;
                                    }
                                }
                            }
                            int high = (int)(((long)(acc * leftFactor) * multiplier + (1L << 30)) >> 31);
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

        /// <summary>Sum of <paramref name="count"/> int8 weights from byte <paramref name="start"/> (one tap, all depths).</summary>
        private static int TapSum(byte[] filter, int start, int count)
        {
            int sum = 0;
            int end = start + count;
            for (int f = start; f < end; f++)
            {
                sum += (sbyte)filter[f];
            }
            return sum;
        }
    }
}
