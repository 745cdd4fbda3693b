using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with int16 activations and int8 weights (16x8 quantization); bit-exact with TFLM's int16
    /// reference_integer_ops::ConvPerChannel. Zero points are 0 (no input or output offset is applied). TFLM picks the
    /// accumulator from the bias type: an int64 bias (or none) accumulates in int64 and requantizes with the int64
    /// MultiplyByQuantizedMultiplier; an int32 bias accumulates in int32 (wrapping) and uses the int32 one. Here the sum
    /// is always formed in int64; truncating it to int32 gives exactly the wrapped int32 sum.
    /// <para>Inputs: [0] input int16 NHWC, [1] filter int8 OHWI, [2] bias int64 or int32 [out_c], or -1,
    /// [3] multipliers int32 [out_c * 2], optionally [4] the same table as CMSIS-NN's two arrays int32 [multipliers x out_c,
    /// shifts x out_c]. Outputs: [0] output int16 NHWC, optionally [1] the CMSIS-NN scratch (int8, see
    /// <see cref="CmsisNnScratchCheck.ConvS16Bytes"/>). The optional input and output are added together by
    /// <c>compile --cmsis-nn</c> when it has proven CMSIS-NN bit-exact for the record (codegen's Lowering/CmsisNnInt16.cs);
    /// this kernel only checks their sizes.</para>
    /// <para>Params: the layout of <see cref="ConvS8"/>; the input and output offsets must be 0.</para>
    /// </summary>
    public static class ConvS16
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Conv2D(ctx, op, TensorType.Int16, TensorType.Int8, true, true, false);
            if (e == null && (op.Params[ConvParams.InputOffset] != 0 || op.Params[ConvParams.OutputOffset] != 0))
            {
                e = "int16 convolution with non-zero offsets";
            }
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.ConvS16);
        }

        /// <summary>Runs the convolution; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[ConvParams.Batches];
            int inH = p[ConvParams.InputHeight];
            int inW = p[ConvParams.InputWidth];
            int inC = p[ConvParams.InputDepth];
            int fH = p[ConvParams.FilterHeight];
            int fW = p[ConvParams.FilterWidth];
            int fC = p[ConvParams.FilterDepth];
            int outH = p[ConvParams.OutputHeight];
            int outW = p[ConvParams.OutputWidth];
            int outC = p[ConvParams.OutputDepth];
            int strideH = p[ConvParams.StrideHeight];
            int strideW = p[ConvParams.StrideWidth];
            int dilH = p[ConvParams.DilationHeight];
            int dilW = p[ConvParams.DilationWidth];
            int padH = p[ConvParams.PaddingTop];
            int padW = p[ConvParams.PaddingLeft];
            int actMin = p[ConvParams.ActivationMin];
            int actMax = p[ConvParams.ActivationMax];
            int filtersPerGroup = outC / (inC / fC);

            byte[] input = ctx.Buffer(op.Inputs[ConvS16Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[ConvS16Slots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[ConvS16Slots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[ConvS16Slots.InFilter]);
            int biasT = op.Inputs[ConvS16Slots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            bool bias64 = biasT >= 0 && ctx.Type(biasT) == TensorType.Int64;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] quant = ctx.Buffer(op.Inputs[ConvS16Slots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[ConvS16Slots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[ConvS16Slots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[ConvS16Slots.OutOutput]);
            int filterSize = fH * fW * fC;

            // Output channels outermost: each channel's bias and requantization constants are read once.
            for (int outCh = 0; outCh < outC; outCh++)
            {
                int groupStart = (outCh / filtersPerGroup) * fC;
                int fOut = fBase + outCh * filterSize;
                long bias64Value = bias64 ? LittleEndian.ReadInt64(bias, biasBase + outCh * 8) : 0;
                int bias32Value = bias != null && !bias64 ? LittleEndian.ReadInt32(bias, biasBase + outCh * 4) : 0;
                int multiplier = LittleEndian.ReadInt32(quant, quantBase + outCh * 8);
                int shift = LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4);
                // int64 path: FixedPoint.MultiplyByQuantizedMultiplier(long) unrolled (16-bit multiplier, one
                // rounding shift). int32 path (int32 bias): the int32 overload unrolled, as in ConvS8.
                long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
                int totalShift = 15 - shift;
                long round = 1L << (totalShift - 1);
                int leftFactor = shift > 0 ? 1 << shift : 1;
                int rightShift = shift > 0 ? 0 : -shift;
                int mask = (int)((1L << rightShift) - 1);
                int halfMask = mask >> 1;
                int o = outBase + outCh * 2;
                for (int b = 0; b < batches; b++)
                {
                    int inBatch = inBase + b * inH * inW * inC * 2;
                    for (int outY = 0; outY < outH; outY++)
                    {
                        int inYOrigin = outY * strideH - padH;
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int inXOrigin = outX * strideW - padW;
                            long acc = 0;
                            for (int fy = 0; fy < fH; fy++)
                            {
                                int inY = inYOrigin + dilH * fy;
                                if (inY < 0 || inY >= inH)
                                {
                                    continue;
                                }
                                int inRow = inBatch + (inY * inW * inC + groupStart) * 2;
                                int fRow = fOut + fy * fW * fC;
                                for (int fx = 0; fx < fW; fx++)
                                {
                                    int inX = inXOrigin + dilW * fx;
                                    if (inX < 0 || inX >= inW)
                                    {
                                        continue;
                                    }
                                    int i = inRow + inX * inC * 2;
                                    int f = fRow + fx * fC;
                                    int fEnd = f + fC;
                                    while (f < fEnd)
                                    {
                                        acc += (sbyte)filter[f] * (short)(input[i] | (input[i + 1] << 8));
                                        f++;
                                        i += 2;
                                    }
                                }
                            }
                            int scaled;
                            if (bias != null && !bias64)
                            {
                                // TFLM accumulates in int32 here; the int64 sum truncated is that wrapped sum.
                                int acc32 = (int)acc + bias32Value;
                                int high = (int)(((long)(acc32 * leftFactor) * multiplier + (1L << 30)) >> 31);
                                scaled = (high >> rightShift) + ((high & mask) > halfMask + (high < 0 ? 1 : 0) ? 1 : 0);
                            }
                            else
                            {
                                scaled = (int)(((acc + bias64Value) * reduced + round) >> totalShift);
                            }
                            if (scaled < actMin)
                            {
                                scaled = actMin;
                            }
                            if (scaled > actMax)
                            {
                                scaled = actMax;
                            }
                            output[o] = (byte)scaled;
                            output[o + 1] = (byte)(scaled >> 8);
                            o += outC * 2;
                        }
                    }
                }
            }
        }
    }
}
