using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>The load-time check of an lstm-layout record, shared by <see cref="LstmS8"/> and <see cref="LstmS16"/>.</summary>
    public static class LstmValidation
    {
        /// <summary>
        /// Checks every tensor the kernel touches against the sizes the Params imply, the requantization pairs and the
        /// ranges the kernel's arithmetic relies on; null when the record is safe to run.
        /// </summary>
        /// <param name="ctx">Tensor tables.</param>
        /// <param name="op">The record.</param>
        /// <param name="ioType">Element type of the input, output and output state (Int8 or Int16).</param>
        /// <param name="ioBytes">Bytes per element of those tensors.</param>
        /// <param name="biasType">Element type of the folded gate biases (Int32 or Int64).</param>
        /// <param name="biasBytes">Bytes per bias.</param>
        public static string Check(KernelContext ctx, OpRecord op, int ioType, int ioBytes, int biasType, int biasBytes)
        {
            string e = RecordChecks.Arity(op, LstmSlots.InSigmoidTable + 1, LstmSlots.OutCellState + 1, LstmParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            for (int i = LstmParams.Batches; i <= LstmParams.StateDepth; i++)
            {
                if (p[i] < 1)
                {
                    return "param " + i.ToString() + " must be at least 1";
                }
            }
            if (p[LstmParams.TimeMajor] != 0 && p[LstmParams.TimeMajor] != 1)
            {
                return "time_major must be 0 or 1";
            }
            long batches = p[LstmParams.Batches];
            long steps = p[LstmParams.TimeSteps];
            long inDepth = p[LstmParams.InputDepth];
            long stateDepth = p[LstmParams.StateDepth];
            int[] ins = op.Inputs;
            int[] outs = op.Outputs;
            e = RecordChecks.Tensor(ctx, ins[LstmSlots.InInput], ioType, batches * steps * inDepth * ioBytes, "input");
            for (int gate = 0; gate < 4 && e == null; gate++)
            {
                e = RecordChecks.Tensor(ctx, ins[LstmSlots.InInputToInputWeights + gate], TensorType.Int8, stateDepth * inDepth, "input weights");
                if (e == null)
                {
                    e = RecordChecks.Tensor(ctx, ins[LstmSlots.InRecurrentToInputWeights + gate], TensorType.Int8, stateDepth * stateDepth, "recurrent weights");
                }
                if (e == null)
                {
                    e = RecurrentChecks.Multiplier(p[LstmParams.InputMultipliers + gate], p[LstmParams.InputShifts + gate], "input product");
                }
                if (e == null)
                {
                    e = RecurrentChecks.Multiplier(p[LstmParams.RecurrentMultipliers + gate], p[LstmParams.RecurrentShifts + gate], "recurrent product");
                }
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, ins[LstmSlots.InGateBiases], biasType, 8 * stateDepth * biasBytes, "gate biases");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, ins[LstmSlots.InSigmoidTable], TensorType.Int16, 512, "sigmoid table");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, outs[LstmSlots.OutOutput], ioType, batches * steps * stateDepth * ioBytes, "output");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, outs[LstmSlots.OutOutputState], ioType, batches * stateDepth * ioBytes, "output state");
            }
            if (e == null)
            {
                e = RecordChecks.Tensor(ctx, outs[LstmSlots.OutCellState], TensorType.Int16, batches * stateDepth * 2, "cell state");
            }
            if (e == null)
            {
                e = RecurrentChecks.Multiplier(p[LstmParams.ForgetCellMultiplier], p[LstmParams.ForgetCellShift], "forget x cell");
            }
            if (e == null)
            {
                e = RecurrentChecks.Multiplier(p[LstmParams.InputCellMultiplier], p[LstmParams.InputCellShift], "input x cell gate");
            }
            if (e == null)
            {
                e = RecurrentChecks.Multiplier(p[LstmParams.HiddenMultiplier], p[LstmParams.HiddenShift], "hidden");
            }
            if (e != null)
            {
                return e;
            }
            int typeMin = ioBytes == 1 ? -128 : -32768;
            int typeMax = ioBytes == 1 ? 127 : 32767;
            int zeroPoint = p[LstmParams.HiddenZeroPoint];
            if (p[LstmParams.HiddenMin] < typeMin || p[LstmParams.HiddenMax] > typeMax || p[LstmParams.HiddenMin] > p[LstmParams.HiddenMax]
                || zeroPoint < typeMin || zeroPoint > typeMax)
            {
                return "hidden range or zero point outside the output state's type";
            }
            if (p[LstmParams.CellClip] < 0 || p[LstmParams.CellClip] > 32767)
            {
                return "cell clip must be 0 (none) to 32767";
            }
            // (x * multiplier + round) must stay inside int32 for every int16 cell value.
            if (p[LstmParams.CellTanhMultiplier] < 1 || p[LstmParams.CellTanhMultiplier] > 49152 || p[LstmParams.CellTanhShift] < 0
                || p[LstmParams.CellTanhShift] > 31)
            {
                return "cell tanh scaling out of range";
            }
            // The kernel reads all of a step's input and the old state before it writes that step's output and state.
            long inputBytes = batches * steps * inDepth * ioBytes;
            long outputBytes = batches * steps * stateDepth * ioBytes;
            long hiddenBytes = batches * stateDepth * ioBytes;
            long cellBytes = batches * stateDepth * 2;
            int input = ins[LstmSlots.InInput];
            int output = outs[LstmSlots.OutOutput];
            int hidden = outs[LstmSlots.OutOutputState];
            int cell = outs[LstmSlots.OutCellState];
            if (RecurrentChecks.Overlap(ctx, output, outputBytes, input, inputBytes)
                || RecurrentChecks.Overlap(ctx, output, outputBytes, hidden, hiddenBytes)
                || RecurrentChecks.Overlap(ctx, output, outputBytes, cell, cellBytes)
                || RecurrentChecks.Overlap(ctx, hidden, hiddenBytes, cell, cellBytes)
                || RecurrentChecks.Overlap(ctx, hidden, hiddenBytes, input, inputBytes)
                || RecurrentChecks.Overlap(ctx, cell, cellBytes, input, inputBytes))
            {
                return "the output, output state, cell state and input must not overlap";
            }
            return null;
        }
    }
}
