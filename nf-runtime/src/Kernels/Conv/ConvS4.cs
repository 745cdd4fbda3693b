using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with int8 activations and packed int4 weights; bit-exact with TFLM, which unpacks the filter to int8
    /// and runs reference_integer_ops::ConvPerChannel. This kernel reads the nibbles in place instead (no unpacked
    /// copy): filter element e (flat OHWI index) is the low nibble of byte e/2 when e is even, the high nibble when
    /// odd, sign-extended.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int4 OHWI packed ((count + 1) / 2 bytes), [2] folded bias int32
    /// [out_c], required (as in <see cref="ConvS8"/>), [3] multipliers int32 [out_c * 2], optional [4] raw bias int32
    /// [out_c] (as in <see cref="ConvS8"/>, not read here). Outputs: [0] output int8 NHWC.</para>
    /// <para>Params: the layout of <see cref="ConvS8"/>.</para>
    /// </summary>
    public static class ConvS4
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Conv2D(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
            // The optional second output is the CMSIS-NN scratch (unused here): refused when smaller than reserved.
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.ConvS4);
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
                int fOut = outCh * filterSize;
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
                                            acc -= TapSum(filter, fBase, fRow + fx * fC, fC) * inputOffset;
                                        }
                                        continue;
                                    }
                                    int i = inRow + inX * inC;
                                    int e = fRow + fx * fC;
                                    int eEnd = e + fC;
                                    while (e < eEnd)
                                    {
                                        int packed = filter[fBase + (e >> 1)];
                                        // Sign-extend the nibble: move it to the top of the int, shift back.
                                        int w = (e & 1) == 0 ? (packed << 28) >> 28 : (packed << 24) >> 28;
                                        acc += w * (sbyte)input[i];
                                        e++;
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

        /// <summary>
        /// Sum of <paramref name="count"/> int4 weights from element <paramref name="first"/> of the packed filter at
        /// byte <paramref name="fBase"/> (one tap, all depths).
        /// </summary>
        private static int TapSum(byte[] filter, int fBase, int first, int count)
        {
            int sum = 0;
            int end = first + count;
            for (int e = first; e < end; e++)
            {
                int packed = filter[fBase + (e >> 1)];
                sum += (e & 1) == 0 ? (packed << 28) >> 28 : (packed << 24) >> 28;
            }
            return sum;
        }
    }
}
