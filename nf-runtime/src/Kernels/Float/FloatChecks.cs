using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// Load-time checks shared by the float32 kernels (their own copy, so that the Float assembly depends on the
    /// runtime only). Each method returns null when valid, else what is wrong; the C twin is tl_float_checks.c.
    /// </summary>
    public static class FloatChecks
    {
        /// <summary>Largest element count a float kernel accepts (its byte size must fit an int).</summary>
        public const long MaxElements = int.MaxValue / 4;

        /// <summary>
        /// The product of up to four non-negative dimensions, or -1 (which <see cref="Tensor"/> refuses) when it
        /// exceeds <see cref="MaxElements"/>; stepwise so that it cannot overflow.
        /// </summary>
        public static long Elements(int a, int b, int c, int d)
        {
            long n = a;
            if (n < 0 || b < 0 || c < 0 || d < 0)
            {
                return -1;
            }
            n *= b;
            if (n > MaxElements)
            {
                return -1;
            }
            n *= c;
            if (n > MaxElements)
            {
                return -1;
            }
            n *= d;
            return n > MaxElements ? -1 : n;
        }

        /// <summary>
        /// Checks that tensor <paramref name="t"/> exists, is float32, lies inside its buffer and holds at least
        /// <paramref name="elements"/> floats.
        /// </summary>
        public static string Tensor(KernelContext ctx, int t, long elements, string what)
        {
            if (t < 0 || t >= ctx.TensorCount)
            {
                return what + ": tensor index " + t.ToString() + " out of range";
            }
            byte[] buffer = ctx.Buffer(t);
            if (buffer == null)
            {
                return what + ": tensor " + t.ToString() + " has no buffer";
            }
            if (ctx.Type(t) != TensorType.Float32)
            {
                return what + ": tensor " + t.ToString() + " is not float32";
            }
            int offset = ctx.Offset(t);
            int size = ctx.ByteSize(t);
            if (offset < 0 || size < 0 || (long)offset + size > buffer.Length)
            {
                return what + ": tensor " + t.ToString() + " lies outside its buffer";
            }
            if (elements < 0 || elements > MaxElements || size < elements * 4)
            {
                return what + ": tensor " + t.ToString() + " has " + size.ToString() + " bytes, needs "
                    + (elements * 4).ToString();
            }
            return null;
        }

        /// <summary>Checks an optional tensor (-1: absent) like <see cref="Tensor"/>.</summary>
        public static string OptionalTensor(KernelContext ctx, int t, long elements, string what)
        {
            return t == -1 ? null : Tensor(ctx, t, elements, what);
        }

        /// <summary>Checks that every listed param lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static string Within(int[] p, int first, int count, int min, int max)
        {
            for (int i = first; i < first + count; i++)
            {
                if (p[i] < min || p[i] > max)
                {
                    return "param " + i.ToString() + " is " + p[i].ToString() + ", outside [" + min.ToString() + ", "
                        + max.ToString() + "]";
                }
            }
            return null;
        }

        /// <summary>Checks an activation range given as IEEE-754 bits: two numbers (no NaN), min &lt;= max.</summary>
        public static string ActivationRange(int minBits, int maxBits)
        {
            float min = FloatBits.FromBits(minBits);
            float max = FloatBits.FromBits(maxBits);
            if (!(min <= max))
            {
                return "activation range is empty or not a number";
            }
            return null;
        }

        /// <summary>
        /// Checks that the window origins of one spatial axis stay far inside int: the kernels compute
        /// <c>out * stride - padding + tap * dilation</c> in int.
        /// </summary>
        public static string Reach(int outSize, int stride, int taps, int dilation, int padding)
        {
            long reach = (long)(outSize - 1) * stride + (long)(taps - 1) * dilation;
            if (reach > (1 << 30) || padding > (1 << 30))
            {
                return "window reach out of range";
            }
            return null;
        }

        /// <summary>Checks a record of the activation_f32 layout (LOGISTIC, TANH): count floats in and out.</summary>
        public static string Activation(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 1, 1, ActivationF32Params.Length);
            if (e == null)
            {
                e = Within(op.Params, ActivationF32Params.Count, 1, 0, int.MaxValue);
            }
            if (e == null)
            {
                e = Tensor(ctx, op.Inputs[ActivationF32Slots.InInput], op.Params[ActivationF32Params.Count], "input");
            }
            if (e == null)
            {
                e = Tensor(ctx, op.Outputs[ActivationF32Slots.OutOutput], op.Params[ActivationF32Params.Count], "output");
            }
            return e;
        }

        /// <summary>
        /// Checks a <see cref="ConvF32"/> or <see cref="DepthwiseConvF32"/> record: null when valid, else what is
        /// wrong. The depthwise layout keeps the conv layout's indices (its depth multiplier in the filter depth's
        /// place) and slots, so one walk serves both; only the channel rule and the filter's shape differ.
        /// </summary>
        /// <param name="ctx">The tensors.</param>
        /// <param name="op">The record.</param>
        /// <param name="depthwise">True for DEPTHWISE_CONV_2D: output depth = input depth * multiplier, filter
        /// [1, f_h, f_w, output depth]; false for CONV_2D: whole groups, filter [output depth, f_h, f_w, filter depth].</param>
        public static string Conv(KernelContext ctx, OpRecord op, bool depthwise)
        {
            string e = RecordChecks.Arity(op, 3, 1, depthwise ? DepthwiseConvF32Params.Length : ConvF32Params.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = Within(p, ConvF32Params.Batches, ConvF32Params.OutputDepth - ConvF32Params.Batches + 1, 1,
                int.MaxValue);
            if (e == null)
            {
                e = Within(p, ConvF32Params.StrideHeight, 4, 1, 65535);
            }
            if (e == null)
            {
                e = Within(p, ConvF32Params.PaddingTop, 2, 0, 65535);
            }
            if (e != null)
            {
                return e;
            }
            int inC = p[ConvF32Params.InputDepth];
            int outC = p[ConvF32Params.OutputDepth];
            int fC = p[ConvF32Params.FilterDepth];
            if (depthwise && (long)inC * p[DepthwiseConvF32Params.DepthMultiplier] != outC)
            {
                return "output depth is not input depth times the depth multiplier";
            }
            if (!depthwise && (inC % fC != 0 || outC % (inC / fC) != 0))
            {
                return "input depth, filter depth and output depth do not form whole groups";
            }
            int batches = p[ConvF32Params.Batches];
            e = Tensor(ctx, op.Inputs[ConvF32Slots.InInput], Elements(batches,
                p[ConvF32Params.InputHeight], p[ConvF32Params.InputWidth], inC), "input");
            if (e == null)
            {
                e = Tensor(ctx, op.Inputs[ConvF32Slots.InFilter], depthwise
                    ? Elements(1, p[ConvF32Params.FilterHeight], p[ConvF32Params.FilterWidth], outC)
                    : Elements(outC, p[ConvF32Params.FilterHeight], p[ConvF32Params.FilterWidth], fC), "filter");
            }
            if (e == null)
            {
                e = OptionalTensor(ctx, op.Inputs[ConvF32Slots.InBias], outC, "bias");
            }
            if (e == null)
            {
                e = Tensor(ctx, op.Outputs[ConvF32Slots.OutOutput], Elements(batches,
                    p[ConvF32Params.OutputHeight], p[ConvF32Params.OutputWidth], outC), "output");
            }
            if (e == null)
            {
                e = Reach(p[ConvF32Params.OutputHeight], p[ConvF32Params.StrideHeight],
                    p[ConvF32Params.FilterHeight], p[ConvF32Params.DilationHeight], p[ConvF32Params.PaddingTop]);
            }
            if (e == null)
            {
                e = Reach(p[ConvF32Params.OutputWidth], p[ConvF32Params.StrideWidth],
                    p[ConvF32Params.FilterWidth], p[ConvF32Params.DilationWidth], p[ConvF32Params.PaddingLeft]);
            }
            if (e != null)
            {
                return e;
            }
            return ActivationRange(p[ConvF32Params.ActivationMin], p[ConvF32Params.ActivationMax]);
        }
    }
}
