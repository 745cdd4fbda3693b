using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// FULLY_CONNECTED with int8 input and output and int8 weights, bit-exact with TFLM's reference
    /// FullyConnected / FullyConnectedPerChannel (int32 accumulator, double-rounding requantization).
    /// <para>Inputs: [0] input int8 [batches * inDepth]; [1] weights int8 [outDepth, inDepth] row-major;
    /// [2] folded bias int32 [outDepth] = bias - inputZeroPoint * sum(weights row) (wrapping, computed by the
    /// compiler); [3] requantization int32 [outDepth * 2] or [2]: multiplier (Q0.31) then shift (positive = left) per
    /// output channel, or one pair for all channels (see the last param). Outputs: [0] output int8 [batches * outDepth].</para>
    /// <para>Params: the fully_connected layout, <see cref="FullyConnectedParams"/> (shared with
    /// <see cref="FullyConnectedS4"/>); the output offset is the output zero point, the per-channel flag 1 when
    /// input [3] holds one (multiplier, shift) pair per output channel, 0 when it holds a single pair for all
    /// (per-tensor weights).</para>
    /// </summary>
    public static class FullyConnectedS8
    {
        /// <summary>Computes output = clamp(requantize(foldedBias + sum(w * x)) + zp).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[FullyConnectedParams.Batches];
            int inDepth = p[FullyConnectedParams.InputDepth];
            int outDepth = p[FullyConnectedParams.OutputDepth];
            int outputZeroPoint = p[FullyConnectedParams.OutputOffset];
            int actMin = p[FullyConnectedParams.ActivationMin];
            int actMax = p[FullyConnectedParams.ActivationMax];
            int quantStride = p[FullyConnectedParams.PerChannel] != 0 ? 8 : 0;
            byte[] input = ctx.Buffer(op.Inputs[FullyConnectedSlots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[FullyConnectedSlots.InInput]);
            byte[] weights = ctx.Buffer(op.Inputs[FullyConnectedSlots.InWeights]);
            int weightsOffset = ctx.Offset(op.Inputs[FullyConnectedSlots.InWeights]);
            byte[] bias = ctx.Buffer(op.Inputs[FullyConnectedSlots.InBias]);
            int biasOffset = ctx.Offset(op.Inputs[FullyConnectedSlots.InBias]);
            byte[] quant = ctx.Buffer(op.Inputs[FullyConnectedSlots.InMultipliers]);
            int quantOffset = ctx.Offset(op.Inputs[FullyConnectedSlots.InMultipliers]);
            byte[] output = ctx.Buffer(op.Outputs[FullyConnectedSlots.OutOutput]);
            int outputOffset = ctx.Offset(op.Outputs[FullyConnectedSlots.OutOutput]);
            int blockEnd = outDepth & ~3;
            int pairEnd = inDepth & ~1;
            int rows2 = inDepth * 2;
            int rows3 = inDepth * 3;
            for (int b = 0; b < batches; b++)
            {
                int inRow = inputOffset + b * inDepth;
                int inPairEnd = inRow + pairEnd;
                int inEnd = inRow + inDepth;
                int outRow = outputOffset + b * outDepth;
                int o = 0;
                // Four output rows at a time share each input load (nanoCLR pays most for array loads).
                while (o < blockEnd)
                {
                    int bb = biasOffset + o * 4;
                    int a0 = bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24);
                    int a1 = bias[bb + 4] | (bias[bb + 5] << 8) | (bias[bb + 6] << 16) | (bias[bb + 7] << 24);
                    int a2 = bias[bb + 8] | (bias[bb + 9] << 8) | (bias[bb + 10] << 16) | (bias[bb + 11] << 24);
                    int a3 = bias[bb + 12] | (bias[bb + 13] << 8) | (bias[bb + 14] << 16) | (bias[bb + 15] << 24);
                    int w = weightsOffset + o * inDepth;
                    int x = inRow;
                    while (x < inPairEnd)
                    {
                        int x0 = (sbyte)input[x];
                        int x1 = (sbyte)input[x + 1];
                        a0 += (sbyte)weights[w] * x0 + (sbyte)weights[w + 1] * x1;
                        a1 += (sbyte)weights[w + inDepth] * x0 + (sbyte)weights[w + inDepth + 1] * x1;
                        a2 += (sbyte)weights[w + rows2] * x0 + (sbyte)weights[w + rows2 + 1] * x1;
                        a3 += (sbyte)weights[w + rows3] * x0 + (sbyte)weights[w + rows3 + 1] * x1;
                        w += 2;
                        x += 2;
                    }
                    if (x < inEnd)
                    {
                        int x0 = (sbyte)input[x];
                        a0 += (sbyte)weights[w] * x0;
                        a1 += (sbyte)weights[w + inDepth] * x0;
                        a2 += (sbyte)weights[w + rows2] * x0;
                        a3 += (sbyte)weights[w + rows3] * x0;
                    }
                    output[outRow + o] = (byte)Requantize(a0, quant, quantOffset + o * quantStride, outputZeroPoint, actMin, actMax);
                    output[outRow + o + 1] = (byte)Requantize(a1, quant, quantOffset + (o + 1) * quantStride, outputZeroPoint, actMin, actMax);
                    output[outRow + o + 2] = (byte)Requantize(a2, quant, quantOffset + (o + 2) * quantStride, outputZeroPoint, actMin, actMax);
                    output[outRow + o + 3] = (byte)Requantize(a3, quant, quantOffset + (o + 3) * quantStride, outputZeroPoint, actMin, actMax);
                    o += 4;
                }
                while (o < outDepth)
                {
                    int bb = biasOffset + o * 4;
                    int acc = bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24);
                    int w = weightsOffset + o * inDepth;
                    int x = inRow;
                    while (x < inEnd)
                    {
                        acc += (sbyte)weights[w] * (sbyte)input[x];
                        w++;
                        x++;
                    }
                    output[outRow + o] = (byte)Requantize(acc, quant, quantOffset + o * quantStride, outputZeroPoint, actMin, actMax);
                    o++;
                }
            }
        }

        /// <summary>
        /// The output stage of FULLY_CONNECTED int8, shared with <see cref="FullyConnectedS8Finish"/>: requantizes the
        /// int32 accumulator <paramref name="acc"/> with the (multiplier Q0.31, shift) pair stored little-endian at byte
        /// <paramref name="pairOffset"/> of <paramref name="quant"/> (TFLM's double-rounding
        /// MultiplyByQuantizedMultiplier), adds <paramref name="outputZeroPoint"/> and clamps to
        /// [<paramref name="actMin"/>, <paramref name="actMax"/>]. Returns the int8 output value.
        /// </summary>
        public static int Requantize(int acc, byte[] quant, int pairOffset, int outputZeroPoint, int actMin, int actMax)
        {
            int multiplier = LittleEndian.ReadInt32(quant, pairOffset);
            int shift = LittleEndian.ReadInt32(quant, pairOffset + 4);
            int v = FixedPoint.MultiplyByQuantizedMultiplier(acc, multiplier, shift) + outputZeroPoint;
            if (v < actMin)
            {
                v = actMin;
            }
            if (v > actMax)
            {
                v = actMax;
            }
            return v;
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = DenseValidation.FullyConnected(ctx, op, FullyConnectedParams.Length, TensorType.Int8, 1, 8, 4);
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(op.Params[FullyConnectedParams.ActivationMin],
                op.Params[FullyConnectedParams.ActivationMax], -128, 127);
        }
    }
}
