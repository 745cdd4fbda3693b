using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// SignalFilterBank, bit-exact with TFLM's tflm_signal::FilterbankAccumulateChannels: channel i (0 ..
    /// NumChannels) sums input[start + j] times weights[weight_start + j] over its width, and the same with the
    /// unweights carried into channel i + 1 (each input bin feeds two overlapping triangles). Products and sums are
    /// uint64 with the int16 weights sign-extended, as in C. Channel 0 only seeds channel 1, so the output holds
    /// channels 1 .. NumChannels.
    /// <para>Params (<see cref="SignalFilterBankParams"/>): NumChannels, InputLength (uint32 bins), WeightsLength.
    /// Inputs: [input uint32, weights int16, unweights int16, channel_frequency_starts int16, channel_weight_starts
    /// int16, channel_widths int16 (the three channel tables have NumChannels + 1 entries)]. Outputs: [output uint64].
    /// A channel whose table entries reach outside the input or the weights contributes nothing (TFLM would read out
    /// of bounds; the compiler refuses such tables).</para>
    /// </summary>
    public static class SignalFilterBankU32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int channels = p[SignalFilterBankParams.NumChannels];
            int inputLength = p[SignalFilterBankParams.InputLength];
            int weightsLength = p[SignalFilterBankParams.WeightsLength];
            byte[] input = ctx.Buffer(op.Inputs[SignalFilterBankSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[SignalFilterBankSlots.InInput]);
            byte[] weights = ctx.Buffer(op.Inputs[SignalFilterBankSlots.InWeights]);
            int weightsBase = ctx.Offset(op.Inputs[SignalFilterBankSlots.InWeights]);
            byte[] unweights = ctx.Buffer(op.Inputs[SignalFilterBankSlots.InUnweights]);
            int unweightsBase = ctx.Offset(op.Inputs[SignalFilterBankSlots.InUnweights]);
            byte[] starts = ctx.Buffer(op.Inputs[SignalFilterBankSlots.InChannelFrequencyStarts]);
            int startsBase = ctx.Offset(op.Inputs[SignalFilterBankSlots.InChannelFrequencyStarts]);
            byte[] weightStarts = ctx.Buffer(op.Inputs[SignalFilterBankSlots.InChannelWeightStarts]);
            int weightStartsBase = ctx.Offset(op.Inputs[SignalFilterBankSlots.InChannelWeightStarts]);
            byte[] widths = ctx.Buffer(op.Inputs[SignalFilterBankSlots.InChannelWidths]);
            int widthsBase = ctx.Offset(op.Inputs[SignalFilterBankSlots.InChannelWidths]);
            byte[] output = ctx.Buffer(op.Outputs[SignalFilterBankSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[SignalFilterBankSlots.OutOutput]);

            ulong weighted = 0;
            ulong unweighted = 0;
            for (int i = 0; i <= channels; i++)
            {
                int start = (short)(starts[startsBase + 2 * i] | (starts[startsBase + 2 * i + 1] << 8));
                int weightStart = (short)(weightStarts[weightStartsBase + 2 * i] | (weightStarts[weightStartsBase + 2 * i + 1] << 8));
                int width = (short)(widths[widthsBase + 2 * i] | (widths[widthsBase + 2 * i + 1] << 8));
                if (start < 0 || weightStart < 0 || width < 0 || start + width > inputLength || weightStart + width > weightsLength)
                {
                    width = 0;
                }
                int xi = inBase + 4 * start;
                int wi = 2 * weightStart;
                for (int j = 0; j < width; j++)
                {
                    ulong x = (uint)(input[xi] | (input[xi + 1] << 8) | (input[xi + 2] << 16) | (input[xi + 3] << 24));
                    long w = (short)(weights[weightsBase + wi] | (weights[weightsBase + wi + 1] << 8));
                    long u = (short)(unweights[unweightsBase + wi] | (unweights[unweightsBase + wi + 1] << 8));
                    weighted += (ulong)w * x;
                    unweighted += (ulong)u * x;
                    xi += 4;
                    wi += 2;
                }
                if (i > 0)
                {
                    WriteUInt64(output, oi, weighted);
                    oi += 8;
                }
                weighted = unweighted;
                unweighted = 0;
            }
        }

        private static void WriteUInt64(byte[] b, int offset, ulong value)
        {
            uint lo = (uint)value;
            uint hi = (uint)(value >> 32);
            b[offset] = (byte)lo;
            b[offset + 1] = (byte)(lo >> 8);
            b[offset + 2] = (byte)(lo >> 16);
            b[offset + 3] = (byte)(lo >> 24);
            b[offset + 4] = (byte)hi;
            b[offset + 5] = (byte)(hi >> 8);
            b[offset + 6] = (byte)(hi >> 16);
            b[offset + 7] = (byte)(hi >> 24);
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = SignalChecks.Arity(op, 6, 1, SignalFilterBankParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int channels = p[SignalFilterBankParams.NumChannels];
            int inputLength = p[SignalFilterBankParams.InputLength];
            int weightsLength = p[SignalFilterBankParams.WeightsLength];
            if (channels < 0 || channels > 0x7FFF)
            {
                return "filter bank: channel count " + channels.ToString() + " is outside 0..32767";
            }
            error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSlots.InInput], TensorType.UInt32, inputLength, 4, "filter bank input");
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSlots.InWeights], TensorType.Int16, weightsLength, 2, "filter bank weights");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSlots.InUnweights], TensorType.Int16, weightsLength, 2, "filter bank unweights");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSlots.InChannelFrequencyStarts], TensorType.Int16, channels + 1, 2, "filter bank frequency starts");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSlots.InChannelWeightStarts], TensorType.Int16, channels + 1, 2, "filter bank weight starts");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Inputs[SignalFilterBankSlots.InChannelWidths], TensorType.Int16, channels + 1, 2, "filter bank widths");
            }
            if (error == null)
            {
                error = SignalChecks.Tensor(ctx, op.Outputs[SignalFilterBankSlots.OutOutput], TensorType.UInt64, channels, 8, "filter bank output");
            }
            return error;
        }
    }
}
