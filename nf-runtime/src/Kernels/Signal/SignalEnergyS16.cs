using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalEnergy, bit-exact with TFLM's tflm_signal::SpectrumToEnergy: for bins StartIndex .. EndIndex - 1 of a
    /// complex int16 spectrum (re, im pairs), re*re + im*im as uint32. The other output elements are not written
    /// (as in TFLM).
    /// <para>Params (<see cref="SignalEnergyParams"/>): StartIndex, EndIndex. Inputs: [spectrum int16 pairs].
    /// Outputs: [energy uint32].</para>
    /// </summary>
    public static class SignalEnergyS16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int start = op.Params[SignalEnergyParams.StartIndex];
            int end = op.Params[SignalEnergyParams.EndIndex];
            byte[] input = ctx.Buffer(op.Inputs[SignalEnergySlots.InInput]);
            int ii = ctx.Offset(op.Inputs[SignalEnergySlots.InInput]) + 4 * start;
            byte[] output = ctx.Buffer(op.Outputs[SignalEnergySlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalEnergySlots.OutOutput]) + 4 * start;
            for (int i = start; i < end; i++)
            {
                int re = (short)(input[ii] | (input[ii + 1] << 8));
                int im = (short)(input[ii + 2] | (input[ii + 3] << 8));
                // Up to 2^31 (both -32768): the int32 sum wraps, its bits are the right uint32.
                int energy = re * re + im * im;
                output[oi] = (byte)energy;
                output[oi + 1] = (byte)(energy >> 8);
                output[oi + 2] = (byte)(energy >> 16);
                output[oi + 3] = (byte)(energy >> 24);
                ii += 4;
                oi += 4;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 1, 1, SignalEnergyParams.Length);
            if (error != null)
            {
                return error;
            }
            int start = op.Params[SignalEnergyParams.StartIndex];
            int end = op.Params[SignalEnergyParams.EndIndex];
            if (start < 0 || end < start)
            {
                return "energy: bad bin range " + start.ToString() + ".." + end.ToString();
            }
            error = SignalChecks.Tensor(ctx, op.Inputs[SignalEnergySlots.InInput], TensorType.Int16, 2L * end, 2, "energy input");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalEnergySlots.OutOutput], TensorType.UInt32, end, 4, "energy output");
            }
            return error;
        }
    }
}
