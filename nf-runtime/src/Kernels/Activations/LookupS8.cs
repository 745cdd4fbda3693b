using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// Int8 to int8 lookup through a 256-entry table the compiler computed by running TFLM's exact integer
    /// algorithm on every possible input: LOGISTIC and TANH on int8 (any per-element int8 function of one input).
    /// <para>Inputs: [0] input int8 [count]; [1] table int8 [256], entry (byte)x is the output for input x.
    /// Outputs: [0] output int8 [count] (may be the input's own bytes: each element is read before it is written).</para>
    /// <para>Params: the lookup_s8 layout, <see cref="LookupS8Params"/>: the element count.</para>
    /// </summary>
    public static class LookupS8
    {
        /// <summary>Maps every input element through the table.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int count = op.Params[LookupS8Params.Count];
            byte[] input = ctx.Buffer(op.Inputs[LookupS8Slots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[LookupS8Slots.InInput]);
            byte[] table = ctx.Buffer(op.Inputs[LookupS8Slots.InTable]);
            int tableOffset = ctx.Offset(op.Inputs[LookupS8Slots.InTable]);
            byte[] output = ctx.Buffer(op.Outputs[LookupS8Slots.OutOutput]);
            int outputOffset = ctx.Offset(op.Outputs[LookupS8Slots.OutOutput]);
            for (int i = 0; i < count; i++)
            {
                output[outputOffset + i] = table[tableOffset + input[inputOffset + i]];
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return ActivationValidation.Lookup(ctx, op, LookupS8Params.Length, TensorType.Int8, 1, TensorType.Int8, 256);
        }
    }
}
