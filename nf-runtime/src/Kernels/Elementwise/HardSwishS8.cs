using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// HARD_SWISH on int8, bit-exact with TFLM's 16-bit fixed-point reference (reference_ops::HardSwish with
    /// HardSwishParams): the input less its zero point is moved to a "high-resolution" scale (times 2^7); one
    /// branch rescales it to the output scale, the other maps it to a "relu-ish" factor in [0, 1] (the input
    /// on a scale where 3.0 is 32768, saturated, then shifted into [0, 32767]); their product (a truncating
    /// doubling high multiply) is shifted to the output scale, offset and saturated to int8. Every step keeps
    /// gemmlowp's int16 semantics, including its int16 RoundingDivideByPOT for shifts of 16 and more.
    /// Inputs: [input]; outputs: [output], which may be the same buffer region as the input.
    /// Tensor slots: <see cref="HardSwishSlots"/>. Params (<see cref="HardSwishParams"/>):
    /// <list type="table">
    /// <item><term><see cref="HardSwishParams.Count"/></term><description>element count</description></item>
    /// <item><term><see cref="HardSwishParams.InputZeroPoint"/>, <see cref="HardSwishParams.OutputZeroPoint"/></term>
    /// <description>input and output zero points, in [-128, 127]</description></item>
    /// <item><term><see cref="HardSwishParams.ReluishMultiplier"/>, <see cref="HardSwishParams.ReluishShift"/></term>
    /// <description>relu-ish multiplier (Q0.15, in [0, 32767]) and exponent (positive = left), in [-31, 31]</description></item>
    /// <item><term><see cref="HardSwishParams.OutputMultiplier"/>, <see cref="HardSwishParams.OutputShift"/></term>
    /// <description>output multiplier (Q0.15, in [0, 32767]) and exponent, in [-31, 0]</description></item>
    /// </list>
    /// </summary>
    public static class HardSwishS8
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[HardSwishSlots.InInput]);
            int ai = ctx.Offset(op.Inputs[HardSwishSlots.InInput]);
            byte[] o = ctx.Buffer(op.Outputs[HardSwishSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[HardSwishSlots.OutOutput]);
            int count = p[HardSwishParams.Count];
            int inZero = p[HardSwishParams.InputZeroPoint];
            int outZero = p[HardSwishParams.OutputZeroPoint];
            int reluishMultiplier = p[HardSwishParams.ReluishMultiplier];
            int reluishExponent = p[HardSwishParams.ReluishShift];
            int outMultiplier = p[HardSwishParams.OutputMultiplier];
            // gemmlowp's int16 RoundingDivideByPOT builds its mask in int16: for shifts of 16 and more the
            // mask truncates to -1, which these precomputed values reproduce.
            int reluishRight = reluishExponent < 0 ? -reluishExponent : 0;
            int reluishMask = (short)((1L << reluishRight) - 1);
            int reluishHalf = reluishMask >> 1;
            int outRight = -p[HardSwishParams.OutputShift];
            int outMask = (short)((1L << outRight) - 1);
            int outHalf = outMask >> 1;
            for (int i = 0; i < count; i++)
            {
                int hires = (short)(((short)((sbyte)a[ai] - inZero)) << 7);

                // Input on the pre-shift output scale: int16 rounding doubling high multiply (multipliers are
                // non-negative, so the -32768 * -32768 saturation cannot occur).
                int ab = hires * outMultiplier;
                ab += ab >= 0 ? 0x4000 : -0x3FFF;
                int preshiftOut = (short)((ab >= 0 ? ab : ab + 0x7FFF) >> 15);

                // Relu-ish factor: saturating left shift by exponent - 1, multiply, last saturating bit of
                // left shift, or a rounding right shift.
                int reluish = hires;
                if (reluishExponent > 0)
                {
                    long shifted = (long)reluish << (reluishExponent - 1);
                    reluish = shifted > 32767 ? 32767 : shifted < -32768 ? -32768 : (int)shifted;
                }
                ab = reluish * reluishMultiplier;
                ab += ab >= 0 ? 0x4000 : -0x3FFF;
                reluish = (short)((ab >= 0 ? ab : ab + 0x7FFF) >> 15);
                if (reluishExponent > 0)
                {
                    reluish = reluish > 16383 ? 32767 : reluish < -16384 ? -32768 : reluish << 1;
                }
                else if (reluishExponent < 0)
                {
                    reluish = (reluish >> reluishRight) + ((reluish & reluishMask) > (reluishHalf + (reluish < 0 ? 1 : 0)) ? 1 : 0);
                }
                reluish = (reluish + 32768) >> 1;

                // Truncating doubling high multiply (reluish is in [0, 32767]: no saturation case).
                ab = reluish * preshiftOut;
                int value = (short)((ab >= 0 ? ab : ab + 0x7FFF) >> 15);
                value = (value >> outRight) + ((value & outMask) > (outHalf + (value < 0 ? 1 : 0)) ? 1 : 0);
                value = (short)(value + outZero);
                if (value > 127)
                {
                    value = 127;
                }
                if (value < -128)
                {
                    value = -128;
                }
                o[oi] = (byte)value;
                ai++;
                oi++;
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 1, TensorType.Int8, HardSwishParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != HardSwishParams.Length || p[HardSwishParams.InputZeroPoint] < -128 ||
                p[HardSwishParams.InputZeroPoint] > 127 || p[HardSwishParams.OutputZeroPoint] < -128 ||
                p[HardSwishParams.OutputZeroPoint] > 127 ||
                p[HardSwishParams.ReluishMultiplier] < 0 || p[HardSwishParams.ReluishMultiplier] > 32767 ||
                p[HardSwishParams.ReluishShift] < -31 || p[HardSwishParams.ReluishShift] > 31 ||
                p[HardSwishParams.OutputMultiplier] < 0 || p[HardSwishParams.OutputMultiplier] > 32767 ||
                p[HardSwishParams.OutputShift] < -31 || p[HardSwishParams.OutputShift] > 0)
            {
                return "bad params";
            }
            return ElementwiseChecks.Count(ctx, op, HardSwishParams.Count, 1);
        }
    }
}
