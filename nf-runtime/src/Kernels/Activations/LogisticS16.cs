using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Runtime.Kernels.Activations
{
    /// <summary>
    /// LOGISTIC on int16 (input zero point 0, output scale 2^-15), bit-exact with TFLM's reference int16
    /// Logistic: the input is rescaled to steps of 1/(3 * 4096) (a Q-format multiplier and rounding right shift
    /// from the compiler), then |x| indexes a 256-entry table of sigmoid(i/24) in 0.16 format with 9 bits of
    /// linear interpolation; negative inputs use 1 - sigmoid(|x|).
    /// <para>Inputs: [0] input int16 [count]; [1] sigmoid table, 256 unsigned 16-bit entries (an int16 tensor of
    /// 512 bytes). Outputs: [0] output int16 [count].</para>
    /// <para>Params: the lookup_s16 layout, <see cref="LookupS16Params"/> (shared with <see cref="TanhS16"/>): the
    /// element count, the input multiplier (1 .. 32767 times 2^shift) and the input right shift (0 .. 31).</para>
    /// </summary>
    public static class LogisticS16
    {
        /// <summary>Applies the interpolated sigmoid to every element.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int count = op.Params[LookupS16Params.Count];
            int multiplier = op.Params[LookupS16Params.InputMultiplier];
            int shift = op.Params[LookupS16Params.InputShift];
            int round = shift > 0 ? 1 << (shift - 1) : 0;
            byte[] input = ctx.Buffer(op.Inputs[LookupS16Slots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[LookupS16Slots.InInput]);
            byte[] table = ctx.Buffer(op.Inputs[LookupS16Slots.InSigmoidTable]);
            int tableOffset = ctx.Offset(op.Inputs[LookupS16Slots.InSigmoidTable]);
            byte[] output = ctx.Buffer(op.Outputs[LookupS16Slots.OutOutput]);
            int outputOffset = ctx.Offset(op.Outputs[LookupS16Slots.OutOutput]);
            for (int i = 0; i < count; i++)
            {
                int at = inputOffset + 2 * i;
                int x = (short)(input[at] | (input[at + 1] << 8));
                int scaled = (x * multiplier + round) >> shift;
                uint magnitude = (uint)(scaled < 0 ? -scaled : scaled);
                uint index = magnitude >> 9;
                uint result;
                if (index >= 255)
                {
                    result = 0x7FFFu << 10;
                }
                else
                {
                    int t = tableOffset + 2 * (int)index;
                    uint lower = (uint)(table[t] | (table[t + 1] << 8));
                    uint upper = (uint)(table[t + 2] | (table[t + 3] << 8));
                    result = (lower << 9) + (magnitude & 0x1FF) * (upper - lower);
                }
                result = scaled >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
                result >>= 10;
                int o = outputOffset + 2 * i;
                output[o] = (byte)result;
                output[o + 1] = (byte)(result >> 8);
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ActivationValidation.Lookup(ctx, op, LookupS16Params.Length, TensorType.Int16, 2,
                TensorType.Int16, 512);
            if (e != null)
            {
                return e;
            }
            return ActivationValidation.LookupScaling(op.Params[LookupS16Params.InputMultiplier],
                op.Params[LookupS16Params.InputShift]);
        }
    }
}
