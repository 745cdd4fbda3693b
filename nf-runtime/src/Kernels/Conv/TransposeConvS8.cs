using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// TRANSPOSE_CONV with int8 activations and int8 weights, per-channel requantization; bit-exact with TFLM's
    /// reference_integer_ops::TransposeConv. TFLM scatters every input pixel into an int32 scratch of the output
    /// size, then requantizes. This kernel gathers instead: output (y, x) receives input (iy, ix) through tap
    /// (fy, fx) exactly when iy * stride_h - pad_top + fy = y (likewise for x), so each output sums the same
    /// products as TFLM's scratch cell; int32 addition wraps identically in any order, hence the same bits, and
    /// no scratch buffer is needed.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int8 OHWI (out_c, f_h, f_w, in_c), [2] bias int32 [out_c] or -1,
    /// [3] multipliers int32 [out_c * 2] = (Q0.31 multiplier, shift) per output channel. The TFLite output-shape
    /// input is not read (the output dimensions are in Params). Outputs: [0] output int8 NHWC.</para>
    /// <para>Params: the transpose_conv layout, <see cref="TransposeConvParams"/> (shared with
    /// <see cref="TransposeConvS16"/>); the input offset is -input zero point.</para>
    /// </summary>
    public static class TransposeConvS8
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return ConvChecks.Transpose(ctx, op, TensorType.Int8, true, false);
        }

        /// <summary>Runs the transposed convolution; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[TransposeConvParams.Batches];
            int inH = p[TransposeConvParams.InputHeight];
            int inW = p[TransposeConvParams.InputWidth];
            int inC = p[TransposeConvParams.InputDepth];
            int fH = p[TransposeConvParams.FilterHeight];
            int fW = p[TransposeConvParams.FilterWidth];
            int outH = p[TransposeConvParams.OutputHeight];
            int outW = p[TransposeConvParams.OutputWidth];
            int outC = p[TransposeConvParams.OutputDepth];
            int strideH = p[TransposeConvParams.StrideHeight];
            int strideW = p[TransposeConvParams.StrideWidth];
            int padH = p[TransposeConvParams.PaddingTop];
            int padW = p[TransposeConvParams.PaddingLeft];
            int inputOffset = p[TransposeConvParams.InputOffset];
            int outputOffset = p[TransposeConvParams.OutputOffset];
            int actMin = p[TransposeConvParams.ActivationMin];
            int actMax = p[TransposeConvParams.ActivationMax];

            byte[] input = ctx.Buffer(op.Inputs[TransposeConvSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[TransposeConvSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[TransposeConvSlots.InFilter]);
            int fBase = ctx.Offset(op.Inputs[TransposeConvSlots.InFilter]);
            int biasT = op.Inputs[TransposeConvSlots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] quant = ctx.Buffer(op.Inputs[TransposeConvSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[TransposeConvSlots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[TransposeConvSlots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[TransposeConvSlots.OutOutput]);

            // Output channels outermost: each channel's bias and requantization constants are read once.
            for (int outCh = 0; outCh < outC; outCh++)
            {
                int fOut = fBase + outCh * fH * fW * inC;
                int biasValue = bias != null ? LittleEndian.ReadInt32(bias, biasBase + outCh * 4) : 0;
                // FixedPoint.MultiplyByQuantizedMultiplier (int32) unrolled per channel, as in ConvS8.
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
                        // Taps that reach this row: fy = (outY + padH) - iy * strideH, one residue class mod strideH.
                        int ty = outY + padH;
                        int fyFirst = ty % strideH;
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int tx = outX + padW;
                            int fxFirst = tx % strideW;
                            int acc = biasValue;
                            for (int fy = fyFirst; fy < fH && fy <= ty; fy += strideH)
                            {
                                int inY = (ty - fy) / strideH;
                                if (inY >= inH)
                                {
                                    continue;
                                }
                                int inRow = inBatch + inY * inW * inC;
                                int fRow = fOut + fy * fW * inC;
                                for (int fx = fxFirst; fx < fW && fx <= tx; fx += strideW)
                                {
                                    int inX = (tx - fx) / strideW;
                                    if (inX >= inW)
                                    {
                                        continue;
                                    }
                                    int i = inRow + inX * inC;
                                    int f = fRow + fx * inC;
                                    int fEnd = f + inC;
                                    while (f < fEnd)
                                    {
                                        acc += ((sbyte)input[i] + inputOffset) * (sbyte)filter[f];
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
    }
}
