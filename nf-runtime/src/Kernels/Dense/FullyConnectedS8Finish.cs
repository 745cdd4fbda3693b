using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// Streaming helper of FULLY_CONNECTED int8: the output stage of <see cref="FullyConnectedS8"/> applied to int32
    /// accumulators built by <see cref="FullyConnectedS8Accumulate"/>. For the same accumulator it writes exactly
    /// the bytes of <see cref="FullyConnectedS8"/> (both call <see cref="FullyConnectedS8.Requantize"/>).
    /// <para>Inputs: [0] accumulators int32 [outDepth]; [1] requantization int32 [outDepth * 2] or [2], as input [3] of
    /// <see cref="FullyConnectedS8"/>: multiplier (Q0.31) then shift (positive = left) per output channel, or one
    /// pair for all channels (see the last param). Outputs: [0] output int8 [outDepth].</para>
    /// <para>Params: the fully_connected_finish layout, <see cref="FullyConnectedFinishParams"/>: outDepth (&gt;= 1),
    /// the output offset (output zero point), the activation range, the per-channel flag (1 when input [1] holds
    /// one pair per output channel, 0 when it holds a single pair for all).</para>
    /// <para>The output may start at the first byte of the accumulators (in place: output channel o is written
    /// after accumulator o is read, and byte o never lies in a later accumulator), but must not overlap them
    /// otherwise.</para>
    /// </summary>
    public static class FullyConnectedS8Finish
    {
        /// <summary>Computes output[o] = clamp(requantize(acc[o]) + zp).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int outDepth = p[FullyConnectedFinishParams.OutputDepth];
            int outputZeroPoint = p[FullyConnectedFinishParams.OutputOffset];
            int actMin = p[FullyConnectedFinishParams.ActivationMin];
            int actMax = p[FullyConnectedFinishParams.ActivationMax];
            int quantStride = p[FullyConnectedFinishParams.PerChannel] != 0 ? 8 : 0;
            byte[] acc = ctx.Buffer(op.Inputs[FullyConnectedFinishSlots.InAccumulators]);
            int accOffset = ctx.Offset(op.Inputs[FullyConnectedFinishSlots.InAccumulators]);
            byte[] quant = ctx.Buffer(op.Inputs[FullyConnectedFinishSlots.InMultipliers]);
            int quantOffset = ctx.Offset(op.Inputs[FullyConnectedFinishSlots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[FullyConnectedFinishSlots.OutOutput]);
            int outputOffset = ctx.Offset(op.Outputs[FullyConnectedFinishSlots.OutOutput]);
            for (int o = 0; o < outDepth; o++)
            {
                int a = LittleEndian.ReadInt32(acc, accOffset + 4 * o);
                output[outputOffset + o] = (byte)FullyConnectedS8.Requantize(a, quant, quantOffset + o * quantStride,
                    outputZeroPoint, actMin, actMax);
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 2, 1, FullyConnectedFinishParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = DenseValidation.AtLeast(p, FullyConnectedFinishParams.OutputDepth, 1, 1);
            if (e != null)
            {
                return e;
            }
            long outDepth = p[FullyConnectedFinishParams.OutputDepth];
            int perChannel = p[FullyConnectedFinishParams.PerChannel];
            if (perChannel != 0 && perChannel != 1)
            {
                return "per-channel flag must be 0 or 1";
            }
            long pairs = perChannel != 0 ? outDepth : 1;
            e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedFinishSlots.InAccumulators], TensorType.Int32,
                outDepth * 4, "accumulators");
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Inputs[FullyConnectedFinishSlots.InMultipliers], TensorType.Int32,
                    pairs * 8, "requantization");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, op.Outputs[FullyConnectedFinishSlots.OutOutput], TensorType.Int8,
                    outDepth, "output");
            }
            if (e == null)
            {
                e = DenseValidation.RequantizationPairs(ctx, op.Inputs[FullyConnectedFinishSlots.InMultipliers],
                    (int)pairs);
            }
            if (e == null)
            {
                e = DenseValidation.ActivationRange(p[FullyConnectedFinishParams.ActivationMin],
                    p[FullyConnectedFinishParams.ActivationMax], -128, 127);
            }
            if (e != null)
            {
                return e;
            }
            if (DenseValidation.Overlap(ctx, op.Outputs[FullyConnectedFinishSlots.OutOutput], outDepth,
                    op.Inputs[FullyConnectedFinishSlots.InAccumulators], outDepth * 4)
                && ctx.Offset(op.Outputs[FullyConnectedFinishSlots.OutOutput])
                    != ctx.Offset(op.Inputs[FullyConnectedFinishSlots.InAccumulators]))
            {
                return "output partly overlaps the accumulators";
            }
            return null;
        }
    }
}
