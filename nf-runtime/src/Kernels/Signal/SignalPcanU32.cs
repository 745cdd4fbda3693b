using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalPCAN, bit-exact with TFLM's tflm_signal::ApplyPcanAutoGainControlFixed: each channel's gain comes from
    /// its noise estimate through the wide-dynamic-range gain table (piecewise quadratic over octaves: entries
    /// 4 * octave - 6 .. 4 * octave - 4), the SNR is the input times that gain shifted right by SnrShift (uint64),
    /// and TFLM's PcanShrink (quadratic below 2 in 12-bit units, linear above) gives the output.
    /// <para>Params (<see cref="SignalPcanParams"/>): NumChannels, SnrShift (0..63). Inputs: [input uint32,
    /// noise_estimate uint32, gain_lut int16 (at least 125 entries)]. Outputs: [output uint32]. The output may
    /// overlay the input.</para>
    /// </summary>
    public static class SignalPcanU32
    {
        /// <summary>Entries the gain table needs: the octave of a uint32 is at most 32, so index 4 * 32 - 6 + 2.</summary>
        public const int GainLutLength = 125;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int channels = op.Params[SignalPcanParams.NumChannels];
            int snrShift = op.Params[SignalPcanParams.SnrShift];
            byte[] input = ctx.Buffer(op.Inputs[SignalPcanSlots.InInput]);
            int ii = ctx.Offset(op.Inputs[SignalPcanSlots.InInput]);
            byte[] noise = ctx.Buffer(op.Inputs[SignalPcanSlots.InNoiseEstimate]);
            int ni = ctx.Offset(op.Inputs[SignalPcanSlots.InNoiseEstimate]);
            byte[] lut = ctx.Buffer(op.Inputs[SignalPcanSlots.InGainLut]);
            int lutBase = ctx.Offset(op.Inputs[SignalPcanSlots.InGainLut]);
            byte[] output = ctx.Buffer(op.Outputs[SignalPcanSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalPcanSlots.OutOutput]);
            for (int i = 0; i < channels; i++)
            {
                uint x = Read(input, ii);
                // The int16 gain converts to uint32 with sign extension, as in C.
                uint gain = (uint)(int)WideDynamicFunction(Read(noise, ni), lut, lutBase);
                uint snr = (uint)(((ulong)x * gain) >> snrShift);
                uint shrunk = snr < (2U << 12) ? (snr * snr) >> (2 + 2 * 12 - 6) : (snr >> (12 - 6)) - (1U << 6);
                output[oi] = (byte)shrunk;
                output[oi + 1] = (byte)(shrunk >> 8);
                output[oi + 2] = (byte)(shrunk >> 16);
                output[oi + 3] = (byte)(shrunk >> 24);
                ii += 4;
                ni += 4;
                oi += 4;
            }
        }

        /// <summary>TFLM's WideDynamicFunction: the gain for noise level <paramref name="x"/> from the table.</summary>
        private static short WideDynamicFunction(uint x, byte[] lut, int lutBase)
        {
            if (x <= 2)
            {
                return Lut(lut, lutBase, (int)x);
            }
            int interval = SignalChecks.MostSignificantBit32(x);
            int at = 4 * interval - 6;
            int frac = (int)((interval < 11 ? x << (11 - interval) : x >> (interval - 11)) & 0x3FF);
            int result = (Lut(lut, lutBase, at + 2) * frac) >> 5;
            result += (int)((uint)Lut(lut, lutBase, at + 1) << 5);
            result *= frac;
            result = (result + (1 << 14)) >> 15;
            result += Lut(lut, lutBase, at);
            return (short)result;
        }

        private static short Lut(byte[] lut, int lutBase, int index)
        {
            return (short)(lut[lutBase + 2 * index] | (lut[lutBase + 2 * index + 1] << 8));
        }

        private static uint Read(byte[] b, int offset)
        {
            return (uint)(b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24));
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 3, 1, SignalPcanParams.Length);
            if (error != null)
            {
                return error;
            }
            int channels = op.Params[SignalPcanParams.NumChannels];
            error = SignalChecks.Range(op.Params[SignalPcanParams.SnrShift], 0, 63, "pcan: snr shift");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalPcanSlots.InInput], TensorType.UInt32, channels, 4, "pcan input");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalPcanSlots.InNoiseEstimate], TensorType.UInt32, channels, 4, "pcan noise estimate");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalPcanSlots.InGainLut], TensorType.Int16, GainLutLength, 2, "pcan gain table");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalPcanSlots.OutOutput], TensorType.UInt32, channels, 4, "pcan output");
            }
            return error;
        }
    }
}
