using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with int8 activations and int8 weights, per-channel requantization; bit-exact with TFLM's
    /// reference_integer_ops::DepthwiseConvPerChannel (output channel = input channel * multiplier + m, int32
    /// accumulator, acc = bias + sum of w * (x + input_offset) over the taps inside the image). As in
    /// <see cref="ConvS8"/> the compiler folds input_offset * (sum of the channel's weights) into the bias and taps
    /// in the padding subtract input_offset * w.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int8 laid out channel-major by the compiler:
    /// [out_c][f_h][f_w] (TFLite's [1, f_h, f_w, out_c] transposed, so each channel's taps are contiguous),
    /// [2] folded bias int32 [out_c], required, [3] multipliers int32 [out_c * 2] = (Q0.31 multiplier, shift) per
    /// channel, optional [4] raw bias int32 [out_c] (as in <see cref="ConvS8"/>: compile --cmsis-nn, windows
    /// reaching into the padding; for the native CMSIS-NN backend, not read here).
    /// Outputs: [0] output int8 NHWC.</para>
    /// <para>Params: the depthwise_conv layout, <see cref="DepthwiseConvParams"/> (shared with
    /// <see cref="DepthwiseConvS4"/> and <see cref="DepthwiseConvS16"/>); output depth = input depth * depth
    /// multiplier, the input offset is -input zero point.</para>
    /// </summary>
    public static class DepthwiseConvS8
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Depthwise(ctx, op, TensorType.Int8, TensorType.Int8, true, false, true);
            // The optional second output is the CMSIS-NN scratch (unused here): refused when smaller than reserved.
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.DepthwiseConvS8);
        }

        /// <summary>Runs the convolution; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            Compute(ctx, op, false);
        }

        /// <summary>
        /// The convolution of <see cref="Run"/> (int8 filter) and of <see cref="DepthwiseConvS4"/> (<paramref name="int4"/>:
        /// the packed filter, its nibbles read in place by <see cref="RunChannel"/>), channel by channel.
        /// </summary>
        public static void Compute(KernelContext ctx, OpRecord op, bool int4)
        {
            int[] p = op.Params;
            int batches = p[DepthwiseConvParams.Batches];
            int inH = p[DepthwiseConvParams.InputHeight];
            int inW = p[DepthwiseConvParams.InputWidth];
            int inC = p[DepthwiseConvParams.InputDepth];
            int multiplier = p[DepthwiseConvParams.DepthMultiplier];
            int outH = p[DepthwiseConvParams.OutputHeight];
            int outW = p[DepthwiseConvParams.OutputWidth];
            int outC = p[DepthwiseConvParams.OutputDepth];

            byte[] input = ctx.Buffer(op.Inputs[DepthwiseConvSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[DepthwiseConvSlots.InInput]);
            byte[] filter = ctx.Buffer(op.Inputs[DepthwiseConvSlots.InFilter]);
            // int8: f indexes bytes from fBase; int4: f indexes elements and nibbleBase is the filter's first byte.
            int nibbleBase = int4 ? ctx.Offset(op.Inputs[DepthwiseConvSlots.InFilter]) : -1;
            int fBase = int4 ? 0 : ctx.Offset(op.Inputs[DepthwiseConvSlots.InFilter]);
            int biasT = op.Inputs[DepthwiseConvSlots.InBias];
            byte[] bias = ctx.Buffer(biasT);
            int biasBase = ctx.Offset(biasT);
            byte[] quant = ctx.Buffer(op.Inputs[DepthwiseConvSlots.InMultipliers]);
            int quantBase = ctx.Offset(op.Inputs[DepthwiseConvSlots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[DepthwiseConvSlots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[DepthwiseConvSlots.OutOutput]);
            int taps = p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];

            // Output channels outermost: each channel's bias and requantization constants are read once.
            for (int outCh = 0; outCh < outC; outCh++)
            {
                int bb = biasBase + outCh * 4;
                int q = quantBase + outCh * 8;
                for (int b = 0; b < batches; b++)
                {
                    // Validate keeps the shift in [-31, 31]: its low byte, sign-extended, is the whole value.
                    RunChannel(p, input, inBase + b * inH * inW * inC + outCh / multiplier, filter,
                        fBase + outCh * taps, nibbleBase,
                        bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24),
                        quant[q] | (quant[q + 1] << 8) | (quant[q + 2] << 16) | (quant[q + 3] << 24),
                        (sbyte)quant[q + 4], output, outBase + b * outH * outW * outC + outCh, outC);
                }
            }
        }

        /// <summary>
        /// Computes one output channel of one batch (shared with <see cref="DepthwiseConvS8InPlace"/>; the int4 kernels
        /// reach it through the two Compute methods).
        /// <paramref name="p"/> is the record's Params; the channel's input element (y, x) is
        /// <paramref name="input"/>[<paramref name="inChannel"/> + (y * in_w + x) * in_c]; its taps are the
        /// f_h * f_w int8 bytes at <paramref name="f"/> when <paramref name="nibbleBase"/> is negative, else packed
        /// int4 elements f, f + 1, ... (element e: low nibble of byte nibbleBase + e / 2 when e is even, high nibble
        /// when odd, sign-extended); <paramref name="biasValue"/> is its folded bias and
        /// (<paramref name="multiplier"/>, <paramref name="shift"/>) its requantization (shift in [-31, 31], multiplier
        /// non-negative, as Validate guarantees); output pixel k goes to <paramref name="dst"/>[<paramref name="d"/> +
        /// k * <paramref name="dstStep"/>].
        /// </summary>
        /// <remarks>
        /// Tuned for nanoCLR (every IL instruction interpreted, array loads the dearest): a tap in the padding is
        /// the value -input_offset (its product then cancels the folded bias's share, exactly TFLM's skipped tap);
        /// 3x3 filters with stride 1 and no dilation keep the weights and a sliding 3x3 window in locals, so each
        /// output loads one new column (3 values) for 9 MACs; requantization is inline, as derived in
        /// <see cref="ConvS8"/>.
        /// </remarks>
        public static void RunChannel(int[] p, byte[] input, int inChannel, byte[] filter, int f, int nibbleBase, int biasValue,
            int multiplier, int shift, byte[] dst, int d, int dstStep)
        {
            int inH = p[DepthwiseConvParams.InputHeight];
            int inW = p[DepthwiseConvParams.InputWidth];
            int inC = p[DepthwiseConvParams.InputDepth];
            int fH = p[DepthwiseConvParams.FilterHeight];
            int fW = p[DepthwiseConvParams.FilterWidth];
            int outH = p[DepthwiseConvParams.OutputHeight];
            int outW = p[DepthwiseConvParams.OutputWidth];
            int strideH = p[DepthwiseConvParams.StrideHeight];
            int strideW = p[DepthwiseConvParams.StrideWidth];
            int dilH = p[DepthwiseConvParams.DilationHeight];
            int dilW = p[DepthwiseConvParams.DilationWidth];
            int padH = p[DepthwiseConvParams.PaddingTop];
            int padW = p[DepthwiseConvParams.PaddingLeft];
            int pad = -p[DepthwiseConvParams.InputOffset];
            int outputOffset = p[DepthwiseConvParams.OutputOffset];
            int actMin = p[DepthwiseConvParams.ActivationMin];
            int actMax = p[DepthwiseConvParams.ActivationMax];
            int inRowStride = inW * inC;
            int leftShift = shift > 0 ? shift : 0;
            int rightShift = shift < 0 ? -shift : 0;
            long nudge = rightShift > 0 ? 1L << (rightShift - 1) : 0;
            bool slide = fH == 3 && fW == 3 && strideW == 1 && dilH == 1 && dilW == 1;
            int w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0, w8 = 0;
            if (slide)
            {
                w0 = Tap(filter, f, nibbleBase);
                w1 = Tap(filter, f + 1, nibbleBase);
                w2 = Tap(filter, f + 2, nibbleBase);
                w3 = Tap(filter, f + 3, nibbleBase);
                w4 = Tap(filter, f + 4, nibbleBase);
                w5 = Tap(filter, f + 5, nibbleBase);
                w6 = Tap(filter, f + 6, nibbleBase);
                w7 = Tap(filter, f + 7, nibbleBase);
                w8 = Tap(filter, f + 8, nibbleBase);
            }
            for (int outY = 0; outY < outH; outY++)
            {
                int inYOrigin = outY * strideH - padH;
                if (slide)
                {
                    bool in0 = inYOrigin >= 0 && inYOrigin < inH;
                    bool in1 = inYOrigin + 1 >= 0 && inYOrigin + 1 < inH;
                    bool in2 = inYOrigin + 2 >= 0 && inYOrigin + 2 < inH;
                    int row0 = inChannel + inYOrigin * inRowStride;
                    int row1 = row0 + inRowStride;
                    int row2 = row1 + inRowStride;
                    // Columns a (left), b, c (right) of the window, rows 0..2; the first output loads all three.
                    int x = -padW;
                    int a0 = pad, a1 = pad, a2 = pad;
                    if (x >= 0 && x < inW)
                    {
                        int i = x * inC;
                        a0 = in0 ? (sbyte)input[row0 + i] : pad;
                        a1 = in1 ? (sbyte)input[row1 + i] : pad;
                        a2 = in2 ? (sbyte)input[row2 + i] : pad;
                    }
                    x++;
                    int b0 = pad, b1 = pad, b2 = pad;
                    if (x >= 0 && x < inW)
                    {
                        int i = x * inC;
                        b0 = in0 ? (sbyte)input[row0 + i] : pad;
                        b1 = in1 ? (sbyte)input[row1 + i] : pad;
                        b2 = in2 ? (sbyte)input[row2 + i] : pad;
                    }
                    for (int outX = 0; outX < outW; outX++)
                    {
                        x++;
                        int c0 = pad, c1 = pad, c2 = pad;
                        if (x >= 0 && x < inW)
                        {
                            int i = x * inC;
                            c0 = in0 ? (sbyte)input[row0 + i] : pad;
                            c1 = in1 ? (sbyte)input[row1 + i] : pad;
                            c2 = in2 ? (sbyte)input[row2 + i] : pad;
                        }
                        int acc = biasValue + w0 * a0 + w1 * b0 + w2 * c0 + w3 * a1 + w4 * b1 + w5 * c1
                            + w6 * a2 + w7 * b2 + w8 * c2;
                        long prod = (long)(acc << leftShift) * multiplier + (1L << 30);
                        int v = (int)(((prod >> 31) + (prod < 0 ? nudge - (rightShift > 0 ? 1 : 0) : nudge)) >> rightShift)
                            + outputOffset;
                        dst[d] = (byte)(v < actMin ? actMin : v > actMax ? actMax : v);
                        d += dstStep;
                        a0 = b0;
                        a1 = b1;
                        a2 = b2;
                        b0 = c0;
                        b1 = c1;
                        b2 = c2;
                    }
                }
                else
                {
                    for (int outX = 0; outX < outW; outX++)
                    {
                        int inXOrigin = outX * strideW - padW;
                        int acc = biasValue;
                        int t = f;
                        for (int fy = 0; fy < fH; fy++)
                        {
                            int inY = inYOrigin + dilH * fy;
                            bool rowInside = inY >= 0 && inY < inH;
                            int inRow = inChannel + inY * inRowStride;
                            for (int fx = 0; fx < fW; fx++)
                            {
                                int inX = inXOrigin + dilW * fx;
                                int w = nibbleBase < 0 ? (sbyte)filter[t]
                                    : ((t & 1) == 0 ? filter[nibbleBase + (t >> 1)] << 28 : filter[nibbleBase + (t >> 1)] << 24) >> 28;
                                acc += w * (rowInside && inX >= 0 && inX < inW ? (sbyte)input[inRow + inX * inC] : pad);
                                t++;
                            }
                        }
                        long prod = (long)(acc << leftShift) * multiplier + (1L << 30);
                        int v = (int)(((prod >> 31) + (prod < 0 ? nudge - (rightShift > 0 ? 1 : 0) : nudge)) >> rightShift)
                            + outputOffset;
                        dst[d] = (byte)(v < actMin ? actMin : v > actMax ? actMax : v);
                        d += dstStep;
                    }
                }
            }
        }

        /// <summary>Tap <paramref name="e"/>: int8 byte e, or with <paramref name="nibbleBase"/> &gt;= 0 packed int4 element e, sign-extended.</summary>
        private static int Tap(byte[] filter, int e, int nibbleBase)
        {
            if (nibbleBase < 0)
            {
                return (sbyte)filter[e];
            }
            int packed = filter[nibbleBase + (e >> 1)];
            return ((e & 1) == 0 ? packed << 28 : packed << 24) >> 28;
        }
    }
}
