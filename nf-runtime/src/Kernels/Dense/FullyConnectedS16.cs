using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// FULLY_CONNECTED with int16 input and output and int8 weights (16x8), bit-exact with TFLM's reference
    /// kernels: int64 accumulation and TFLM's int64 MultiplyByQuantizedMultiplier when the model's bias is int64
    /// (or absent), int32 wrapping accumulation and the int32 requantization when the bias is int32.
    /// <para>Inputs: [0] input int16 [batches * inDepth]; [1] weights int8 [outDepth, inDepth] row-major;
    /// [2] folded bias int64 [outDepth] = bias - inputZeroPoint * sum(weights row); [3] requantization int32
    /// [outDepth * 2] or [2]: (multiplier, shift) per output channel or one pair for all; optionally [4] that table as CMSIS-NN's two arrays int32 [multipliers, shifts], added by
    /// <c>compile --cmsis-nn</c> when it has proven CMSIS-NN's arm_fully_connected_s16 bit-exact for the record, only
    /// size-checked here. Outputs: [0] output int16 [batches * outDepth].</para>
    /// <para>Params: the fully_connected_s16 layout, <see cref="FullyConnectedS16Params"/>; the output offset is the
    /// output zero point, bias_is_int32 1 to accumulate in int32 (int32 bias), 0 for int64, the per-channel flag 1
    /// when input [3] holds one (multiplier, shift) pair per output channel, 0 when it holds a single pair for all
    /// (per-tensor weights).</para>
    /// </summary>
    public static class FullyConnectedS16
    {
        /// <summary>Computes output = clamp(requantize(foldedBias + sum(w * x)) + zp).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[FullyConnectedS16Params.Batches];
            int inDepth = p[FullyConnectedS16Params.InputDepth];
            int outDepth = p[FullyConnectedS16Params.OutputDepth];
            int outputZeroPoint = p[FullyConnectedS16Params.OutputOffset];
            int actMin = p[FullyConnectedS16Params.ActivationMin];
            int actMax = p[FullyConnectedS16Params.ActivationMax];
            bool accumulate32 = p[FullyConnectedS16Params.BiasIsInt32] != 0;
            int quantStride = p[FullyConnectedS16Params.PerChannel] != 0 ? 8 : 0;
            byte[] input = ctx.Buffer(op.Inputs[FullyConnectedS16Slots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[FullyConnectedS16Slots.InInput]);
            byte[] weights = ctx.Buffer(op.Inputs[FullyConnectedS16Slots.InWeights]);
            int weightsOffset = ctx.Offset(op.Inputs[FullyConnectedS16Slots.InWeights]);
            byte[] bias = ctx.Buffer(op.Inputs[FullyConnectedS16Slots.InBias]);
            int biasOffset = ctx.Offset(op.Inputs[FullyConnectedS16Slots.InBias]);
            byte[] quant = ctx.Buffer(op.Inputs[FullyConnectedS16Slots.InMultipliers]);
            int quantOffset = ctx.Offset(op.Inputs[FullyConnectedS16Slots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[FullyConnectedS16Slots.OutOutput]);
            int outputOffset = ctx.Offset(op.Outputs[FullyConnectedS16Slots.OutOutput]);
            for (int b = 0; b < batches; b++)
            {
                int inRow = inputOffset + b * inDepth * 2;
                int outRow = outputOffset + b * outDepth * 2;
                int wRow = weightsOffset;
                for (int o = 0; o < outDepth; o++)
                {
                    long acc = LittleEndian.ReadInt64(bias, biasOffset + o * 8);
                    for (int d = 0; d < inDepth; d++)
                    {
                        int x = (short)(input[inRow + 2 * d] | (input[inRow + 2 * d + 1] << 8));
                        acc += (sbyte)weights[wRow + d] * x;
                    }
                    wRow += inDepth;
                    int multiplier = LittleEndian.ReadInt32(quant, quantOffset + o * quantStride);
                    int shift = LittleEndian.ReadInt32(quant, quantOffset + o * quantStride + 4);
                    int v;
                    if (accumulate32)
                    {
                        // TFLM's int32 accumulator wraps; the low 32 bits of the exact sum are the same value.
                        v = FixedPoint.MultiplyByQuantizedMultiplier((int)acc, multiplier, shift);
                    }
                    else
                    {
                        v = FixedPoint.MultiplyByQuantizedMultiplier(acc, multiplier, shift);
                    }
                    v += outputZeroPoint;
                    if (v < actMin)
                    {
                        v = actMin;
                    }
                    if (v > actMax)
                    {
                        v = actMax;
                    }
                    output[outRow + 2 * o] = (byte)v;
                    output[outRow + 2 * o + 1] = (byte)(v >> 8);
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = DenseValidation.FullyConnected(ctx, op, FullyConnectedS16Params.Length, TensorType.Int16, 2, 8, 8);
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(op.Params[FullyConnectedS16Params.ActivationMin],
                op.Params[FullyConnectedS16Params.ActivationMax], -32768, 32767);
        }
    }
}
