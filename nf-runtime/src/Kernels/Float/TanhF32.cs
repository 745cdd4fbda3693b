using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// TANH on float32, bit-exact with TFLM's reference_ops::Tanh (float), which calls std::tanh: through
    /// <see cref="FloatMath.Tanh"/>.
    /// <para>Inputs: [input]; outputs: [output], which may be the same bytes as the input. Tensor slots:
    /// <see cref="ActivationF32Slots"/>; Params: <see cref="ActivationF32Params"/>.</para>
    /// </summary>
    public static class TanhF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int count = op.Params[ActivationF32Params.Count];
            byte[] input = ctx.Buffer(op.Inputs[ActivationF32Slots.InInput]);
            int ii = ctx.Offset(op.Inputs[ActivationF32Slots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[ActivationF32Slots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[ActivationF32Slots.OutOutput]);
            for (int i = 0; i < count; i++)
            {
                float x = BitConverter.ToSingle(input, ii);
                float r = FloatMath.Tanh(x);
                FloatBits.Write(output, oi, r);
                ii += 4;
                oi += 4;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return FloatChecks.Activation(ctx, op);
        }
    }
}
