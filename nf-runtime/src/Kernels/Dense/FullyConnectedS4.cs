using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// FULLY_CONNECTED with int8 input and output and packed int4 weights, bit-exact with TFLM (which unpacks
    /// the weights to int8 and runs its int8 reference kernel); here the nibbles are read in place.
    /// <para>Inputs: [0] input int8 [batches * inDepth]; [1] weights, packed int4 stored as raw bytes: one row
    /// of (inDepth + 1) / 2 bytes per output channel, element 2i of a row in the low nibble of byte i and 2i+1 in
    /// the high nibble, sign-extended (a row with odd inDepth ends with an unused high nibble); [2] folded bias
    /// int32 [outDepth]; [3] requantization int32 [outDepth * 2] or [2]: (multiplier, shift) per output channel or one pair for all.
    /// Outputs: [0] output int8 [batches * outDepth].</para>
    /// <para>Params: the fully_connected layout, <see cref="FullyConnectedParams"/>, as for
    /// <see cref="FullyConnectedS8"/>.</para>
    /// </summary>
    public static class FullyConnectedS4
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
            int pairs = inDepth >> 1;
            bool odd = (inDepth & 1) != 0;
            int rowBytes = (inDepth + 1) >> 1;
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
            for (int b = 0; b < batches; b++)
            {
                int inRow = inputOffset + b * inDepth;
                int outRow = outputOffset + b * outDepth;
                int o = 0;
                // Four output rows at a time share each pair of input loads; one weight byte feeds two MACs.
                while (o < blockEnd)
                {
                    int bb = biasOffset + o * 4;
                    int a0 = bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24);
                    int a1 = bias[bb + 4] | (bias[bb + 5] << 8) | (bias[bb + 6] << 16) | (bias[bb + 7] << 24);
                    int a2 = bias[bb + 8] | (bias[bb + 9] << 8) | (bias[bb + 10] << 16) | (bias[bb + 11] << 24);
                    int a3 = bias[bb + 12] | (bias[bb + 13] << 8) | (bias[bb + 14] << 16) | (bias[bb + 15] << 24);
                    int w = weightsOffset + o * rowBytes;
                    int wEnd = w + pairs;
                    int r2 = rowBytes * 2;
                    int r3 = rowBytes * 3;
                    int x = inRow;
                    while (w < wEnd)
                    {
                        int x0 = (sbyte)input[x];
                        int x1 = (sbyte)input[x + 1];
                        // Low nibble: shift it to the top of the int and back to sign-extend; high nibble likewise.
                        int k = weights[w];
                        a0 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                        k = weights[w + rowBytes];
                        a1 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                        k = weights[w + r2];
                        a2 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                        k = weights[w + r3];
                        a3 += ((k << 28) >> 28) * x0 + ((k << 24) >> 28) * x1;
                        w++;
                        x += 2;
                    }
                    if (odd)
                    {
                        int x0 = (sbyte)input[x];
                        a0 += ((weights[w] << 28) >> 28) * x0;
                        a1 += ((weights[w + rowBytes] << 28) >> 28) * x0;
                        a2 += ((weights[w + r2] << 28) >> 28) * x0;
                        a3 += ((weights[w + r3] << 28) >> 28) * x0;
                    }
                    output[outRow + o] = (byte)FullyConnectedS8.Requantize(a0, quant, quantOffset + o * quantStride, outputZeroPoint, actMin, actMax);
                    output[outRow + o + 1] = (byte)FullyConnectedS8.Requantize(a1, quant, quantOffset + (o + 1) * quantStride, outputZeroPoint, actMin, actMax);
                    output[outRow + o + 2] = (byte)FullyConnectedS8.Requantize(a2, quant, quantOffset + (o + 2) * quantStride, outputZeroPoint, actMin, actMax);
                    output[outRow + o + 3] = (byte)FullyConnectedS8.Requantize(a3, quant, quantOffset + (o + 3) * quantStride, outputZeroPoint, actMin, actMax);
                    o += 4;
                }
                while (o < outDepth)
                {
                    int bb = biasOffset + o * 4;
                    int acc = bias[bb] | (bias[bb + 1] << 8) | (bias[bb + 2] << 16) | (bias[bb + 3] << 24);
                    int w = weightsOffset + o * rowBytes;
                    int x = inRow;
                    for (int i = 0; i < pairs; i++)
                    {
                        int k = weights[w + i];
                        acc += ((k << 28) >> 28) * (sbyte)input[x] + ((k << 24) >> 28) * (sbyte)input[x + 1];
                        x += 2;
                    }
                    if (odd)
                    {
                        acc += ((weights[w + pairs] << 28) >> 28) * (sbyte)input[x];
                    }
                    output[outRow + o] = (byte)FullyConnectedS8.Requantize(acc, quant, quantOffset + o * quantStride, outputZeroPoint, actMin, actMax);
                    o++;
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = DenseValidation.FullyConnected(ctx, op, FullyConnectedParams.Length, TensorType.Int8, 1, 4, 4);
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(op.Params[FullyConnectedParams.ActivationMin],
                op.Params[FullyConnectedParams.ActivationMax], -128, 127);
        }
    }
}
