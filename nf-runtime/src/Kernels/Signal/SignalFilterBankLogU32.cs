using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalFilterBankLog, bit-exact with TFLM's tflm_signal::FilterbankLog and Log32: each channel, shifted left by
    /// InputCorrectionBits (uint32, wrapping), becomes log2 in 16.16 fixed point (integer part from the bit length,
    /// fraction by linear interpolation in the 128-segment correction table), then ln (times 45426 / 2^16), then
    /// times OutputScale / 2^16 with rounding, saturated to int16; values 0 and 1 give 0.
    /// <para>Params (<see cref="SignalFilterBankLogParams"/>): NumChannels, OutputScale (uint32 bits),
    /// InputCorrectionBits (0..31). Inputs: [input uint32, log_lut int16 (TFLM's kLogLut, at least 129 entries,
    /// written by the compiler)]. Outputs: [output int16].</para>
    /// </summary>
    public static class SignalFilterBankLogU32
    {
        /// <summary>Entries of the correction table the kernel reads (segments 0..127 and the end point).</summary>
        public const int LogLutLength = 129;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int channels = op.Params[SignalFilterBankLogParams.NumChannels];
            uint outputScale = (uint)op.Params[SignalFilterBankLogParams.OutputScale];
            int correctionBits = op.Params[SignalFilterBankLogParams.InputCorrectionBits];
            byte[] input = ctx.Buffer(op.Inputs[SignalFilterBankLogSlots.InInput]);
            int ii = ctx.Offset(op.Inputs[SignalFilterBankLogSlots.InInput]);
            byte[] lut = ctx.Buffer(op.Inputs[SignalFilterBankLogSlots.InLogLut]);
            int lutBase = ctx.Offset(op.Inputs[SignalFilterBankLogSlots.InLogLut]);
            byte[] output = ctx.Buffer(op.Outputs[SignalFilterBankLogSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalFilterBankLogSlots.OutOutput]);
            for (int i = 0; i < channels; i++)
            {
                uint scaled = (uint)(input[ii] | (input[ii + 1] << 8) | (input[ii + 2] << 16) | (input[ii + 3] << 24)) << correctionBits;
                int value = 0;
                if (scaled > 1)
                {
                    uint log = Log32(scaled, outputScale, lut, lutBase);
                    value = log < 32767U ? (int)log : 32767;
                }
                output[oi] = (byte)value;
                output[oi + 1] = (byte)(value >> 8);
                ii += 4;
                oi += 2;
            }
        }

        /// <summary>TFLM's Log32: round(ln(x) * outScale) in 16.16 arithmetic, for x of 2 and up.</summary>
        private static uint Log32(uint x, uint outScale, byte[] lut, int lutBase)
        {
            int integer = SignalChecks.MostSignificantBit32(x) - 1;
            // x - 2^integer < 2^31: the int32 of TFLM's Log2FractionPart32.
            int frac = (int)(x - (1U << integer));
            if (integer < 16)
            {
                frac <<= 16 - integer;
            }
            else
            {
                frac >>= integer - 16;
            }
            int segment = (int)((uint)frac >> (16 - 7));
            int c0 = Lut(lut, lutBase, segment);
            int c1 = Lut(lut, lutBase, segment + 1);
            int segmentBase = (65536 >> 7) * segment;
            int relative = ((c1 - c0) * (frac - segmentBase)) >> 16;
            uint fraction = (uint)(frac + c0 + relative);
            uint log2 = ((uint)integer << 16) + fraction;
            uint loge = (uint)((45426UL * log2 + 32768UL) >> 16);
            return (outScale * loge + 32768U) >> 16;
        }

        private static int Lut(byte[] lut, int lutBase, int index)
        {
            return (short)(lut[lutBase + 2 * index] | (lut[lutBase + 2 * index + 1] << 8));
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 2, 1, SignalFilterBankLogParams.Length);
            if (error != null)
            {
                return error;
            }
            int channels = op.Params[SignalFilterBankLogParams.NumChannels];
            error = SignalChecks.Range(op.Params[SignalFilterBankLogParams.InputCorrectionBits], 0, 31, "filter bank log: correction bits");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankLogSlots.InInput], TensorType.UInt32, channels, 4, "filter bank log input");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankLogSlots.InLogLut], TensorType.Int16, LogLutLength, 2, "filter bank log table");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalFilterBankLogSlots.OutOutput], TensorType.Int16, channels, 2, "filter bank log output");
            }
            return error;
        }
    }
}
