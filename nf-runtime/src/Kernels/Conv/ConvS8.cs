using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with int8 activations and int8 weights, per-channel requantization; bit-exact with TFLM's
    /// reference_integer_ops::ConvPerChannel (int32 accumulator, acc = bias + sum of w * (x + input_offset) over the
    /// taps inside the image, grouped convolution when the filter depth divides the input depth). The compiler folds
    /// input_offset * (sum of the channel's weights) into the bias, so the inner loop is acc += w * x; a window that
    /// reaches into the padding starts from the bias without that term and adds input_offset to each input it reads
    /// (TFLM's own sum). int32 addition wraps, so any order gives TFLM's bits.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int8 OHWI (out_c, f_h, f_w, f_in_c), [2] folded bias int32
    /// [out_c], required (model bias, or 0, plus input_offset * sum of the channel's weights), [3] multipliers int32
    /// [out_c * 2] = (Q0.31 multiplier, shift with positive = left) per output channel; optional [4] raw bias int32
    /// [out_c] (added by <c>compile --cmsis-nn</c> when some window reaches into the padding: the model's bias, 0
    /// without one, i.e. without the folded term; read by the native CMSIS-NN backend, never by this kernel;
    /// size-checked by Validate when present).
    /// Outputs: [0] output int8 NHWC.</para>
    /// <para>Params: the conv layout, <see cref="ConvParams"/> (shared with <see cref="ConvS4"/> and
    /// <see cref="ConvS16"/>); the filter depth is the input channels per group, the input offset is -input zero
    /// point, the output offset the output zero point, the activation range quantized (fused activation
    /// included).</para>
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
        /// <remarks>
        /// Tuned for nanoCLR, which interprets every IL instruction and pays most for array loads: four output
        /// channels of one group at a time share each input load (1.25 loads per MAC instead of 2); each output
        /// window is clipped to the image once (no test per tap) and, when the filter spans the whole input depth
        /// without dilation, the taps of one filter row are one contiguous run; requantization is inline.
        /// Requantization (TFLM's MultiplyByQuantizedMultiplier): x = acc shifted left by max(shift, 0), wrapping as
        /// in C; high = floor((x * multiplier + 2^30) / 2^31), which equals TFLM's truncating division with its
        /// sign-dependent nudge (the multiplier is non-negative, so the min*min saturation cannot occur); then for
        /// e = -shift &gt; 0 a rounding right shift, ties away from zero: floor((high + 2^(e-1) - (high &lt; 0)) / 2^e).
        /// </remarks>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            Compute(ctx, op, false);
        }

        /// <summary>
        /// The convolution of <see cref="Run"/> (int8 filter) and of <see cref="ConvS4"/> (<paramref name="int4"/>: the
        /// filter packed two elements per byte, element e the low nibble of byte e / 2 when e is even, the high one
        /// when odd, sign-extended; a byte then feeds two MACs when a run starts on an even element).
        /// </summary>
        public static void Compute(KernelContext ctx, OpRecord op, bool int4)
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
            int inputOffset = p[ConvParams.InputOffset];
            int outputOffset = p[ConvParams.OutputOffset];
            int actMin = p[ConvParams.ActivationMin];
            int actMax = p[ConvParams.ActivationMax];
            int filtersPerGroup = outC / (inC / fC);

            byte[] input = ctx.Buffer(op.Inputs[ConvSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[ConvSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[ConvSlots.InFilter]);
            // int8: f indexes bytes from fBase; int4: f indexes elements and nibbleBase is the filter's first byte.
            int nibbleBase = int4 ? ctx.Offset(op.Inputs[ConvSlots.InFilter]) : -1;
            int fBase = int4 ? 0 : ctx.Offset(op.Inputs[ConvSlots.InFilter]);
            int biasT = op.Inputs[ConvSlots.InBias];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[ConvSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[ConvSlots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[ConvSlots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[ConvSlots.OutOutput]);
            int filterSize = fH * fW * fC;
            int fs2 = filterSize * 2;
            int fs3 = filterSize * 3;
            int inRowStride = inW * inC;
            int fRowStride = fW * fC;
            // With no dilation and the whole input depth in the filter, the in-image taps of a filter row are one
            // contiguous run in both the input and the filter.
            bool rowRuns = dilW == 1 && fC == inC;
            int runStepIn = dilW * inC;
            // int4 pairs: every lane's run starts on the same parity only when a filter has an even element count.
            int halfSize = filterSize >> 1;
            bool pairable = !int4 || (filterSize & 1) == 0;

            int outCh = 0;
            while (outCh < outC)
            {
                int group = outCh / filtersPerGroup;
                // Four channels when they exist and share the group, else one.
                int lanes = pairable && outCh + 4 <= outC && (outCh + 3) / filtersPerGroup == group ? 4 : 1;
                int groupStart = group * fC;
                int fOut = fBase + outCh * filterSize;
                int b0 = 0, b1 = 0, b2 = 0, b3 = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                // r: the bias without the folded input_offset * (sum of the channel's weights), for windows that reach
                // into the padding; they add input_offset to every input value instead (TFLM's own formulation,
                // acc = bias + sum over the taps inside of w * (x + input_offset); int32 wraps, so the order is free).
                int r0 = 0, r1 = 0, r2 = 0, r3 = 0;
                for (int lane = 0; lane < lanes; lane++)
                {
                    int bb = biasBase + (outCh + lane) * 4;
                    // The folded bias already holds input_offset * (sum of this channel's weights).
                    int bv = bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24);
                    int q = quantBase + (outCh + lane) * 8;
                    int mv = quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24);
                    // Validate keeps the shift in [-31, 31]: its low byte, sign-extended, is the whole value.
                    int sv = (sbyte)quant[q + 4];
                    int rv = bv - WeightSum(filter, nibbleBase, fOut + lane * filterSize, filterSize) * inputOffset;
                    if (lane == 0) { b0 = bv; m0 = mv; s0 = sv; r0 = rv; }
                    else if (lane == 1) { b1 = bv; m1 = mv; s1 = sv; r1 = rv; }
                    else if (lane == 2) { b2 = bv; m2 = mv; s2 = sv; r2 = rv; }
                    else { b3 = bv; m3 = mv; s3 = sv; r3 = rv; }
                }
                for (int b = 0; b < batches; b++)
                {
                    int inBatch = inBase + b * inH * inRowStride + groupStart;
                    int o = outBase + b * outH * outW * outC + outCh;
                    for (int outY = 0; outY < outH; outY++)
                    {
                        int inYOrigin = outY * strideH - padH;
                        int fyStart = inYOrigin < 0 ? (dilH - 1 - inYOrigin) / dilH : 0;
                        int fyEnd = ValidEnd(inH - inYOrigin, dilH, fH);
                        for (int outX = 0; outX < outW; outX++)
                        {
                            int inXOrigin = outX * strideW - padW;
                            int fxStart = inXOrigin < 0 ? (dilW - 1 - inXOrigin) / dilW : 0;
                            int fxEnd = ValidEnd(inW - inXOrigin, dilW, fW);
                            int a0 = b0, a1 = b1, a2 = b2, a3 = b3;
                            int xAdd = 0;
                            if (fyStart > 0 || fyEnd < fH || fxStart > 0 || fxEnd < fW)
                            {
                                a0 = r0;
                                a1 = r1;
                                a2 = r2;
                                a3 = r3;
                                xAdd = inputOffset;
                            }
                            if (fxStart < fxEnd)
                            {
                                int runs = rowRuns ? 1 : fxEnd - fxStart;
                                int runLength = rowRuns ? (fxEnd - fxStart) * fC : fC;
                                for (int fy = fyStart; fy < fyEnd; fy++)
                                {
                                    int i = inBatch + (inYOrigin + dilH * fy) * inRowStride + (inXOrigin + dilW * fxStart) * inC;
                                    int f = fOut + fy * fRowStride + fxStart * fC;
                                    for (int r = 0; r < runs; r++)
                                    {
                                        int iRun = i;
                                        int fEnd = f + runLength;
                                        if (lanes == 4 && int4)
                                        {
                                            if ((f & 1) != 0 && f < fEnd)
                                            {
                                                int x = (sbyte)input[i] + xAdd;
                                                int g = nibbleBase + (f >> 1);
                                                a0 += ((filter[g] << 24) >> 28) * x;
                                                a1 += ((filter[g + halfSize] << 24) >> 28) * x;
                                                a2 += ((filter[g + filterSize] << 24) >> 28) * x;
                                                a3 += ((filter[g + halfSize + filterSize] << 24) >> 28) * x;
                                                f++;
                                                i++;
                                            }
                                            // f is even: byte g holds elements f (low nibble) and f + 1 (high nibble).
                                            int h = halfSize;
                                            int h2 = filterSize;
                                            int h3 = halfSize + filterSize;
                                            int g0 = nibbleBase + (f >> 1);
                                            int gEnd = g0 + ((fEnd - f) >> 1);
                                            while (g0 < gEnd)
                                            {
                                                int x0 = (sbyte)input[i] + xAdd;
                                                int x1 = (sbyte)input[i + 1] + xAdd;
                                                int w = filter[g0];
                                                a0 += ((w << 28) >> 28) * x0 + ((w << 24) >> 28) * x1;
                                                w = filter[g0 + h];
                                                a1 += ((w << 28) >> 28) * x0 + ((w << 24) >> 28) * x1;
                                                w = filter[g0 + h2];
                                                a2 += ((w << 28) >> 28) * x0 + ((w << 24) >> 28) * x1;
                                                w = filter[g0 + h3];
                                                a3 += ((w << 28) >> 28) * x0 + ((w << 24) >> 28) * x1;
                                                g0++;
                                                i += 2;
                                            }
                                            f += ((fEnd - f) >> 1) << 1;
                                            if (f < fEnd)
                                            {
                                                int x = (sbyte)input[i] + xAdd;
                                                int g = nibbleBase + (f >> 1);
                                                a0 += ((filter[g] << 28) >> 28) * x;
                                                a1 += ((filter[g + h] << 28) >> 28) * x;
                                                a2 += ((filter[g + h2] << 28) >> 28) * x;
                                                a3 += ((filter[g + h3] << 28) >> 28) * x;
                                                f++;
                                            }
                                        }
                                        else if (lanes == 4)
                                        {
                                            int fPairEnd = f + (runLength & ~1);
                                            while (f < fPairEnd)
                                            {
                                                int x0 = (sbyte)input[i] + xAdd;
                                                int x1 = (sbyte)input[i + 1] + xAdd;
                                                a0 += (sbyte)filter[f] * x0 + (sbyte)filter[f + 1] * x1;
                                                a1 += (sbyte)filter[f + filterSize] * x0 + (sbyte)filter[f + filterSize + 1] * x1;
                                                a2 += (sbyte)filter[f + fs2] * x0 + (sbyte)filter[f + fs2 + 1] * x1;
                                                a3 += (sbyte)filter[f + fs3] * x0 + (sbyte)filter[f + fs3 + 1] * x1;
                                                f += 2;
                                                i += 2;
                                            }
                                            if (f < fEnd)
                                            {
                                                int x = (sbyte)input[i] + xAdd;
                                                a0 += (sbyte)filter[f] * x;
                                                a1 += (sbyte)filter[f + filterSize] * x;
                                                a2 += (sbyte)filter[f + fs2] * x;
                                                a3 += (sbyte)filter[f + fs3] * x;
                                                f++;
                                            }
                                        }
                                        else if (int4)
                                        {
                                            while (f < fEnd)
                                            {
                                                int packed = filter[nibbleBase + (f >> 1)];
                                                a0 += (((f & 1) == 0 ? packed << 28 : packed << 24) >> 28) * ((sbyte)input[i] + xAdd);
                                                f++;
                                                i++;
                                            }
                                        }
                                        else
                                        {
                                            while (f < fEnd)
                                            {
                                                a0 += (sbyte)filter[f] * ((sbyte)input[i] + xAdd);
                                                f++;
                                                i++;
                                            }
                                        }
                                        i = iRun + runStepIn;
                                    }
                                }
                            }
                            for (int lane = 0; lane < lanes; lane++)
                            {
                                int acc = lane == 0 ? a0 : lane == 1 ? a1 : lane == 2 ? a2 : a3;
                                int multiplier = lane == 0 ? m0 : lane == 1 ? m1 : lane == 2 ? m2 : m3;
                                int shift = lane == 0 ? s0 : lane == 1 ? s1 : lane == 2 ? s2 : s3;
                                long prod = (long)(shift > 0 ? acc << shift : acc) * multiplier + (1L << 30);
                                long high = prod >> 31;
                                if (shift < 0)
                                {
                                    high = (high + ((1L << (-shift - 1)) - (prod < 0 ? 1 : 0))) >> -shift;
                                }
                                int v = (int)high + outputOffset;
                                if (v < actMin)
                                {
                                    v = actMin;
                                }
                                if (v > actMax)
                                {
                                    v = actMax;
                                }
                                output[o + lane] = (byte)v;
                            }
                            o += outC;
                        }
                    }
                }
                outCh += lanes;
            }
        }

        /// <summary>
        /// One past the last filter tap (of <paramref name="taps"/>, spaced <paramref name="dilation"/>) that lands
        /// inside the image, given <paramref name="room"/> = image size - window origin.
        /// </summary>
        private static int ValidEnd(int room, int dilation, int taps)
        {
            if (room <= 0)
            {
                return 0;
            }
            int end = (room - 1) / dilation + 1;
            return end < taps ? end : taps;
        }

        /// <summary>
        /// Sum of <paramref name="count"/> weights from element <paramref name="f"/>: int8 bytes, or packed int4
        /// elements from byte <paramref name="nibbleBase"/> when it is not negative.
        /// </summary>
        private static int WeightSum(byte[] filter, int nibbleBase, int f, int count)
        {
            int sum = 0;
            int end = f + count;
            for (int k = f; k < end; k++)
            {
                if (nibbleBase < 0)
                {
                    sum += (sbyte)filter[k];
                }
                else
                {
                    int packed = filter[nibbleBase + (k >> 1)];
                    sum += ((k & 1) == 0 ? packed << 28 : packed << 24) >> 28;
                }
            }
            return sum;
        }
    }
}
