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
    /// <para>Params (shared with <see cref="TransposeConvS16"/>): [0] batches, [1] input height, [2] input width,
    /// [3] input depth, [4] filter height, [5] filter width, [6] output height, [7] output width, [8] output depth,
    /// [9] stride height, [10] stride width, [11] padding top, [12] padding left, [13] input offset
    /// (-input zero point), [14] output offset, [15] activation min, [16] activation max.</para>
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
            int batches = p[0];
            int inH = p[1];
            int inW = p[2];
            int inC = p[3];
            int fH = p[4];
            int fW = p[5];
            int outH = p[6];
            int outW = p[7];
            int outC = p[8];
            int strideH = p[9];
            int strideW = p[10];
            int padH = p[11];
            int padW = p[12];
            int inputOffset = p[13];
            int outputOffset = p[14];
            int actMin = p[15];
            int actMax = p[16];

            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inBase = ctx.Offset(op.Inputs[0]);
            byte[] filter = ctx.Buffer(op.Inputs[1]);
            int fBase = ctx.Offset(op.Inputs[1]);
            int biasT = op.Inputs[2];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] quant = ctx.Buffer(op.Inputs[3]);
            int quantBase = ctx.Offset(op.Inputs[3]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outBase = ctx.Offset(op.Outputs[0]);

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
