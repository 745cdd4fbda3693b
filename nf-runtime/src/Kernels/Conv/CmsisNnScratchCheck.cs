using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// Load-time check of the optional second output of an int8 CONV_2D / DEPTHWISE_CONV_2D record (int8 or int4
    /// weights for CONV_2D) or of an int16 one the compiler proved CMSIS-NN-exact: the scratch that
    /// <c>tinylite compile --cmsis-nn</c> reserves for the CMSIS-NN backend of the native kernels. The managed kernels
    /// never touch it, but an image whose scratch is smaller than the compiler reserves would be refused by the native
    /// loader (native-kernels/src/families/tl_conv_cmsis_scratch.c applies the same sizes in every native build), so
    /// the managed loader refuses it too.
    /// <para>Sizes (bytes) replicate codegen's CmsisNnScratch: CONV_2D 12 * out_c + the buffer of CMSIS-NN's
    /// arm_convolve_wrapper_s8 (portable and DSP builds); DEPTHWISE_CONV_2D 12 * out_c + the filter in TFLite order
    /// rounded up to 4 + the buffer of arm_depthwise_conv_wrapper_s8; CONV_2D with int4 weights 12 * out_c + the buffer
    /// of arm_convolve_wrapper_s4; DEPTHWISE_CONV_2D with int4 weights 12 * out_c + the buffer of
    /// arm_depthwise_conv_wrapper_s4; int16 CONV_2D and DEPTHWISE_CONV_2D: see <see cref="ConvS16Bytes"/> and
    /// <see cref="DepthwiseS16Bytes"/>. The scratch must be an int8 tensor of at least that many bytes at a 4-byte aligned
    /// offset.</para>
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
            int t = op.Outputs[1];
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

        /// <summary>Scratch bytes of a validated int8 CONV_2D record (Params layout of <see cref="ConvS8"/>).</summary>
        public static long ConvS8Bytes(int[] p)
        {
            long buffer;
            if (p[14] == 0 && p[15] == 0 && p[4] == 1 && p[5] == 1 && p[12] == 1 && p[13] == 1 && p[3] == p[6])
            {
                // 1x1 over the whole depth, no padding or dilation: 2 * in_c int16 at unit stride, nothing otherwise.
                buffer = p[10] == 1 && p[11] == 1 ? 4L * p[3] : 0;
            }
            else
            {
                // im2col of two columns, each rounded up to 4 int16.
                long taps = (long)p[4] * p[5] * p[3];
                buffer = 4 * ((taps + 3) / 4 * 4);
            }
            return 12L * p[9] + buffer;
        }

        /// <summary>Scratch bytes of a validated CONV_2D record with int4 weights (Params layout of <see cref="ConvS8"/>).</summary>
        public static long ConvS4Bytes(int[] p)
        {
            // No buffer for 1x1 over the whole depth without padding or dilation; else im2col of two columns (fH * fW * in_c int16 each).
            bool oneByOne = p[14] == 0 && p[15] == 0 && p[4] == 1 && p[5] == 1 && p[12] == 1 && p[13] == 1 && p[3] == p[6];
            return 12L * p[9] + (oneByOne ? 0 : 4L * p[4] * p[5] * p[3]);
        }

        /// <summary>
        /// Scratch bytes of a validated int16 CONV_2D record the compiler proved CMSIS-NN-exact (Params layout of
        /// <see cref="ConvS8"/>): the im2col buffer of arm_convolve_wrapper_s16, two columns of fH * fW * in_c int16.
        /// </summary>
        public static long ConvS16Bytes(int[] p)
        {
            return 4L * p[4] * p[5] * p[3];
        }

        /// <summary>
        /// Scratch bytes of such an int16 DEPTHWISE_CONV_2D record: the filter in TFLite order rounded up to 4, plus
        /// in_c * taps int16 when arm_depthwise_conv_fast_s16 runs (multiplier 1, no dilation, fewer than 512 taps).
        /// </summary>
        public static long DepthwiseS16Bytes(int[] p)
        {
            long taps = (long)p[4] * p[5];
            bool fast = p[3] == p[9] && p[12] == 1 && p[13] == 1 && taps < 512;
            return (taps * p[9] + 3) / 4 * 4 + (fast ? 2L * p[3] * taps : 0);
        }

        /// <summary>Scratch bytes of a validated int8 DEPTHWISE_CONV_2D record (Params layout of <see cref="DepthwiseConvS8"/>).</summary>
        public static long DepthwiseS8Bytes(int[] p)
        {
            long taps = (long)p[4] * p[5];
            long buffer = 0;
            // The optimised kernel (one batch, multiplier 1, no dilation) buffers in_c * taps int16, unless 3x3 with padding <= 1.
            if (p[3] == p[9] && p[0] == 1 && p[12] == 1 && p[13] == 1 && !(p[4] == 3 && p[5] == 3 && p[14] <= 1 && p[15] <= 1))
            {
                buffer = 2L * p[3] * taps;
            }
            return 12L * p[9] + (taps * p[9] + 3) / 4 * 4 + buffer;
        }

        /// <summary>Scratch bytes of a validated DEPTHWISE_CONV_2D record with int4 weights (Params layout of <see cref="DepthwiseConvS8"/>).</summary>
        public static long DepthwiseS4Bytes(int[] p)
        {
            // arm_depthwise_conv_s4_opt (one batch, multiplier 1, no dilation) buffers in_c * taps int16; the generic kernel nothing.
            long buffer = p[3] == p[9] && p[0] == 1 && p[12] == 1 && p[13] == 1 ? 2L * p[3] * p[4] * p[5] : 0;
            return 12L * p[9] + buffer;
        }
    }
}
