using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalFilterBankSquareRoot, bit-exact with TFLM's tflm_signal::FilterbankSqrt: the rounded integer square
    /// root of each uint64 channel (TFLM's Sqrt64 / Sqrt32 digit-by-digit method, rounding up when the remainder
    /// exceeds the root) shifted right by the int32 scalar in input 1. A shift outside 0..31 (undefined in C) gives 0.
    /// <para>Params (<see cref="SignalFilterBankSquareRootParams"/>): Count. Inputs: [input uint64, scale_bits int32
    /// scalar]. Outputs: [output uint32].</para>
    /// </summary>
    public static class SignalFilterBankSquareRootU64
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int count = op.Params[SignalFilterBankSquareRootParams.Count];
            byte[] input = ctx.Buffer(op.Inputs[SignalFilterBankSquareRootSlots.InInput]);
            int ii = ctx.Offset(op.Inputs[SignalFilterBankSquareRootSlots.InInput]);
            byte[] scale = ctx.Buffer(op.Inputs[SignalFilterBankSquareRootSlots.InScaleBits]);
            int si = ctx.Offset(op.Inputs[SignalFilterBankSquareRootSlots.InScaleBits]);
            byte[] output = ctx.Buffer(op.Outputs[SignalFilterBankSquareRootSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalFilterBankSquareRootSlots.OutOutput]);
            int shift = scale[si] | (scale[si + 1] << 8) | (scale[si + 2] << 16) | (scale[si + 3] << 24);
            for (int i = 0; i < count; i++)
            {
                uint lo = (uint)(input[ii] | (input[ii + 1] << 8) | (input[ii + 2] << 16) | (input[ii + 3] << 24));
                uint hi = (uint)(input[ii + 4] | (input[ii + 5] << 8) | (input[ii + 6] << 16) | (input[ii + 7] << 24));
                uint root = Sqrt64(((ulong)hi << 32) | lo);
                uint value = shift >= 0 && shift <= 31 ? root >> shift : 0;
                output[oi] = (byte)value;
                output[oi + 1] = (byte)(value >> 8);
                output[oi + 2] = (byte)(value >> 16);
                output[oi + 3] = (byte)(value >> 24);
                ii += 8;
                oi += 4;
            }
        }

        /// <summary>TFLM's Sqrt64: digit-by-digit square root, rounded up when the remainder exceeds the root.</summary>
        public static uint Sqrt64(ulong num)
        {
            if ((num >> 32) == 0)
            {
                return Sqrt32((uint)num);
            }
            ulong res = 0;
            int maxBit = 64 - BitLength64(num);
            maxBit |= 1;
            ulong bit = 1UL << (63 - maxBit);
            int iterations = (63 - maxBit) / 2 + 1;
            while (iterations-- > 0)
            {
                if (num >= res + bit)
                {
                    num -= res + bit;
                    res = (res >> 1) + bit;
                }
                else
                {
                    res >>= 1;
                }
                bit >>= 2;
            }
            if (num > res && res != 0xFFFFFFFFUL)
            {
                ++res;
            }
            return (uint)res;
        }

        /// <summary>TFLM's Sqrt32 (a uint16 result, widened).</summary>
        public static uint Sqrt32(uint num)
        {
            if (num == 0)
            {
                return 0;
            }
            uint res = 0;
            int maxBit = 32 - SignalChecks.MostSignificantBit32(num);
            maxBit |= 1;
            uint bit = 1U << (31 - maxBit);
            int iterations = (31 - maxBit) / 2 + 1;
            while (iterations-- > 0)
            {
                if (num >= res + bit)
                {
                    num -= res + bit;
                    res = (res >> 1) + bit;
                }
                else
                {
                    res >>= 1;
                }
                bit >>= 2;
            }
            if (num > res && res != 0xFFFF)
            {
                ++res;
            }
            return res & 0xFFFF;
        }

        private static int BitLength64(ulong x)
        {
            uint hi = (uint)(x >> 32);
            return hi != 0 ? 32 + SignalChecks.MostSignificantBit32(hi) : SignalChecks.MostSignificantBit32((uint)x);
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 2, 1, SignalFilterBankSquareRootParams.Length);
            if (error != null)
            {
                return error;
            }
            int count = op.Params[SignalFilterBankSquareRootParams.Count];
            error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSquareRootSlots.InInput], TensorType.UInt64, count, 8, "square root input");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSquareRootSlots.InScaleBits], TensorType.Int32, 1, 4, "square root scale bits");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalFilterBankSquareRootSlots.OutOutput], TensorType.UInt32, count, 4, "square root output");
            }
            return error;
        }
    }
}
