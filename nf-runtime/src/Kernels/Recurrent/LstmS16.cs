using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>
    /// UNIDIRECTIONAL_SEQUENCE_LSTM with int16 activations and output state, an int16 cell state, int8 weights and
    /// int64 biases (16x8), bit-exact with TFLM's integer LSTM (tflite-micro lstm_eval.h,
    /// EvalLstm&lt;int16, int8, int16, int64&gt;): the same step as <see cref="LstmS8"/> with int64 accumulators and
    /// TFLM's int64 requantization of the gate products.
    /// <para>Inputs: [0] input int16 [batches * steps * inDepth], rows in time-major or batch-major order; [1..4] input
    /// weights int8 [stateDepth, inDepth] of the input, forget, cell and output gates; [5..8] recurrent weights int8
    /// [stateDepth, stateDepth], same order; [9] gate biases int64 [8 * stateDepth]: the four input products' biases
    /// with -inputZeroPoint * row sum folded in, then the four recurrent products' -hiddenZeroPoint * row sum; [10] the
    /// 256-entry sigmoid table (int16 tensor of 512 bytes). Outputs: [0] output int16 [batches * steps * stateDepth];
    /// [1] output state int16 [batches * stateDepth] and [2] cell state int16 [batches * stateDepth], read and updated
    /// (variable tensors that keep their values between invokes).</para>
    /// <para>Params: the lstm layout, <see cref="LstmParams"/>.</para>
    /// </summary>
    public static class LstmS16
    {
        /// <summary>Runs every time step of every batch, updating the state tensors (<see cref="LstmSequence"/>).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            LstmSequence.Run(ctx, op, 2);
        }

        /// <summary>
        /// The pre-activation of gate <paramref name="gate"/> (0 input, 1 forget, 2 cell, 3 output) for one unit: the
        /// input and recurrent products, each with its folded bias, requantized to Q3.12 and saturated, then their
        /// saturated sum. The accumulators are int64, as TFLM's.
        /// </summary>
        internal static int Gate(KernelContext ctx, OpRecord op, int gate, int unit, byte[] x, int xBase, byte[] h, int hBase,
            byte[] bias, int biasOffset)
        {
            int[] p = op.Params;
            int inDepth = p[LstmParams.InputDepth];
            int stateDepth = p[LstmParams.StateDepth];
            int wt = op.Inputs[LstmSlots.InInputToInputWeights + gate];
            byte[] w = ctx.Buffer(wt);
            int wAt = ctx.Offset(wt) + unit * inDepth;
            long acc = LittleEndian.ReadInt64(bias, biasOffset + 8 * (gate * stateDepth + unit));
            for (int d = 0; d < inDepth; d++)
            {
                acc += (sbyte)w[wAt + d] * (short)(x[xBase + 2 * d] | (x[xBase + 2 * d + 1] << 8));
            }
            int fromInput = LstmGateMath.Saturate16(
                FixedPoint.MultiplyByQuantizedMultiplier(acc, p[LstmParams.InputMultipliers + gate], p[LstmParams.InputShifts + gate]));
            int rt = op.Inputs[LstmSlots.InRecurrentToInputWeights + gate];
            byte[] r = ctx.Buffer(rt);
            int rAt = ctx.Offset(rt) + unit * stateDepth;
            acc = LittleEndian.ReadInt64(bias, biasOffset + 8 * ((4 + gate) * stateDepth + unit));
            for (int d = 0; d < stateDepth; d++)
            {
                acc += (sbyte)r[rAt + d] * (short)(h[hBase + 2 * d] | (h[hBase + 2 * d + 1] << 8));
            }
            int fromState = LstmGateMath.Saturate16(
                FixedPoint.MultiplyByQuantizedMultiplier(acc, p[LstmParams.RecurrentMultipliers + gate], p[LstmParams.RecurrentShifts + gate]));
            return LstmGateMath.Saturate16(fromInput + fromState);
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return LstmValidation.Check(ctx, op, TensorType.Int16, 2, TensorType.Int64, 8);
        }
    }
}
