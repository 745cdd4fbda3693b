using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// RELU6 on int16, bit-exact with TFLM's Relu6Quantized: each raw input value is clamped to
    /// [zero, six], the input's quantized 0 and 6; TFLM does not rescale to the output's parameters.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Tensor slots: <see cref="Relu6Slots"/>. Params (<see cref="Relu6Params"/>):
    /// <list type="table">
    /// <item><term><see cref="Relu6Params.Count"/></term><description>element count</description></item>
    /// <item><term><see cref="Relu6Params.LowerBound"/>, <see cref="Relu6Params.UpperBound"/></term>
    /// <description>lower bound (input zero point) and upper bound (6.0 quantized with the input's parameters), in [-32768, 32767]</description></item>
    /// </list>
    /// </summary>
    public static class Relu6S16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[Relu6Slots.InInput]);
            int ai = ctx.Offset(op.Inputs[Relu6Slots.InInput]);
            byte[] o = ctx.Buffer(op.Outputs[Relu6Slots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[Relu6Slots.OutOutput]);
            int count = p[Relu6Params.Count];
            int lower = p[Relu6Params.LowerBound];
            int upper = p[Relu6Params.UpperBound];
            for (int i = 0; i < count; i++)
            {
                int value = (short)(a[ai] | (a[ai + 1] << 8));
                int result = value > upper ? upper : value < lower ? lower : value;
                o[oi] = (byte)result;
                o[oi + 1] = (byte)(result >> 8);
                ai += 2;
                oi += 2;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Int16, Relu6Params.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != Relu6Params.Length || p[Relu6Params.LowerBound] < -32768 ||
                p[Relu6Params.LowerBound] > 32767 || p[Relu6Params.UpperBound] < -32768 ||
                p[Relu6Params.UpperBound] > 32767)
            {
                return "bad params";
            }
            return ElementwiseChecks.Count(ctx, op, Relu6Params.Count, 2);
        }
    }
}
