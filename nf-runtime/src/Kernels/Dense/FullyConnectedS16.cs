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
    /// <para>Params: [0] batches, [1] inDepth, [2] outDepth, [3] output zero point, [4] activation min,
    /// [5] activation max, [6] 1 to accumulate in int32 (int32 bias), 0 for int64, [7] 1 when input [3] holds one
    /// (multiplier, shift) pair per output channel, 0 when it holds a single pair for all (per-tensor weights).</para>
    /// </summary>
    public static class FullyConnectedS16
    {
        /// <summary>Number of Params entries.</summary>
        public const int ParamCount = 8;

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
            bool accumulate32 = p[6] != 0;
            int quantStride = p[7] != 0 ? 8 : 0;
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
            string e = DenseValidation.FullyConnected(ctx, op, ParamCount, TensorType.Int16, 2, 8, 8);
            if (e != null)
            {
                return e;
            }
            return DenseValidation.ActivationRange(op.Params[4], op.Params[5], -32768, 32767);
        }
    }
}
