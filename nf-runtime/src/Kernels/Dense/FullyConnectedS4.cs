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
    /// <para>Params: [0] batches, [1] inDepth, [2] outDepth, [3] output zero point, [4] activation min,
    /// [5] activation max, [6] 1 when input [3] holds one (multiplier, shift) pair per output channel, 0 when it
    /// holds a single pair for all (per-tensor weights).</para>
    /// </summary>
    public static class FullyConnectedS4
    {
        /// <summary>Number of Params entries.</summary>
        public const int ParamCount = 7;

        /// <summary>Computes output = clamp(requantize(foldedBias + sum(w * x)) + zp).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[0];
            int inDepth = p[1];
            int outDepth = p[2];
            int outputZeroPoint = p[3];
            int actMin = p[4];
            int actMax = p[5];
            int quantStride = p[6] != 0 ? 8 : 0;
            int pairs = inDepth >> 1;
            bool odd = (inDepth & 1) != 0;
            int rowBytes = (inDepth + 1) >> 1;
            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inputOffset = ctx.Offset(op.Inputs[0]);
            byte[] weights = ctx.Buffer(op.Inputs[1]);
            int weightsOffset = ctx.Offset(op.Inputs[1]);
            byte[] bias = ctx.Buffer(op.Inputs[2]);
            int biasOffset = ctx.Offset(op.Inputs[2]);
            byte[] quant = ctx.Buffer(op.Inputs[3]);
            int quantOffset = ctx.Offset(op.Inputs[3]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outputOffset = ctx.Offset(op.Outputs[0]);
            for (int b = 0; b < batches; b++)
            {
                int inRow = inputOffset + b * inDepth;
                int outRow = outputOffset + b * outDepth;
                int wRow = weightsOffset;
                for (int o = 0; o < outDepth; o++)
                {
                    int acc = LittleEndian.ReadInt32(bias, biasOffset + o * 4);
                    int x = inRow;
                    for (int i = 0; i < pairs; i++)
                    {
                        int packed = weights[wRow + i];
                        // Low nibble: shift it to the top of an sbyte and back to sign-extend; high nibble: arithmetic shift.
                        acc += ((sbyte)(packed << 4) >> 4) * (sbyte)input[x];
                        acc += ((sbyte)packed >> 4) * (sbyte)input[x + 1];
                        x += 2;
                    }
                    if (odd)
                    {
                        acc += ((sbyte)(weights[wRow + pairs] << 4) >> 4) * (sbyte)input[x];
                    }
                    wRow += rowBytes;
                    int multiplier = LittleEndian.ReadInt32(quant, quantOffset + o * quantStride);
                    int shift = LittleEndian.ReadInt32(quant, quantOffset + o * quantStride + 4);
                    int v = FixedPoint.MultiplyByQuantizedMultiplier(acc, multiplier, shift) + outputZeroPoint;
                    if (v < actMin)
                    {
                        v = actMin;
                    }
                    if (v > actMax)
                    {
                        v = actMax;
                    }
                    output[outRow + o] = (byte)v;
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = DenseValidation.FullyConnected(ctx, op, ParamCount, TensorType.Int8, 1, 4, 4);
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(op.Params[4], op.Params[5], -128, 127);
        }
    }
}
