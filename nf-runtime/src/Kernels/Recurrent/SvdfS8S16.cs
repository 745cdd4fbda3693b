using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>
    /// SVDF with int8 input and output and int16 state and time weights, the hybrid of keyword_scrambled (TFLM EvalInt16SvdfReference), bit-exact with TFLM; the arithmetic is <see cref="SvdfCore"/>.
    /// <para>Params (<see cref="SvdfParams"/>): Batches, InputSize, Filters, Rank, Memory; the input, state and output
    /// zero points; the feature (input x feature weights to state) and output (state x time weights to output)
    /// multipliers and shifts. Inputs: [input int8 [batches, input_size], weights_feature int8 [filters,
    /// input_size], weights_time [filters, memory], bias int32 [filters / rank] or -1, state (variable tensor,
    /// [batches, filters x memory], read and written)]. Outputs: [output int8 [batches, filters / rank]].</para>
    /// </summary>
    public static class SvdfS8S16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            SvdfCore.Run(ctx, op, 2);
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return SvdfCore.Validate(ctx, op, TensorType.Int16, 2);
        }
    }
}
