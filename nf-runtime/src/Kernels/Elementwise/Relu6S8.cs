using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// RELU6 on int8, bit-exact with TFLM's Relu6Quantized: each raw input value is clamped to
    /// [zero, six], the input's quantized 0 and 6; TFLM does not rescale to the output's parameters.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Params (ints):
    /// <list type="table">
    /// <item><term>0</term><description>element count</description></item>
    /// <item><term>1, 2</term><description>lower bound (input zero point) and upper bound (6.0 quantized with the input's parameters), in [-128, 127]</description></item>
    /// </list>
    /// </summary>
    public static class Relu6S8
    {
        /// <summary>Number of params.</summary>
        public const int ParamCount = 3;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[0]);
            int ai = ctx.Offset(op.Inputs[0]);
            byte[] o = ctx.Buffer(op.Outputs[0]);
            int oi = ctx.Offset(op.Outputs[0]);
            int count = p[0];
            int lower = p[1];
            int upper = p[2];
            for (int i = 0; i < count; i++)
            {
                int value = (sbyte)a[ai];
                int result = value > upper ? upper : value < lower ? lower : value;
                o[oi] = (byte)result;
                ai++;
                oi++;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Int8, ParamCount);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != ParamCount || p[1] < -128 || p[1] > 127 || p[2] < -128 || p[2] > 127)
            {
                return "bad params";
            }
            return ElementwiseChecks.Count(ctx, op, 1);
        }
    }
}
