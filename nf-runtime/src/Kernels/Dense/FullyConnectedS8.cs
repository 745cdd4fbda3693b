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
    /// <para>Params: [0] batches, [1] inDepth, [2] outDepth, [3] output zero point, [4] activation min,
    /// [5] activation max, [6] 1 when input [3] holds one (multiplier, shift) pair per output channel, 0 when it
    /// holds a single pair for all (per-tensor weights).</para>
    /// </summary>
    public static class FullyConnectedS8
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
                    int w = wRow;
                    int x = inRow;
                    int end4 = wRow + (inDepth & ~3);
                    // Four products per iteration: the interpreter pays per loop test, not per multiply.
                    while (w < end4)
                    {
                        acc += (sbyte)weights[w] * (sbyte)input[x]
                            + (sbyte)weights[w + 1] * (sbyte)input[x + 1]
                            + (sbyte)weights[w + 2] * (sbyte)input[x + 2]
                            + (sbyte)weights[w + 3] * (sbyte)input[x + 3];
                        w += 4;
                        x += 4;
                    }
                    int end = wRow + inDepth;
                    while (w < end)
                    {
                        acc += (sbyte)weights[w] * (sbyte)input[x];
                        w++;
                        x++;
                    }
                    wRow = end;
                    output[outRow + o] = (byte)Requantize(acc, quant, quantOffset + o * quantStride, outputZeroPoint, actMin, actMax);
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
            string e = DenseValidation.FullyConnected(ctx, op, ParamCount, TensorType.Int8, 1, 8, 4);
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(op.Params[4], op.Params[5], -128, 127);
        }
    }
}
