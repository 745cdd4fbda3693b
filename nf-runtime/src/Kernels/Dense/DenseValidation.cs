using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// Load-time checks shared by the Dense kernels: tensor indices, byte sizes against the element counts the
    /// Params imply, element types, requantization tables. Each method returns null when valid, else what is wrong.
    /// </summary>
    public static class DenseValidation
    {
        /// <summary>Checks that every listed param is at least <paramref name="min"/>.</summary>
        public static string AtLeast(int[] p, int first, int count, int min)
        {
            for (int i = first; i < first + count; i++)
            {
                if (p[i] < min)
                {
                    return "param " + i.ToString() + " is " + p[i].ToString() + ", must be at least " + min.ToString();
                }
            }
            return null;
        }

        /// <summary>Checks an activation range lies inside [lo, hi] and is not empty.</summary>
        public static string ActivationRange(int actMin, int actMax, int lo, int hi)
        {
            if (actMin < lo || actMax > hi || actMin > actMax)
            {
                return "activation range [" + actMin.ToString() + ", " + actMax.ToString() + "] invalid";
            }
            return null;
        }

        /// <summary>Checks a multiplier is a non-negative Q0.31 value and the shift is in [-31, 30].</summary>
        public static string Multiplier(int multiplier, int shift)
        {
            if (multiplier < 0 || shift < -31 || shift > 30)
            {
                return "requantization multiplier " + multiplier.ToString() + " shift " + shift.ToString() + " out of range";
            }
            return null;
        }

        /// <summary>
        /// Checks a FULLY_CONNECTED record of the fully_connected or fully_connected_s16 layout (they share the first
        /// three Params, batches, input depth and output depth, end with the per-channel flag, 0 or 1, and share the
        /// first four input slots): input, weights, folded bias, requantization pairs, one output.
        /// </summary>
        /// <param name="ctx">Tensor tables.</param>
        /// <param name="op">The record.</param>
        /// <param name="paramCount">Expected number of params.</param>
        /// <param name="ioType">Element type of input and output.</param>
        /// <param name="ioBytes">Bytes per input/output element.</param>
        /// <param name="weightBits">8 for int8 weights (inDepth bytes per row), 4 for packed int4 ((inDepth + 1) / 2 bytes per row).</param>
        /// <param name="biasBytes">Bytes per folded bias element (4 or 8).</param>
        public static string FullyConnected(KernelContext ctx, OpRecord op, int paramCount, int ioType, int ioBytes,
            int weightBits, int biasBytes)
        {
            // int16: an optional fifth input, the requantization table split into CMSIS-NN's two arrays (the compiler's
            // marker that CMSIS-NN is proven bit-exact for the record; see ConvChecks.CmsisNnQuant), never read here.
            bool cmsisQuant = ioType == TensorType.Int16 && op.Inputs != null
                && op.Inputs.Length == FullyConnectedS16Slots.InCmsisMultipliers + 1;
            string e = RecordChecks.Arity(op, cmsisQuant ? 5 : 4, 1, paramCount);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = AtLeast(p, FullyConnectedParams.Batches, 3, 1);
            if (e != null)
            {
                return e;
            }
            long batches = p[FullyConnectedParams.Batches];
            long inDepth = p[FullyConnectedParams.InputDepth];
            long outDepth = p[FullyConnectedParams.OutputDepth];
            long rowBytes = weightBits == 4 ? (inDepth + 1) / 2 : inDepth;
            e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedSlots.InInput], ioType, batches * inDepth * ioBytes, "input");
            if (e == null)
            {
                // Packed int4 weights are stored as raw bytes (an int8 tensor of outDepth * rowBytes bytes).
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedSlots.InWeights], TensorType.Int8, outDepth * rowBytes, "weights");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedSlots.InBias],
                    biasBytes == 8 ? TensorType.Int64 : TensorType.Int32, outDepth * biasBytes, "bias");
            }
            int perChannel = p[paramCount - 1];
            if (perChannel != 0 && perChannel != 1)
            {
                return "per-channel flag must be 0 or 1";
            }
            long pairs = perChannel != 0 ? outDepth : 1;
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedSlots.InMultipliers], TensorType.Int32, pairs * 8,
                    "requantization");
            }
            if (e == null && cmsisQuant)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedS16Slots.InCmsisMultipliers], TensorType.Int32, pairs * 8,
                    "CMSIS-NN requantization arrays");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[FullyConnectedSlots.OutOutput], ioType, batches * outDepth * ioBytes, "output");
            }
            if (e != null)
            {
                return e;
            }
            return RequantizationPairs(ctx, op.Inputs[FullyConnectedSlots.InMultipliers], (int)pairs);
        }

        /// <summary>
        /// Checks the first <paramref name="pairs"/> (multiplier, shift) pairs of the int32 requantization tensor
        /// <paramref name="t"/> (already checked to hold them) with <see cref="Multiplier"/>.
        /// </summary>
        public static string RequantizationPairs(KernelContext ctx, int t, int pairs)
        {
            byte[] quant = ctx.Buffer(t);
            int quantOffset = ctx.Offset(t);
            for (int o = 0; o < pairs; o++)
            {
                string e = Multiplier(LittleEndian.ReadInt32(quant, quantOffset + o * 8), LittleEndian.ReadInt32(quant, quantOffset + o * 8 + 4));
                if (e != null)
                {
                    return e;
                }
            }
            return null;
        }

        /// <summary>
        /// True when the first <paramref name="bytesA"/> bytes of tensor <paramref name="a"/> and the first
        /// <paramref name="bytesB"/> bytes of tensor <paramref name="b"/> share at least one byte (same array,
        /// intersecting ranges). Both tensors must already be checked to lie inside their buffers.
        /// </summary>
        public static bool Overlap(KernelContext ctx, int a, long bytesA, int b, long bytesB)
        {
            if (ctx.Buffer(a) != ctx.Buffer(b) || bytesA <= 0 || bytesB <= 0)
            {
                return false;
            }
            long startA = ctx.Offset(a);
            long startB = ctx.Offset(b);
            return startA < startB + bytesB && startB < startA + bytesA;
        }

        /// <summary>Checks a MEAN record (see <see cref="MeanS8"/> for the layout).</summary>
        public static string Mean(KernelContext ctx, OpRecord op, int paramCount, int ioType, int ioBytes)
        {
            string e = RecordChecks.Arity(op, 1, 1, paramCount);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = AtLeast(p, MeanParams.Dims, 4, 1);
            if (e != null)
            {
                return e;
            }
            if (p[MeanParams.AxesMask] < 0 || p[MeanParams.AxesMask] > 15)
            {
                return "reduced-axes mask " + p[MeanParams.AxesMask].ToString() + " out of range";
            }
            long total = (long)p[MeanParams.Dims] * p[MeanParams.Dims + 1] * p[MeanParams.Dims + 2]
                * p[MeanParams.Dims + 3];
            if (total > int.MaxValue / 2)
            {
                return "input too large";
            }
            long kept = 1;
            for (int k = 0; k < 4; k++)
            {
                if ((p[MeanParams.AxesMask] & (1 << k)) == 0)
                {
                    kept *= p[MeanParams.Dims + k];
                }
            }
            e = RecordChecks.Tensor(ctx, op.Inputs[MeanSlots.InInput], ioType, total * ioBytes, "input");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[MeanSlots.OutOutput], ioType, kept * ioBytes, "output");
            }
            if (e == null)
            {
                e = Multiplier(p[MeanParams.Multiplier], p[MeanParams.Shift]);
            }
            return e;
        }

        /// <summary>
        /// Checks a streaming FULLY_CONNECTED record (<see cref="FullyConnectedS8Accumulate"/>,
        /// <see cref="FullyConnectedS4Accumulate"/>) against the tensors' sizes and the aliasing rules; null when valid.
        /// </summary>
        /// <param name="ctx">The tensors.</param>
        /// <param name="op">The record.</param>
        /// <param name="weightBits">8, or 4 for packed int4 weights (each row starting on a byte).</param>
        public static string FullyConnectedAccumulate(KernelContext ctx, OpRecord op, int weightBits)
        {
            string e = RecordChecks.Arity(op, 3, 1, FullyConnectedAccumulateParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = AtLeast(p, FullyConnectedAccumulateParams.SliceLength, 2, 1);
            if (e != null)
            {
                return e;
            }
            long n = p[FullyConnectedAccumulateParams.SliceLength];
            long outDepth = p[FullyConnectedAccumulateParams.OutputDepth];
            long weightBytes = weightBits == 8 ? outDepth * n : outDepth * ((n + 1) / 2);
            e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedAccumulateSlots.InInput], TensorType.Int8, n, "input");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedAccumulateSlots.InWeights], TensorType.Int8,
                    weightBytes, "weights");
            }
            if (e == null && op.Inputs[FullyConnectedAccumulateSlots.InStart] != -1)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedAccumulateSlots.InStart], TensorType.Int32,
                    outDepth * 4, "start values");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[FullyConnectedAccumulateSlots.OutAccumulators],
                    TensorType.Int32, outDepth * 4, "accumulators");
            }
            if (e != null)
            {
                return e;
            }
            int acc = op.Outputs[FullyConnectedAccumulateSlots.OutAccumulators];
            if (Overlap(ctx, acc, outDepth * 4, op.Inputs[FullyConnectedAccumulateSlots.InInput], n))
            {
                return "accumulators overlap the input slice";
            }
            if (Overlap(ctx, acc, outDepth * 4, op.Inputs[FullyConnectedAccumulateSlots.InWeights], weightBytes))
            {
                return "accumulators overlap the weights";
            }
            int start = op.Inputs[FullyConnectedAccumulateSlots.InStart];
            if (start != -1 && Overlap(ctx, acc, outDepth * 4, start, outDepth * 4)
                && ctx.Offset(start) != ctx.Offset(acc))
            {
                return "start values partly overlap the accumulators";
            }
            return null;
        }
    }
}
