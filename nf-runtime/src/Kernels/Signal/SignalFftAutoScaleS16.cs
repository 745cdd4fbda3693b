using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalFftAutoScale int16, bit-exact with TFLM's tflm_signal::FftAutoScale: finds the largest magnitude (as
    /// TFLM's MaxAbs16, where -(-32768) wraps to -32768 in its int16 maximum), shifts every sample left by
    /// 15 - bit length of that maximum (0 when negative; products wrap to int16) and writes the shift to output 1.
    /// <para>Params (<see cref="SignalFftAutoScaleParams"/>): Count. Inputs: [input int16]. Outputs: [output int16,
    /// scale_bits int32 scalar]. The output may overlay the input (the maximum is found before any write).</para>
    /// </summary>
    public static class SignalFftAutoScaleS16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int count = op.Params[SignalFftAutoScaleParams.Count];
            byte[] input = ctx.Buffer(op.Inputs[SignalFftAutoScaleSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[SignalFftAutoScaleSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[SignalFftAutoScaleSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalFftAutoScaleSlots.OutOutput]);
            byte[] scaleBits = ctx.Buffer(op.Outputs[SignalFftAutoScaleSlots.OutScaleBits]);
            int si = ctx.Offset(op.Outputs[SignalFftAutoScaleSlots.OutScaleBits]);

            short max = 0;
            int ii = inBase;
            for (int i = 0; i < count; i++)
            {
                int value = (short)(input[ii] | (input[ii + 1] << 8));
                if (value > max)
                {
                    max = (short)value;
                }
                else if (-value > max)
                {
                    max = (short)(-value);
                }
                ii += 2;
            }
            // The int16 maximum converts to uint32 with sign extension, as in TFLM.
            int scale = 16 - SignalChecks.MostSignificantBit32((uint)(int)max) - 1;
            if (scale <= 0)
            {
                scale = 0;
            }
            ii = inBase;
            for (int i = 0; i < count; i++)
            {
                int value = (short)(input[ii] | (input[ii + 1] << 8)) * (1 << scale);
                output[oi] = (byte)value;
                output[oi + 1] = (byte)(value >> 8);
                ii += 2;
                oi += 2;
            }
            scaleBits[si] = (byte)scale;
            scaleBits[si + 1] = 0;
            scaleBits[si + 2] = 0;
            scaleBits[si + 3] = 0;
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 1, 2, SignalFftAutoScaleParams.Length);
            if (error != null)
            {
                return error;
            }
            int count = op.Params[SignalFftAutoScaleParams.Count];
            error = SignalChecks.Tensor(ctx, op.Inputs[SignalFftAutoScaleSlots.InInput], TensorType.Int16, count, 2, "fft auto scale input");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalFftAutoScaleSlots.OutOutput], TensorType.Int16, count, 2, "fft auto scale output");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalFftAutoScaleSlots.OutScaleBits], TensorType.Int32, 1, 4, "fft auto scale bits");
            }
            return error;
        }
    }
}
