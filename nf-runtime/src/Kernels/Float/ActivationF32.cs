using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// LOGISTIC and TANH on float32, element by element, bit-exact with TFLM's reference_ops::Logistic (float: 1 above
    /// 16.619047, e^x below -9, else <c>1 / (1 + e^-x)</c>, with <see cref="FloatMath.Exp"/> as e) and
    /// reference_ops::Tanh (float, std::tanh: through <see cref="FloatMath.Tanh"/>).
    /// <para>Inputs: [input]; outputs: [output], which may be the same bytes as the input. Tensor slots:
    /// <see cref="ActivationF32Slots"/>; Params: <see cref="ActivationF32Params"/>.</para>
    /// </summary>
    public static class ActivationF32
    {
        /// <summary>Runs LOGISTIC. Assumes the record was validated.</summary>
        public static void RunLogisticF32(KernelContext ctx, OpRecord op)
        {
            Map(ctx, op, false);
        }

        /// <summary>Runs TANH. Assumes the record was validated.</summary>
        public static void RunTanhF32(KernelContext ctx, OpRecord op)
        {
            Map(ctx, op, true);
        }

        /// <summary>Returns null if the record is valid for LOGISTIC float32, else what is wrong.</summary>
        public static string ValidateLogisticF32(KernelContext ctx, OpRecord op)
        {
            return FloatChecks.Activation(ctx, op);
        }

        /// <summary>Returns null if the record is valid for TANH float32, else what is wrong.</summary>
        public static string ValidateTanhF32(KernelContext ctx, OpRecord op)
        {
            return FloatChecks.Activation(ctx, op);
        }

        private static float Logistic(float x)
        {
            if (x > 16.619047164916992188f)
            {
                return 1.0f;
            }
            if (x < -9.0f)
            {
                return FloatMath.Exp(x);
            }
            return 1.0f / (1.0f + FloatMath.Exp(-x));
        }

        private static void Map(KernelContext ctx, OpRecord op, bool tanh)
        {
            int count = op.Params[ActivationF32Params.Count];
            byte[] input = ctx.Buffer(op.Inputs[ActivationF32Slots.InInput]);
            int ii = ctx.Offset(op.Inputs[ActivationF32Slots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[ActivationF32Slots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[ActivationF32Slots.OutOutput]);
            for (int i = 0; i < count; i++)
            {
                float x = BitConverter.ToSingle(input, ii);
                FloatBits.Write(output, oi, tanh ? FloatMath.Tanh(x) : Logistic(x));
                ii += 4;
                oi += 4;
            }
        }
    }
}
