using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalRfft int16, bit-exact with TFLM's RfftInt16Apply (kiss_fftr of kissfft v130 built with FIXED_POINT 16):
    /// each frame of InputLength samples, zero-padded to FftLength, is read as FftLength / 2 complex values and
    /// transformed by kiss_fft's radix-4 and radix-2 butterflies, which divide by the radix at every stage (so the
    /// output is the spectrum divided by FftLength); kiss_fftr's split step then yields bins 0 .. FftLength / 2.
    /// Every product is rounded as kissfft's sround ((x + 2^14) >> 15) and every stored value wraps to int16, as in C.
    /// <para>The complex transform runs in the output frame itself, and the split step pairs bin k with bin
    /// N - k, reading both before writing both, so no scratch is needed.</para>
    /// <para>Params (<see cref="SignalRfftParams"/>): FftLength (a power of two, 4 .. 32768), InputLength
    /// (1 .. FftLength), Frames. Inputs: [input int16 Frames x InputLength, twiddles int16 (re, im) pairs: the
    /// FftLength / 2 twiddles of the complex transform, then the FftLength / 4 split twiddles, both made by the
    /// compiler]. Outputs: [output int16, Frames x (FftLength / 2 + 1) (re, im) pairs].</para>
    /// </summary>
    public static class SignalRfftS16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int fftLength = p[SignalRfftParams.FftLength];
            int inputLength = p[SignalRfftParams.InputLength];
            int frames = p[SignalRfftParams.Frames];
            byte[] input = ctx.Buffer(op.Inputs[SignalRfftSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[SignalRfftSlots.InInput]);
            byte[] tw = ctx.Buffer(op.Inputs[SignalRfftSlots.InTwiddles]);
            int twBase = ctx.Offset(op.Inputs[SignalRfftSlots.InTwiddles]);
            byte[] output = ctx.Buffer(op.Outputs[SignalRfftSlots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[SignalRfftSlots.OutOutput]);
            int n = fftLength / 2;
            for (int frame = 0; frame < frames; frame++)
            {
                int inFrame = inBase + 2 * frame * inputLength;
                int outFrame = outBase + 4 * frame * (n + 1);
                Stage(output, outFrame, 0, input, inFrame, inputLength, 0, 1, n, tw, twBase);
                Split(output, outFrame, n, tw, twBase + 4 * n);
            }
        }

        /// <summary>
        /// kiss_fft's kf_work: the DFT of the <paramref name="length"/> complex inputs starting at complex index
        /// <paramref name="first"/> with step <paramref name="stride"/>, into output complex slots
        /// <paramref name="at"/> onwards. Input samples at or past <paramref name="inputLength"/> read as 0.
        /// </summary>
        private static void Stage(byte[] o, int oBase, int at, byte[] x, int xBase, int inputLength, int first, int stride,
            int length, byte[] tw, int twBase)
        {
            // kf_factor on a power of two: radix 4 while it divides, then radix 2.
            int radix = length % 4 == 0 ? 4 : 2;
            int m = length / radix;
            if (m == 1)
            {
                for (int k = 0; k < radix; k++)
                {
                    int sample = 2 * (first + k * stride);
                    int re = sample < inputLength ? Read(x, xBase + 2 * sample) : 0;
                    int im = sample + 1 < inputLength ? Read(x, xBase + 2 * sample + 2) : 0;
                    Write(o, oBase + 4 * (at + k), re);
                    Write(o, oBase + 4 * (at + k) + 2, im);
                }
            }
            else
            {
                for (int k = 0; k < radix; k++)
                {
                    Stage(o, oBase, at + k * m, x, xBase, inputLength, first + k * stride, stride * radix, m, tw, twBase);
                }
            }
            if (radix == 4)
            {
                Butterfly4(o, oBase + 4 * at, stride, m, tw, twBase);
            }
            else
            {
                Butterfly2(o, oBase + 4 * at, stride, m, tw, twBase);
            }
        }

        /// <summary>kiss_fft's kf_bfly2 (forward) on the 2 x <paramref name="m"/> complex values at byte <paramref name="f"/>.</summary>
        private static void Butterfly2(byte[] o, int f, int stride, int m, byte[] tw, int twBase)
        {
            for (int k = 0; k < m; k++)
            {
                int a = f + 4 * k;
                int b = a + 4 * m;
                int ar = Div(Read(o, a), 16383);
                int ai = Div(Read(o, a + 2), 16383);
                int br = Div(Read(o, b), 16383);
                int bi = Div(Read(o, b + 2), 16383);
                int t = twBase + 4 * k * stride;
                int wr = Read(tw, t);
                int wi = Read(tw, t + 2);
                int tr = (short)((br * wr - bi * wi + 16384) >> 15);
                int ti = (short)((br * wi + bi * wr + 16384) >> 15);
                Write(o, b, ar - tr);
                Write(o, b + 2, ai - ti);
                Write(o, a, ar + tr);
                Write(o, a + 2, ai + ti);
            }
        }

        /// <summary>kiss_fft's kf_bfly4 (forward) on the 4 x <paramref name="m"/> complex values at byte <paramref name="f"/>.</summary>
        private static void Butterfly4(byte[] o, int f, int stride, int m, byte[] tw, int twBase)
        {
            for (int k = 0; k < m; k++)
            {
                int p0 = f + 4 * k;
                int p1 = p0 + 4 * m;
                int p2 = p1 + 4 * m;
                int p3 = p2 + 4 * m;
                int f0r = Div(Read(o, p0), 8191);
                int f0i = Div(Read(o, p0 + 2), 8191);
                int f1r = Div(Read(o, p1), 8191);
                int f1i = Div(Read(o, p1 + 2), 8191);
                int f2r = Div(Read(o, p2), 8191);
                int f2i = Div(Read(o, p2 + 2), 8191);
                int f3r = Div(Read(o, p3), 8191);
                int f3i = Div(Read(o, p3 + 2), 8191);
                int t1 = twBase + 4 * k * stride;
                int t2 = twBase + 8 * k * stride;
                int t3 = twBase + 12 * k * stride;
                int w1r = Read(tw, t1), w1i = Read(tw, t1 + 2);
                int w2r = Read(tw, t2), w2i = Read(tw, t2 + 2);
                int w3r = Read(tw, t3), w3i = Read(tw, t3 + 2);
                int s0r = (short)((f1r * w1r - f1i * w1i + 16384) >> 15);
                int s0i = (short)((f1r * w1i + f1i * w1r + 16384) >> 15);
                int s1r = (short)((f2r * w2r - f2i * w2i + 16384) >> 15);
                int s1i = (short)((f2r * w2i + f2i * w2r + 16384) >> 15);
                int s2r = (short)((f3r * w3r - f3i * w3i + 16384) >> 15);
                int s2i = (short)((f3r * w3i + f3i * w3r + 16384) >> 15);
                int s5r = (short)(f0r - s1r);
                int s5i = (short)(f0i - s1i);
                f0r = (short)(f0r + s1r);
                f0i = (short)(f0i + s1i);
                int s3r = (short)(s0r + s2r);
                int s3i = (short)(s0i + s2i);
                int s4r = (short)(s0r - s2r);
                int s4i = (short)(s0i - s2i);
                Write(o, p2, f0r - s3r);
                Write(o, p2 + 2, f0i - s3i);
                Write(o, p0, f0r + s3r);
                Write(o, p0 + 2, f0i + s3i);
                Write(o, p1, s5r + s4i);
                Write(o, p1 + 2, s5i - s4r);
                Write(o, p3, s5r - s4i);
                Write(o, p3 + 2, s5i + s4r);
            }
        }

        /// <summary>
        /// kiss_fftr's split step over the <paramref name="n"/> complex values at byte <paramref name="f"/>, writing
        /// the n + 1 bins of the real transform in place.
        /// </summary>
        private static void Split(byte[] o, int f, int n, byte[] tw, int superBase)
        {
            int dcR = Div(Read(o, f), 16383);
            int dcI = Div(Read(o, f + 2), 16383);
            Write(o, f, dcR + dcI);
            Write(o, f + 2, 0);
            Write(o, f + 4 * n, dcR - dcI);
            Write(o, f + 4 * n + 2, 0);
            for (int k = 1; k <= n / 2; k++)
            {
                int pk = f + 4 * k;
                int pnk = f + 4 * (n - k);
                int fpkR = Div(Read(o, pk), 16383);
                int fpkI = Div(Read(o, pk + 2), 16383);
                int fpnkR = Div(Read(o, pnk), 16383);
                int fpnkI = Div((short)(-Read(o, pnk + 2)), 16383);
                int f1r = (short)(fpkR + fpnkR);
                int f1i = (short)(fpkI + fpnkI);
                int f2r = (short)(fpkR - fpnkR);
                int f2i = (short)(fpkI - fpnkI);
                int t = superBase + 4 * (k - 1);
                int wr = Read(tw, t);
                int wi = Read(tw, t + 2);
                int twr = (short)((f2r * wr - f2i * wi + 16384) >> 15);
                int twi = (short)((f2r * wi + f2i * wr + 16384) >> 15);
                Write(o, pk, (f1r + twr) >> 1);
                Write(o, pk + 2, (f1i + twi) >> 1);
                Write(o, pnk, (f1r - twr) >> 1);
                Write(o, pnk + 2, (twi - f1i) >> 1);
            }
        }

        /// <summary>kissfft's DIVSCALAR: <paramref name="x"/> times (32767 / radix), rounded by sround, wrapped to int16.</summary>
        private static int Div(int x, int factor)
        {
            return (short)((x * factor + 16384) >> 15);
        }

        private static int Read(byte[] b, int offset)
        {
            return (short)(b[offset] | (b[offset + 1] << 8));
        }

        private static void Write(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 2, 1, SignalRfftParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int fftLength = p[SignalRfftParams.FftLength];
            int inputLength = p[SignalRfftParams.InputLength];
            int frames = p[SignalRfftParams.Frames];
            if (fftLength < 4 || fftLength > 32768 || (fftLength & (fftLength - 1)) != 0)
            {
                return "rfft: fft length " + fftLength.ToString() + " is not a power of two in 4..32768";
            }
            if (inputLength < 1 || inputLength > fftLength)
            {
                return "rfft: input length " + inputLength.ToString() + " is outside 1.." + fftLength.ToString();
            }
            if (frames < 0)
            {
                return "rfft: negative frame count";
            }
            error = SignalChecks.Tensor(ctx, op.Inputs[SignalRfftSlots.InInput], TensorType.Int16, (long)frames * inputLength, 2, "rfft input");
            if (error == null)
            {
                // The complex transform's N = fftLength / 2 twiddles, then N / 2 split twiddles, as (re, im) pairs.
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalRfftSlots.InTwiddles], TensorType.Int16, 3L * (fftLength / 2), 2, "rfft twiddles");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalRfftSlots.OutOutput], TensorType.Int16, (long)frames * (fftLength + 2), 2, "rfft output");
            }
            return error;
        }
    }
}
