using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>
    /// The time-step loop of <see cref="LstmS8"/> and <see cref="LstmS16"/>, which differ only in the width of the
    /// activations and output state and in their gate products (<c>Gate</c> of each kernel, where the multiply-adds
    /// are). Unit by unit: the four gates, the cell update c = sat16(sat16(f * c) + sat16(i * g)) clipped, and
    /// h = o * tanh(c) requantized to the output state; each step's output row is then copied to the output state.
    /// </summary>
    public static class LstmSequence
    {
        /// <summary>Runs every time step of every batch, updating the state tensors.</summary>
        /// <param name="ctx">The tensors.</param>
        /// <param name="op">The LSTM record.</param>
        /// <param name="elementBytes">1 for int8 activations and output state (<see cref="LstmS8"/>), 2 for int16
        /// (<see cref="LstmS16"/>).</param>
        public static void Run(KernelContext ctx, OpRecord op, int elementBytes)
        {
            int[] p = op.Params;
            int[] ins = op.Inputs;
            int[] outs = op.Outputs;
            int batches = p[LstmParams.Batches];
            int steps = p[LstmParams.TimeSteps];
            int inDepth = p[LstmParams.InputDepth];
            int stateDepth = p[LstmParams.StateDepth];
            bool timeMajor = p[LstmParams.TimeMajor] != 0;
            int cellClip = p[LstmParams.CellClip];
            int forgetMultiplier = p[LstmParams.ForgetCellMultiplier];
            int forgetShift = p[LstmParams.ForgetCellShift];
            int inputMultiplier = p[LstmParams.InputCellMultiplier];
            int inputShift = p[LstmParams.InputCellShift];
            int hiddenMultiplier = p[LstmParams.HiddenMultiplier];
            int hiddenShift = p[LstmParams.HiddenShift];
            int hiddenZeroPoint = p[LstmParams.HiddenZeroPoint];
            int hiddenMin = p[LstmParams.HiddenMin];
            int hiddenMax = p[LstmParams.HiddenMax];
            int tanhMultiplier = p[LstmParams.CellTanhMultiplier];
            int tanhShift = p[LstmParams.CellTanhShift];
            byte[] input = ctx.Buffer(ins[LstmSlots.InInput]);
            int inputOffset = ctx.Offset(ins[LstmSlots.InInput]);
            byte[] bias = ctx.Buffer(ins[LstmSlots.InGateBiases]);
            int biasOffset = ctx.Offset(ins[LstmSlots.InGateBiases]);
            byte[] table = ctx.Buffer(ins[LstmSlots.InSigmoidTable]);
            int tableOffset = ctx.Offset(ins[LstmSlots.InSigmoidTable]);
            byte[] output = ctx.Buffer(outs[LstmSlots.OutOutput]);
            int outputOffset = ctx.Offset(outs[LstmSlots.OutOutput]);
            byte[] hidden = ctx.Buffer(outs[LstmSlots.OutOutputState]);
            int hiddenOffset = ctx.Offset(outs[LstmSlots.OutOutputState]);
            byte[] cell = ctx.Buffer(outs[LstmSlots.OutCellState]);
            int cellOffset = ctx.Offset(outs[LstmSlots.OutCellState]);
            for (int b = 0; b < batches; b++)
            {
                int hBase = hiddenOffset + elementBytes * b * stateDepth;
                for (int t = 0; t < steps; t++)
                {
                    int row = timeMajor ? t * batches + b : b * steps + t;
                    int xBase = inputOffset + elementBytes * row * inDepth;
                    int outBase = outputOffset + elementBytes * row * stateDepth;
                    for (int unit = 0; unit < stateDepth; unit++)
                    {
                        int inputGate = LstmGateMath.Sigmoid(
                            Gate(ctx, op, 0, unit, input, xBase, hidden, hBase, bias, biasOffset, elementBytes), table, tableOffset);
                        int forgetGate = LstmGateMath.Sigmoid(
                            Gate(ctx, op, 1, unit, input, xBase, hidden, hBase, bias, biasOffset, elementBytes), table, tableOffset);
                        int cellGate = LstmGateMath.Tanh(
                            Gate(ctx, op, 2, unit, input, xBase, hidden, hBase, bias, biasOffset, elementBytes), 3, 0, table, tableOffset);
                        int outputGate = LstmGateMath.Sigmoid(
                            Gate(ctx, op, 3, unit, input, xBase, hidden, hBase, bias, biasOffset, elementBytes), table, tableOffset);
                        int cAt = cellOffset + 2 * (b * stateDepth + unit);
                        int c = (short)(cell[cAt] | (cell[cAt + 1] << 8));
                        int kept = LstmGateMath.Saturate16(FixedPoint.MultiplyByQuantizedMultiplier(forgetGate * c, forgetMultiplier, forgetShift));
                        int added = LstmGateMath.Saturate16(FixedPoint.MultiplyByQuantizedMultiplier(inputGate * cellGate, inputMultiplier, inputShift));
                        c = LstmGateMath.Saturate16(kept + added);
                        if (cellClip > 0)
                        {
                            if (c > cellClip)
                            {
                                c = cellClip;
                            }
                            if (c < -cellClip)
                            {
                                c = -cellClip;
                            }
                        }
                        cell[cAt] = (byte)c;
                        cell[cAt + 1] = (byte)(c >> 8);
                        int activated = LstmGateMath.Tanh(c, tanhMultiplier, tanhShift, table, tableOffset);
                        int h = hiddenZeroPoint + FixedPoint.MultiplyByQuantizedMultiplier(activated * outputGate, hiddenMultiplier, hiddenShift);
                        if (h < hiddenMin)
                        {
                            h = hiddenMin;
                        }
                        if (h > hiddenMax)
                        {
                            h = hiddenMax;
                        }
                        int outAt = outBase + elementBytes * unit;
                        output[outAt] = (byte)h;
                        if (elementBytes == 2)
                        {
                            output[outAt + 1] = (byte)(h >> 8);
                        }
                    }
                    for (int i = 0; i < elementBytes * stateDepth; i++)
                    {
                        hidden[hBase + i] = output[outBase + i];
                    }
                }
            }
        }

        /// <summary>The pre-activation of one gate of one unit, from the kernel of the activations' width.</summary>
        private static int Gate(KernelContext ctx, OpRecord op, int gate, int unit, byte[] x, int xBase, byte[] h, int hBase,
            byte[] bias, int biasOffset, int elementBytes)
        {
            return elementBytes == 1
                ? LstmS8.Gate(ctx, op, gate, unit, x, xBase, h, hBase, bias, biasOffset)
                : LstmS16.Gate(ctx, op, gate, unit, x, xBase, h, hBase, bias, biasOffset);
        }
    }
}
