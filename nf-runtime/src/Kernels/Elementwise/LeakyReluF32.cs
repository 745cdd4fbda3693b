using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// LEAKY_RELU on float32, as TFLM's reference_ops::LeakyRelu: <c>x &gt; 0 ? x : x * alpha</c>.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Tensor slots: <see cref="LeakyReluF32Slots"/>. Params (<see cref="LeakyReluF32Params"/>):
    /// <list type="table">
    /// <item><term><see cref="LeakyReluF32Params.Count"/></term><description>element count</description></item>
    /// <item><term><see cref="LeakyReluF32Params.AlphaBits"/></term>
    /// <description>alpha as an IEEE-754 float bit pattern</description></item>
    /// </list>
    /// </summary>
    public static class LeakyReluF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[LeakyReluF32Slots.InInput]);
            int ai = ctx.Offset(op.Inputs[LeakyReluF32Slots.InInput]);
            byte[] o = ctx.Buffer(op.Outputs[LeakyReluF32Slots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[LeakyReluF32Slots.OutOutput]);
            int count = p[LeakyReluF32Params.Count];
            float alpha = FloatBits.FromBits(p[LeakyReluF32Params.AlphaBits]);
            for (int i = 0; i < count; i++)
            {
                float x = BitConverter.ToSingle(a, ai);
                float r = x > 0.0f ? x : x * alpha;
                FloatBits.Write(o, oi, r);
                ai += 4;
                oi += 4;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Float32, LeakyReluF32Params.Length);
            if (error != null)
            {
                return error;
            }
            if (op.Params.Length != LeakyReluF32Params.Length)
            {
                return "bad params";
            }
            return ElementwiseChecks.Count(ctx, op, LeakyReluF32Params.Count, 4);
        }
    }
}
