using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalFilterBankSpectralSubtraction, bit-exact with TFLM's tflm_signal::FilterbankSpectralSubtraction. Each
    /// channel's noise estimate is smoothed over time (input scaled up by SmoothingBits times smoothing, plus the
    /// previous estimate times one minus smoothing, in uint64, shifted down by SpectralSubtractionBits; odd channels
    /// use the alternate pair), the estimate is subtracted from the signal, and the result is floored at
    /// MinSignalRemaining times the input. The estimate lives in the noise_state variable tensor, so it persists
    /// across invokes and is zeroed by the interpreter's reset (TFLM keeps it in a persistent buffer and zeroes it
    /// in Prepare and Reset); output 1 is a copy of it after the update.
    /// <para>Params (<see cref="SignalSpectralSubtractionParams"/>): NumChannels; Smoothing, OneMinusSmoothing,
    /// AlternateSmoothing, AlternateOneMinusSmoothing, MinSignalRemaining (uint32 bits); SmoothingBits (0..31);
    /// SpectralSubtractionBits (0..63); Clamping (0 or 1: an estimate above the signal is also stored clamped).
    /// Inputs: [input uint32, noise_state uint32 (read and written)]. Outputs: [output uint32, noise_estimate uint32].</para>
    /// </summary>
    public static class SignalSpectralSubtractionU32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int channels = p[SignalSpectralSubtractionParams.NumChannels];
            uint smoothingEven = (uint)p[SignalSpectralSubtractionParams.Smoothing];
            uint oneMinusEven = (uint)p[SignalSpectralSubtractionParams.OneMinusSmoothing];
            uint smoothingOdd = (uint)p[SignalSpectralSubtractionParams.AlternateSmoothing];
            uint oneMinusOdd = (uint)p[SignalSpectralSubtractionParams.AlternateOneMinusSmoothing];
            uint minRemaining = (uint)p[SignalSpectralSubtractionParams.MinSignalRemaining];
            int smoothingBits = p[SignalSpectralSubtractionParams.SmoothingBits];
            int subtractionBits = p[SignalSpectralSubtractionParams.SpectralSubtractionBits];
            bool clamping = p[SignalSpectralSubtractionParams.Clamping] != 0;
            byte[] input = ctx.Buffer(op.Inputs[SignalSpectralSubtractionSlots.InInput]);
            int ii = ctx.Offset(op.Inputs[SignalSpectralSubtractionSlots.InInput]);
            byte[] state = ctx.Buffer(op.Inputs[SignalSpectralSubtractionSlots.InNoiseState]);
            int si = ctx.Offset(op.Inputs[SignalSpectralSubtractionSlots.InNoiseState]);
            byte[] output = ctx.Buffer(op.Outputs[SignalSpectralSubtractionSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalSpectralSubtractionSlots.OutOutput]);
            byte[] estimate = ctx.Buffer(op.Outputs[SignalSpectralSubtractionSlots.OutNoiseEstimate]);
            int ei = ctx.Offset(op.Outputs[SignalSpectralSubtractionSlots.OutNoiseEstimate]);
            for (int i = 0; i < channels; i++)
            {
                uint smoothing = (i & 1) == 0 ? smoothingEven : smoothingOdd;
                uint oneMinus = (i & 1) == 0 ? oneMinusEven : oneMinusOdd;
                uint signal = Read(input, ii);
                uint scaledUp = signal << smoothingBits;
                uint noise = (uint)(((ulong)scaledUp * smoothing + (ulong)Read(state, si) * oneMinus) >> subtractionBits);
                uint subtrahend = noise;
                if (subtrahend > scaledUp)
                {
                    subtrahend = scaledUp;
                    if (clamping)
                    {
                        noise = scaledUp;
                    }
                }
                Write(state, si, noise);
                Write(estimate, ei, noise);
                uint floor = (uint)(((ulong)signal * minRemaining) >> subtractionBits);
                uint subtracted = (scaledUp - subtrahend) >> smoothingBits;
                Write(output, oi, subtracted > floor ? subtracted : floor);
                ii += 4;
                si += 4;
                oi += 4;
                ei += 4;
            }
        }

        private static uint Read(byte[] b, int offset)
        {
            return (uint)(b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24));
        }

        private static void Write(byte[] b, int offset, uint value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
            b[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 2, 2, SignalSpectralSubtractionParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int channels = p[SignalSpectralSubtractionParams.NumChannels];
            error = SignalChecks.Range(p[SignalSpectralSubtractionParams.SmoothingBits], 0, 31, "spectral subtraction: smoothing bits");
            if (error == null)
            {
                error = SignalChecks.Range(p[SignalSpectralSubtractionParams.SpectralSubtractionBits], 0, 63, "spectral subtraction: subtraction bits");
            }
            if (error == null)
            {
                error = SignalChecks.Range(p[SignalSpectralSubtractionParams.Clamping], 0, 1, "spectral subtraction: clamping");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalSpectralSubtractionSlots.InInput], TensorType.UInt32, channels, 4, "spectral subtraction input");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalSpectralSubtractionSlots.InNoiseState], TensorType.UInt32, channels, 4, "spectral subtraction state");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalSpectralSubtractionSlots.OutOutput], TensorType.UInt32, channels, 4, "spectral subtraction output");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalSpectralSubtractionSlots.OutNoiseEstimate], TensorType.UInt32, channels, 4, "spectral subtraction noise estimate");
            }
            return error;
        }
    }
}
