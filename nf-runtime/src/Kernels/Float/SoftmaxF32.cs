using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// SOFTMAX on float32 over the last dimension, bit-exact with TFLM's reference_ops::Softmax (float): per row the
    /// maximum (from -FLT_MAX, as <c>std::max</c>), <c>exp((x - max) * beta)</c> through <see cref="FloatMath.Exp"/>
    /// written out and summed in order from 0, then each output divided by the sum.
    /// <para>Inputs: [input]; outputs: [output], which may be the input's own bytes (each element is read before
    /// its own output is written). Tensor slots:
    /// <see cref="SoftmaxF32Slots"/>; Params: <see cref="SoftmaxF32Params"/> (beta as IEEE-754 bits, already
    /// rounded to float as TFLM does).</para>
    /// </summary>
    public static class SoftmaxF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int rows = p[SoftmaxF32Params.Rows];
            int depth = p[SoftmaxF32Params.Depth];
            float beta = FloatBits.FromBits(p[SoftmaxF32Params.Beta]);
            byte[] input = ctx.Buffer(op.Inputs[SoftmaxF32Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[SoftmaxF32Slots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[SoftmaxF32Slots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[SoftmaxF32Slots.OutOutput]);
            for (int row = 0; row < rows; row++)
            {
                int ii = inBase + 4 * row * depth;
                int oi = outBase + 4 * row * depth;
                float max = -3.40282347e+38f;
                for (int c = 0; c < depth; c++)
                {
                    float x = BitConverter.ToSingle(input, ii + 4 * c);
                    max = max < x ? x : max;
                }
                float sum = 0.0f;
                for (int c = 0; c < depth; c++)
                {
                    float difference = BitConverter.ToSingle(input, ii + 4 * c) - max;
                    float scaled = difference * beta;
                    float e = FloatMath.Exp(scaled);
                    FloatBits.Write(output, oi + 4 * c, e);
                    sum += e;
                }
                for (int c = 0; c < depth; c++)
                {
                    FloatBits.Write(output, oi + 4 * c, BitConverter.ToSingle(output, oi + 4 * c) / sum);
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 1, 1, SoftmaxF32Params.Length);
            if (e == null)
            {
                e = FloatChecks.Within(op.Params, SoftmaxF32Params.Rows, 2, 1, int.MaxValue);
            }
            if (e != null)
            {
                return e;
            }
            long count = FloatChecks.Elements(op.Params[SoftmaxF32Params.Rows], op.Params[SoftmaxF32Params.Depth], 1, 1);
            e = FloatChecks.Tensor(ctx, op.Inputs[SoftmaxF32Slots.InInput], count, "input");
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Outputs[SoftmaxF32Slots.OutOutput], count, "output");
            }
            return e;
        }
    }
}
