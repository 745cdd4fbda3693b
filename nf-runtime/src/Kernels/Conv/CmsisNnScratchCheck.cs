using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// Load-time check of the optional second output of an int8 CONV_2D / DEPTHWISE_CONV_2D record (int8 or int4
    /// weights) or of an int16 one the compiler proved CMSIS-NN-exact: the scratch that <c>tinylite compile --cmsis-nn</c>
    /// reserves for the CMSIS-NN backend of the native kernels, and the sizes themselves. The compiler reserves exactly
    /// these sizes (codegen's Lowering/Conv lowerings call the byte methods below on the record's Params), so the
    /// formulas exist once in C#; native-kernels/src/portable/conv/tl_conv_cmsis_scratch.c is their native twin,
    /// which every native build applies. The managed kernels never touch the scratch, but an image whose scratch is
    /// smaller than the compiler reserves would be refused by the native loader, so the managed loader refuses it too:
    /// the scratch must be an int8 tensor of at least that many bytes at a 4-byte aligned offset.
    /// <para>Layout (int8 records): [0, 4 * out_c) multipliers int32, [4 * out_c, 8 * out_c) shifts int32 (CMSIS-NN wants
    /// two arrays; the image interleaves them), [8 * out_c, 12 * out_c) unfolded bias int32 (bias without the folded
    /// input-offset term, for windows reaching into the padding), then the CMSIS-NN function's own buffer. The native
    /// adapter also checks at load time that the reserved buffer is at least what the linked CMSIS-NN asks for.</para>
    /// </summary>
    public static class CmsisNnScratchCheck
    {
        /// <summary>
        /// Null when <paramref name="op"/> (already validated by <see cref="ConvChecks.Conv2D"/> or
        /// <see cref="ConvChecks.Depthwise"/>) has no scratch or one of at least the bytes the compiler reserves for
        /// it (<see cref="ConvS8Bytes"/>, <see cref="ConvS4Bytes"/>, <see cref="DepthwiseS8Bytes"/>,
        /// <see cref="DepthwiseS4Bytes"/> when <paramref name="kind"/> is <see cref="OpCode.ConvS8"/>,
        /// <see cref="OpCode.ConvS4"/>, <see cref="OpCode.DepthwiseConvS8"/>, <see cref="OpCode.DepthwiseConvS4"/>;
        /// <see cref="ConvS16Bytes"/>, <see cref="DepthwiseS16Bytes"/> for <see cref="OpCode.ConvS16"/>,
        /// <see cref="OpCode.DepthwiseConvS16"/>); an error message otherwise.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op, int kind)
        {
            if (op.Outputs.Length != 2)
            {
                return null;
            }
            // Output slot 1 in both layouts (ConvSlots, DepthwiseConvSlots) and in the kernels' own slot lists.
            int t = op.Outputs[ConvSlots.OutScratch];
            if (t < 0 || t >= ctx.TensorCount)
            {
                return "CMSIS-NN scratch: tensor index " + t.ToString() + " out of range";
            }
            if (ctx.Type(t) != TensorType.Int8)
            {
                return "CMSIS-NN scratch: tensor " + t.ToString() + " has type " + ctx.Type(t).ToString() + ", expected int8";
            }
            long needed = kind == OpCode.DepthwiseConvS8 ? DepthwiseS8Bytes(op.Params)
                : kind == OpCode.DepthwiseConvS4 ? DepthwiseS4Bytes(op.Params)
                : kind == OpCode.ConvS4 ? ConvS4Bytes(op.Params)
                : kind == OpCode.ConvS16 ? ConvS16Bytes(op.Params)
                : kind == OpCode.DepthwiseConvS16 ? DepthwiseS16Bytes(op.Params)
                : ConvS8Bytes(op.Params);
            int offset = ctx.Offset(t);
            byte[] buffer = ctx.Buffer(t);
            if (ctx.ByteSize(t) < needed)
            {
                return "CMSIS-NN scratch: tensor " + t.ToString() + " has " + ctx.ByteSize(t).ToString() + " bytes, needs " + needed.ToString();
            }
            if (buffer == null || offset < 0 || (offset & 3) != 0 || (long)offset + ctx.ByteSize(t) > buffer.Length)
            {
                return "CMSIS-NN scratch: tensor " + t.ToString() + " is not 4-byte aligned inside its buffer";
            }
            return null;
        }

        /// <summary>
        /// Scratch bytes of a validated int8 CONV_2D record (<see cref="ConvParams"/>): three int32 arrays of out_c
        /// entries, then the buffer of arm_convolve_wrapper_s8 (CMSIS-NN v7, arm_convolve_get_buffer_sizes_s8.c) for the
        /// portable and DSP builds, the larger where they differ: a 1×1 filter over the whole input depth without
        /// padding or dilation needs 2 * in_c int16 at unit stride (Arm Compiler builds; none with GCC) and nothing
        /// otherwise; every other shape (1×N included) the im2col buffer of two columns, each fH * fW * in_c int16
        /// rounded up to 4. The MVE (Cortex-M55) formula differs and is not covered.
        /// </summary>
        public static long ConvS8Bytes(int[] p)
        {
            int inC = p[ConvParams.InputDepth];
            int fH = p[ConvParams.FilterHeight];
            int fW = p[ConvParams.FilterWidth];
            long buffer;
            if (OneByOneWholeDepth(p))
            {
                buffer = p[ConvParams.StrideHeight] == 1 && p[ConvParams.StrideWidth] == 1 ? 4L * inC : 0;
            }
            else
            {
                long taps = (long)fH * fW * inC;
                buffer = 4 * ((taps + 3) / 4 * 4);
            }
            return 12L * p[ConvParams.OutputDepth] + buffer;
        }

        /// <summary>
        /// Scratch bytes of a validated CONV_2D record with int4 weights (<see cref="ConvParams"/>): three int32 arrays
        /// of out_c entries, then the buffer of arm_convolve_wrapper_s4 (CMSIS-NN v7, arm_convolve_get_buffer_sizes_s4.c,
        /// portable and DSP builds): none for a 1×1 filter over the whole input depth without padding or dilation,
        /// otherwise the im2col buffer of two columns of fH * fW * in_c int16.
        /// </summary>
        public static long ConvS4Bytes(int[] p)
        {
            long buffer = OneByOneWholeDepth(p)
                ? 0
                : 4L * p[ConvParams.FilterHeight] * p[ConvParams.FilterWidth] * p[ConvParams.InputDepth];
            return 12L * p[ConvParams.OutputDepth] + buffer;
        }

        /// <summary>
        /// Scratch bytes of a validated int16 CONV_2D record the compiler proved CMSIS-NN-exact
        /// (<see cref="ConvParams"/>): the im2col buffer of arm_convolve_wrapper_s16 (CMSIS-NN v7,
        /// arm_convolve_get_buffer_sizes_s16.c) on portable and DSP builds, two columns of fH * fW * in_c int16. The
        /// requantization arrays are a constant input (the optional fifth), so nothing else is needed.
        /// </summary>
        public static long ConvS16Bytes(int[] p)
        {
            return 4L * p[ConvParams.FilterHeight] * p[ConvParams.FilterWidth] * p[ConvParams.InputDepth];
        }

        /// <summary>
        /// Scratch bytes of a validated int8 DEPTHWISE_CONV_2D record (<see cref="DepthwiseConvParams"/>): three int32
        /// arrays of out_c entries, the filter back in TFLite's [fH, fW, out_c] order (the image stores it channel-major
        /// for the managed kernel; CMSIS-NN reads the TFLite order) rounded up to 4 bytes, then the buffer of
        /// arm_depthwise_conv_wrapper_s8 (CMSIS-NN v7, arm_depthwise_conv_get_buffer_sizes_s8.c), the larger of the
        /// portable and DSP builds: one batch, multiplier 1 and no dilation take the optimised kernel, which buffers
        /// in_c * fH * fW int16 on DSP unless the filter is 3×3 with padding &lt;= 1 (its own kernel, no buffer); every
        /// other shape needs none.
        /// </summary>
        public static long DepthwiseS8Bytes(int[] p)
        {
            long taps = (long)p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];
            bool threeByThree = p[DepthwiseConvParams.FilterHeight] == 3 && p[DepthwiseConvParams.FilterWidth] == 3
                && p[DepthwiseConvParams.PaddingTop] <= 1 && p[DepthwiseConvParams.PaddingLeft] <= 1;
            long buffer = DepthwiseOptimised(p) && !threeByThree ? 2L * p[DepthwiseConvParams.InputDepth] * taps : 0;
            return 12L * p[DepthwiseConvParams.OutputDepth] + (taps * p[DepthwiseConvParams.OutputDepth] + 3) / 4 * 4 + buffer;
        }

        /// <summary>
        /// Scratch bytes of a validated DEPTHWISE_CONV_2D record with int4 weights (<see cref="DepthwiseConvParams"/>):
        /// three int32 arrays of out_c entries, then the buffer of arm_depthwise_conv_wrapper_s4 (CMSIS-NN v7,
        /// arm_depthwise_conv_get_buffer_sizes_s4.c, the same on portable and DSP builds): one batch, multiplier 1 and no
        /// dilation take arm_depthwise_conv_s4_opt, whose im2col buffer is in_c * fH * fW int16; every other shape needs
        /// none. The filter in TFLite's packed order is a constant input (the optional sixth), not scratch.
        /// </summary>
        public static long DepthwiseS4Bytes(int[] p)
        {
            long buffer = DepthwiseOptimised(p)
                ? 2L * p[DepthwiseConvParams.InputDepth] * p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth]
                : 0;
            return 12L * p[DepthwiseConvParams.OutputDepth] + buffer;
        }

        /// <summary>
        /// Scratch bytes of such an int16 DEPTHWISE_CONV_2D record (<see cref="DepthwiseConvParams"/>): the filter in
        /// TFLite order rounded up to 4 bytes (as for int8), then the buffer of arm_depthwise_conv_wrapper_s16 (CMSIS-NN
        /// v7, arm_depthwise_conv_get_buffer_sizes_s16.c): in_c * taps int16 on DSP builds when
        /// arm_depthwise_conv_fast_s16 runs (multiplier 1, no dilation, fewer than 512 taps), none otherwise and none on
        /// portable builds.
        /// </summary>
        public static long DepthwiseS16Bytes(int[] p)
        {
            long taps = (long)p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];
            bool fast = p[DepthwiseConvParams.InputDepth] == p[DepthwiseConvParams.OutputDepth]
                && p[DepthwiseConvParams.DilationHeight] == 1 && p[DepthwiseConvParams.DilationWidth] == 1 && taps < 512;
            return (taps * p[DepthwiseConvParams.OutputDepth] + 3) / 4 * 4 + (fast ? 2L * p[DepthwiseConvParams.InputDepth] * taps : 0);
        }

        /// <summary>A 1×1 CONV_2D over the whole input depth without padding or dilation: CMSIS-NN's own 1×1 path.</summary>
        private static bool OneByOneWholeDepth(int[] p)
        {
            return p[ConvParams.PaddingTop] == 0 && p[ConvParams.PaddingLeft] == 0 && p[ConvParams.FilterHeight] == 1
                && p[ConvParams.FilterWidth] == 1 && p[ConvParams.DilationHeight] == 1 && p[ConvParams.DilationWidth] == 1
                && p[ConvParams.InputDepth] == p[ConvParams.FilterDepth];
        }

        /// <summary>One batch, depth multiplier 1 (in_c = out_c), no dilation: CMSIS-NN's optimised depthwise kernels.</summary>
        private static bool DepthwiseOptimised(int[] p)
        {
            return p[DepthwiseConvParams.InputDepth] == p[DepthwiseConvParams.OutputDepth] && p[DepthwiseConvParams.Batches] == 1
                && p[DepthwiseConvParams.DilationHeight] == 1 && p[DepthwiseConvParams.DilationWidth] == 1;
        }
    }
}
