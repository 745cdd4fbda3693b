using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// HARD_SWISH on float32, as TFLM's float reference: <c>x * min(6, max(0, x + 3)) / 6</c> in float,
    /// with std::min/std::max argument order (a NaN in x + 3 selects 0).
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Tensor slots: <see cref="UnaryFloatSlots"/>. Params (<see cref="UnaryFloatParams"/>):
    /// <list type="table">
    /// <item><term><see cref="UnaryFloatParams.Count"/></term><description>element count</description></item>
    /// </list>
    /// </summary>
    public static class HardSwishF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[UnaryFloatSlots.InInput]);
            int ai = ctx.Offset(op.Inputs[UnaryFloatSlots.InInput]);
            byte[] o = ctx.Buffer(op.Outputs[UnaryFloatSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[UnaryFloatSlots.OutOutput]);
            int count = p[UnaryFloatParams.Count];
            for (int i = 0; i < count; i++)
            {
                float x = BitConverter.ToSingle(a, ai);
                float t = x + 3.0f;
                t = 0.0f < t ? t : 0.0f;
                t = t < 6.0f ? t : 6.0f;
                float r = x * t / 6.0f;
                FloatBits.Write(o, oi, r);
                ai += 4;
                oi += 4;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return ElementwiseChecks.UnaryFloat(ctx, op);
        }
    }
}
