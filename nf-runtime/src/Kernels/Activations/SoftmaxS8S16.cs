using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// SOFTMAX with int8 input and int16 output, bit-exact with TFLM's reference quantized softmax (gemmlowp
    /// fixed point: exp in Q0 of the Q5.26-rescaled difference to the row maximum, Q12 sum, reciprocal through
    /// 1/(1+x), rounding shift to 16 bits, offset by -32768).
    /// <para>The exp of each possible difference (0 .. 255 below the row maximum) is computed by the compiler
    /// with TFLM's beta/scale multiplier and diff_min, so the kernel only looks it up.</para>
    /// <para>Inputs: [0] input int8 [outer * depth]; [1] exp table int32 [256]: entry k = exp(-k) in Q0 as TFLM
    /// computes it, 0 where -k &lt; diff_min. Outputs: [0] output int16 [outer * depth].</para>
    /// <para>Params: the softmax_s8 layout, <see cref="SoftmaxS8Params"/>, as for <see cref="SoftmaxS8"/>.</para>
    /// </summary>
    public static class SoftmaxS8S16
    {
        /// <summary>Normalizes each row of the input (<see cref="SoftmaxS8Rows"/>).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            SoftmaxS8Rows.Run(ctx, op, 2);
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return ActivationValidation.SoftmaxS8(ctx, op, SoftmaxS8Params.Length, TensorType.Int16, 2);
        }
    }
}
