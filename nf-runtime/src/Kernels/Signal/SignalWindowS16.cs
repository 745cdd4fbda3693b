using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalWindow int16, bit-exact with TFLM's tflm_signal::ApplyWindow: each frame of
    /// <see cref="SignalWindowParams.WindowLength"/> samples is multiplied element by element by the window (int32
    /// product), shifted right arithmetically by <see cref="SignalWindowParams.Shift"/> and saturated to int16.
    /// <para>Params (<see cref="SignalWindowParams"/>): Count (samples, a multiple of WindowLength), WindowLength, Shift
    /// (0..31). Inputs: [input int16, window int16]. Outputs: [output int16]. The output may overlay the input.</para>
    /// </summary>
    public static class SignalWindowS16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[SignalWindowParams.Count];
            int length = p[SignalWindowParams.WindowLength];
            int shift = p[SignalWindowParams.Shift];
            byte[] input = ctx.Buffer(op.Inputs[SignalWindowSlots.InInput]);
            int ii = ctx.Offset(op.Inputs[SignalWindowSlots.InInput]);
            byte[] window = ctx.Buffer(op.Inputs[SignalWindowSlots.InWindow]);
            int windowBase = ctx.Offset(op.Inputs[SignalWindowSlots.InWindow]);
            byte[] output = ctx.Buffer(op.Outputs[SignalWindowSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalWindowSlots.OutOutput]);
            for (int frame = 0; frame < count; frame += length)
            {
                int wi = windowBase;
                for (int i = 0; i < length; i++)
                {
                    int x = (short)(input[ii] | (input[ii + 1] << 8));
                    int w = (short)(window[wi] | (window[wi + 1] << 8));
                    int raw = (x * w) >> shift;
                    raw = raw < -32768 ? -32768 : (raw > 32767 ? 32767 : raw);
                    output[oi] = (byte)raw;
                    output[oi + 1] = (byte)(raw >> 8);
                    ii += 2;
                    wi += 2;
                    oi += 2;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 2, 1, SignalWindowParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int count = p[SignalWindowParams.Count];
            int length = p[SignalWindowParams.WindowLength];
            if (length <= 0 || count < 0 || count % length != 0)
            {
                return "window: " + count.ToString() + " samples are not whole frames of " + length.ToString();
            }
            error = SignalChecks.Range(p[SignalWindowParams.Shift], 0, 31, "window: shift");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalWindowSlots.InInput], TensorType.Int16, count, 2, "window input");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalWindowSlots.InWindow], TensorType.Int16, length, 2, "window weights");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalWindowSlots.OutOutput], TensorType.Int16, count, 2, "window output");
            }
            return error;
        }
    }
}
