using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>
    /// UNIDIRECTIONAL_SEQUENCE_LSTM with int8 activations and output state, an int16 cell state, int8 weights and
    /// int32 biases, bit-exact with TFLM's integer LSTM (tflite-micro lstm_eval.h, EvalLstm&lt;int8, int8, int16, int32&gt;).
    /// Each gate is act(sat16(requant(Wx x + bx)) + sat16(requant(Wh h + bh))) in Q3.12 -> Q0.15 (sigmoid; tanh for
    /// the cell gate); then c = sat16(sat16(f * c) + sat16(i * g)), clipped, and h = o * tanh(c) requantized to the
    /// output state. TFLM computes gate by gate over whole vectors; each unit's values depend only on the step's input,
    /// the old hidden state and its own cell, so this kernel computes unit by unit with the same arithmetic and needs no
    /// scratch: it writes each unit's new hidden value to the output row and copies the row to the output state at the
    /// end of the step. Batches are independent, so batch-major and time-major inputs run the same loop.
    /// <para>Inputs: [0] input int8 [batches * steps * inDepth], rows in time-major or batch-major order; [1..4] input
    /// weights int8 [stateDepth, inDepth] of the input, forget, cell and output gates; [5..8] recurrent weights int8
    /// [stateDepth, stateDepth], same order; [9] gate biases int32 [8 * stateDepth]: the four input products' biases
    /// with -inputZeroPoint * row sum folded in, then the four recurrent products' -hiddenZeroPoint * row sum; [10] the
    /// 256-entry sigmoid table (int16 tensor of 512 bytes). Outputs: [0] output int8 [batches * steps * stateDepth];
    /// [1] output state int8 [batches * stateDepth] and [2] cell state int16 [batches * stateDepth], read and updated
    /// (variable tensors that keep their values between invokes).</para>
    /// <para>Params: the lstm layout, <see cref="LstmParams"/>.</para>
    /// </summary>
    public static class LstmS8
    {
        /// <summary>Runs every time step of every batch, updating the state tensors (<see cref="LstmSequence"/>).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            LstmSequence.Run(ctx, op, 1);
        }

        /// <summary>
        /// The pre-activation of gate <paramref name="gate"/> (0 input, 1 forget, 2 cell, 3 output) for one unit: the
        /// input and recurrent products, each with its folded bias, requantized to Q3.12 and saturated, then their
        /// saturated sum. The int32 accumulators wrap as TFLM's do.
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
            int acc = LittleEndian.ReadInt32(bias, biasOffset + 4 * (gate * stateDepth + unit));
            for (int d = 0; d < inDepth; d++)
            {
                acc += (sbyte)w[wAt + d] * (sbyte)x[xBase + d];
            }
            int fromInput = LstmGateMath.Saturate16(
                FixedPoint.MultiplyByQuantizedMultiplier(acc, p[LstmParams.InputMultipliers + gate], p[LstmParams.InputShifts + gate]));
            int rt = op.Inputs[LstmSlots.InRecurrentToInputWeights + gate];
            byte[] r = ctx.Buffer(rt);
            int rAt = ctx.Offset(rt) + unit * stateDepth;
            acc = LittleEndian.ReadInt32(bias, biasOffset + 4 * ((4 + gate) * stateDepth + unit));
            for (int d = 0; d < stateDepth; d++)
            {
                acc += (sbyte)r[rAt + d] * (sbyte)h[hBase + d];
            }
            int fromState = LstmGateMath.Saturate16(
                FixedPoint.MultiplyByQuantizedMultiplier(acc, p[LstmParams.RecurrentMultipliers + gate], p[LstmParams.RecurrentShifts + gate]));
            return LstmGateMath.Saturate16(fromInput + fromState);
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return LstmValidation.Check(ctx, op, TensorType.Int8, 1, TensorType.Int32, 4);
        }
    }
}
