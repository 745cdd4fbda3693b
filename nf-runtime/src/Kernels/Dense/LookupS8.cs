using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// Int8 to int8 lookup through a 256-entry table the compiler computed by running TFLM's exact integer
    /// algorithm on every possible input: LOGISTIC and TANH on int8 (any per-element int8 function of one input).
    /// <para>Inputs: [0] input int8 [count]; [1] table int8 [256], entry (byte)x is the output for input x.
    /// Outputs: [0] output int8 [count] (may be the input's own bytes: each element is read before it is written).</para>
    /// <para>Params: [0] count.</para>
    /// </summary>
    public static class LookupS8
    {
        /// <summary>Number of Params entries.</summary>
        public const int ParamCount = 1;

        /// <summary>Maps every input element through the table.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int count = op.Params[0];
            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inputOffset = ctx.Offset(op.Inputs[0]);
            byte[] table = ctx.Buffer(op.Inputs[1]);
            int tableOffset = ctx.Offset(op.Inputs[1]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outputOffset = ctx.Offset(op.Outputs[0]);
            for (int i = 0; i < count; i++)
            {
                output[outputOffset + i] = table[tableOffset + input[inputOffset + i]];
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return DenseValidation.Elementwise(ctx, op, ParamCount, TensorType.Int8, 1, TensorType.Int8, 256);
        }
    }
}
