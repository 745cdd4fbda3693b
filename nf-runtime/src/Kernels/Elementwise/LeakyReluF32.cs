using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// LEAKY_RELU on float32, as TFLM's reference_ops::LeakyRelu: <c>x &gt; 0 ? x : x * alpha</c>.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Params (ints):
    /// <list type="table">
    /// <item><term>0</term><description>element count</description></item>
    /// <item><term>1</term><description>alpha as an IEEE-754 float bit pattern</description></item>
    /// </list>
    /// </summary>
    public static class LeakyReluF32
    {
        /// <summary>Number of params.</summary>
        public const int ParamCount = 2;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[0]);
            int ai = ctx.Offset(op.Inputs[0]);
            byte[] o = ctx.Buffer(op.Outputs[0]);
            int oi = ctx.Offset(op.Outputs[0]);
            int count = p[0];
            float alpha = FloatBits.FromBits(p[1]);
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
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Float32, ParamCount);
            if (error != null)
            {
                return error;
            }
            if (op.Params.Length != ParamCount)
            {
                return "bad params";
            }
            return ElementwiseChecks.Count(ctx, op, 4);
        }
    }
}
