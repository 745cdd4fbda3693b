using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// TRANSPOSE_CONV with int16 activations and int8 weights (16x8 quantization); bit-exact with TFLM's int16
    /// reference_integer_ops::TransposeConv: int64 accumulation, int64 bias (an int16 bias is widened to int64 by
    /// the compiler, as TFLM widens it at run time), no zero points, int64 MultiplyByQuantizedMultiplier. Gathers
    /// instead of scattering, like <see cref="TransposeConvS8"/>, so no int64 scratch of the output size is needed.
    /// <para>Inputs: [0] input int16 NHWC, [1] filter int8 OHWI, [2] bias int64 [out_c] or -1, [3] multipliers int32
    /// [out_c * 2]. Outputs: [0] output int16 NHWC.</para>
    /// <para>Params: the layout of <see cref="TransposeConvS8"/>; the input and output offsets must be 0.</para>
    /// </summary>
    public static class TransposeConvS16
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Transpose(ctx, op, TensorType.Int16, false, true);
            if (e == null && (op.Params[TransposeConvParams.InputOffset] != 0 || op.Params[TransposeConvParams.OutputOffset] != 0))
            {
                e = "int16 transposed convolution with non-zero offsets";
            }
            return e;
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
                long biasValue = bias != null ? LittleEndian.ReadInt64(bias, biasBase + outCh * 8) : 0;
                // FixedPoint.MultiplyByQuantizedMultiplier(long) unrolled: 16-bit multiplier, one rounding shift.
                int multiplier = LittleEndian.ReadInt32(quant, quantBase + outCh * 8);
                int shift = LittleEndian.ReadInt32(quant, quantBase + outCh * 8 + 4);
                long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
                int totalShift = 15 - shift;
                long round = 1L << (totalShift - 1);
                int o = outBase + outCh * 2;
                for (int b = 0; b < batches; b++)
                {
                    int inBatch = inBase + b * inH * inW * inC * 2;
                    for (int outY = 0; outY < outH; outY++)
                    {
                        // Taps that reach this row: fy = (outY + padH) - iy * strideH, one residue class mod strideH.
                        int ty = outY + padH;
                        int fyFirst = ty % strideH;
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int tx = outX + padW;
                            int fxFirst = tx % strideW;
                            long acc = biasValue;
                            for (int fy = fyFirst; fy < fH && fy <= ty; fy += strideH)
                            {
                                int inY = (ty - fy) / strideH;
                                if (inY >= inH)
                                {
                                    continue;
                                }
                                int inRow = inBatch + inY * inW * inC * 2;
                                int fRow = fOut + fy * fW * inC;
                                for (int fx = fxFirst; fx < fW && fx <= tx; fx += strideW)
                                {
                                    int inX = (tx - fx) / strideW;
                                    if (inX >= inW)
                                    {
                                        continue;
                                    }
                                    int i = inRow + inX * inC * 2;
                                    int f = fRow + fx * inC;
                                    int fEnd = f + inC;
                                    while (f < fEnd)
                                    {
                                        acc += (short)(input[i] | (input[i + 1] << 8)) * (sbyte)filter[f];
                                        f++;
                                        i += 2;
                                    }
                                }
                            }
                            int scaled = (int)((acc * reduced + round) >> totalShift);
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
