using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Dense;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Recurrent;

/// <summary>
/// UNIDIRECTIONAL_SEQUENCE_LSTM as TFLM's integer kernel runs it (tflite-micro lstm_eval.h): int8 activations with an
/// int16 cell state and int32 biases, or int16 activations with int64 biases, int8 weights. Everything TFLM's Prepare
/// computes is computed here: the eight gate products' Q3.12 requantizations (per-tensor scales, the float product of
/// the two scales first, as GetQuantizedConvolutionMultipler), the three gate-product multipliers, the cell tanh input
/// scaling from the cell scale's power of two, the quantized cell clip; the input and hidden zero points are folded
/// into one bias vector per product (the recurrent products have none in TFLM, so theirs is -zp * row sum).
/// TFLM refuses the LSTM variants (CIFG, peephole, projection, layer norm), and so does this lowering.
/// </summary>
public sealed class UnidirectionalSequenceLstmLowering : IOperatorLowering
{
    // TFLite's input slots (lstm_shared.h); the gates' weights and biases follow in the order input, forget, cell, output.
    private const int InputSlot = 0;
    private const int FirstInputWeightsSlot = 1;
    private const int FirstRecurrentWeightsSlot = 5;
    private const int FirstBiasSlot = 12;
    private const int HiddenStateSlot = 18;
    private const int CellStateSlot = 19;
    private static readonly (int First, int Last, string Variant)[] VariantSlots =
    [
        (9, 11, "peephole (cell-to-gate weights)"),
        (16, 17, "projection"),
        (20, 23, "layer normalization"),
    ];

    /// <summary>Gate inputs are Q3.12 (scale 2^-12) and gate outputs Q0.15 (2^-15) in TFLM's integer LSTM.</summary>
    private const float GateInputScale = 0.000244140625f;
    private const float GateOutputScale = 0.000030517578125f;

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<UnidirectionalSequenceLstmOptions>();
        if (ctx.Op.Inputs.Length != 24 || ctx.Op.Outputs.Length != 1)
        {
            throw ctx.Error($"expects 24 inputs and 1 output (has {ctx.Op.Inputs.Length} and {ctx.Op.Outputs.Length})");
        }
        foreach (var (first, last, variant) in VariantSlots)
        {
            for (int slot = first; slot <= last; slot++)
            {
                if (ctx.OptionalInput(slot) != null)
                {
                    throw ctx.Error($"the {variant} LSTM variant (input {slot}) is not supported: TFLM's integer UNIDIRECTIONAL_SEQUENCE_LSTM refuses it");
                }
            }
        }
        if (ctx.OptionalInput(FirstInputWeightsSlot) == null || ctx.OptionalInput(FirstRecurrentWeightsSlot) == null || ctx.OptionalInput(FirstBiasSlot) == null)
        {
            throw ctx.Error("the CIFG LSTM variant (no input gate) is not supported: TFLM's integer UNIDIRECTIONAL_SEQUENCE_LSTM refuses it");
        }
        if (options.Activation != Activation.Tanh)
        {
            throw ctx.Error($"cell gate activation {options.Activation} is not supported (TFLM's integer LSTM runs tanh or sigmoid; TFLite files can only ask for tanh)");
        }

        var input = ctx.Input(InputSlot);
        var hidden = ctx.Input(HiddenStateSlot);
        var cell = ctx.Input(CellStateSlot);
        var output = ctx.Output(0);
        int code = input.Type switch
        {
            DataType.Int8 => OpCode.LstmS8,
            DataType.Int16 => OpCode.LstmS16,
            _ => throw ctx.Error($"input dtype {DataTypes.Name(input.Type)} is not supported (INT8 or INT16 activations)"),
        };
        DataType biasType = code == OpCode.LstmS8 ? DataType.Int32 : DataType.Int64;
        if (hidden.Type != input.Type || output.Type != input.Type || cell.Type != DataType.Int16)
        {
            throw ctx.Error("the output state and output must have the input's dtype and the cell state INT16");
        }
        if (!hidden.IsVariable || !cell.IsVariable)
        {
            throw ctx.Error("the output state (input 18) and cell state (input 19) must be variable tensors");
        }

        // Shapes (TFLM's CreateLstmSizeInfo and ValidateTensorSize).
        if (input.Shape.Length != 3 || output.Shape.Length != 3 || hidden.Shape.Length < 2)
        {
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have rank 3, the output state at least rank 2");
        }
        bool timeMajor = options.TimeMajor;
        int batches = timeMajor ? input.Shape[1] : input.Shape[0];
        int steps = timeMajor ? input.Shape[0] : input.Shape[1];
        int inDepth = input.Shape[2];
        int stateDepth = hidden.Shape[1];
        if (batches <= 0 || steps <= 0 || inDepth <= 0 || stateDepth <= 0)
        {
            throw ctx.Error($"empty dimensions: input {input.Describe()}, output state {hidden.Describe()}");
        }
        if (hidden.ElementCount != (long)batches * stateDepth || cell.ElementCount != (long)batches * stateDepth)
        {
            throw ctx.Error($"state tensors {hidden.Describe()} and {cell.Describe()} must hold {batches} x {stateDepth} elements");
        }
        if (output.Shape[0] != input.Shape[0] || output.Shape[1] != input.Shape[1] || output.Shape[2] != stateDepth)
        {
            throw ctx.Error($"output {output.Describe()} does not match input {input.Describe()} and state depth {stateDepth}");
        }

        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var hiddenQ = DenseQuantization.Quant(ctx, hidden, "output state");
        var cellQ = DenseQuantization.Quant(ctx, cell, "cell state");
        if (cellQ.ZeroPoint != 0)
        {
            throw ctx.Error("the cell state must be symmetric (zero point 0)");
        }

        var inputMultipliers = new int[4];
        var inputShifts = new int[4];
        var recurrentMultipliers = new int[4];
        var recurrentShifts = new int[4];
        var biases = new long[8 * stateDepth];
        for (int gate = 0; gate < 4; gate++)
        {
            var wx = Weights(ctx, FirstInputWeightsSlot + gate, stateDepth, inDepth);
            var wh = Weights(ctx, FirstRecurrentWeightsSlot + gate, stateDepth, stateDepth);
            var bias = ctx.Input(FirstBiasSlot + gate);
            if (bias.Type != biasType || bias.Data == null || bias.Shape.Length != 1 || bias.Shape[0] != stateDepth)
            {
                throw ctx.Error($"gate bias {bias.Describe()} must be a constant {DataTypes.Name(biasType)} [{stateDepth}]");
            }
            var mx = GateMultiplier(ctx, inQ.Scale, wx);
            var mh = GateMultiplier(ctx, hiddenQ.Scale, wh);
            inputMultipliers[gate] = mx.Multiplier;
            inputShifts[gate] = mx.Shift;
            recurrentMultipliers[gate] = mh.Multiplier;
            recurrentShifts[gate] = mh.Shift;
            for (int unit = 0; unit < stateDepth; unit++)
            {
                long b = biasType == DataType.Int32
                    ? BinaryPrimitives.ReadInt32LittleEndian(bias.Data.AsSpan(unit * 4))
                    : BinaryPrimitives.ReadInt64LittleEndian(bias.Data.AsSpan(unit * 8));
                biases[gate * stateDepth + unit] = b - (long)inQ.ZeroPoint * RowSum(wx, unit, inDepth);
                biases[(4 + gate) * stateDepth + unit] = -(long)hiddenQ.ZeroPoint * RowSum(wh, unit, stateDepth);
            }
        }

        // The gate products (CreateInterGateMulParams: the product of the two scales in double, then the quotient).
        var forgetCell = QuantizedMultiplier.From((double)GateOutputScale * (double)cellQ.Scale / (double)cellQ.Scale);
        var inputCell = QuantizedMultiplier.From((double)GateOutputScale * (double)GateOutputScale / (double)cellQ.Scale);
        var hiddenOut = QuantizedMultiplier.From((double)GateOutputScale * (double)GateOutputScale / (double)hiddenQ.Scale);
        var (hiddenMin, hiddenMax) = DenseQuantization.TypeRange(ctx, hidden.Type);

        // tanh of the cell state: TFLM rescales Q(15 + p) to Q3.12 * 3 with p = round(log2(cell scale)), the power
        // taken in single precision (CheckedLog2, whose inexactness flag it ignores).
        float log2 = MathF.Log(cellQ.Scale) * (1.0f / MathF.Log(2.0f));
        int power = (int)MathF.Round(log2, MidpointRounding.AwayFromZero);
        int leftShift = 15 + power - 3;
        int tanhMultiplier = leftShift < 0 ? 3 : 3 << Math.Min(leftShift, 16);
        int tanhShift = leftShift < 0 ? -leftShift : 0;
        if (leftShift > 14 || tanhShift > 31)
        {
            throw ctx.Error($"cell state scale {cellQ.Scale} is outside the range TFLM's integer tanh handles");
        }

        int cellClip = 0;
        if (options.CellClip > 0)
        {
            double q = Math.Min(Math.Max((double)options.CellClip / (double)cellQ.Scale, -32768.0), 32767.0);
            cellClip = (short)(int)q;
            if (cellClip <= 0)
            {
                throw ctx.Error($"cell clip {options.CellClip} is below one cell state step ({cellQ.Scale})");
            }
        }

        string name = $"lstm{ctx.Op.Index}";
        int biasTensor = biasType == DataType.Int32
            ? ctx.AddInt32Constant(name + "_gate_biases", biases.Select(v => unchecked((int)v)).ToArray())
            : ctx.AddInt64Constant(name + "_gate_biases", biases);
        int table = ctx.AddConstant(name + "_sigmoid_table", DataType.Int16, [256], SigmoidTable.Bytes());
        int[] inputs = [ctx.Op.Inputs[InputSlot], .. Enumerable.Range(FirstInputWeightsSlot, 8).Select(s => ctx.Op.Inputs[s]), biasTensor, table];
        return
        [
            new KernelCall
            {
                Code = code,
                Inputs = inputs,
                Outputs = [ctx.Op.Outputs[0], ctx.Op.Inputs[HiddenStateSlot], ctx.Op.Inputs[CellStateSlot]],
                Params = KernelParams.Lstm(batches: batches, timeSteps: steps, inputDepth: inDepth, stateDepth: stateDepth,
                    timeMajor: timeMajor ? 1 : 0, inputMultipliers: inputMultipliers, inputShifts: inputShifts,
                    recurrentMultipliers: recurrentMultipliers, recurrentShifts: recurrentShifts,
                    forgetCellMultiplier: forgetCell.Multiplier, forgetCellShift: forgetCell.Shift,
                    inputCellMultiplier: inputCell.Multiplier, inputCellShift: inputCell.Shift,
                    hiddenMultiplier: hiddenOut.Multiplier, hiddenShift: hiddenOut.Shift, hiddenZeroPoint: hiddenQ.ZeroPoint,
                    hiddenMin: hiddenMin, hiddenMax: hiddenMax, cellClip: cellClip, cellTanhMultiplier: tanhMultiplier,
                    cellTanhShift: tanhShift),
                Macs = (long)batches * steps * 4 * stateDepth * (inDepth + stateDepth),
            },
        ];
    }

    /// <summary>A gate's constant int8 weights [rows, depth], per-tensor and symmetric as TFLM's LSTM needs them.</summary>
    private static Tensor Weights(LoweringContext ctx, int slot, int rows, int depth)
    {
        var w = ctx.Input(slot);
        if (w.Type != DataType.Int8 || w.Data == null || w.Shape.Length != 2 || w.Shape[0] != rows || w.Shape[1] != depth)
        {
            throw ctx.Error($"weights (input {slot}) {w.Describe()} must be constant INT8 [{rows}, {depth}]");
        }
        var q = DenseQuantization.Quant(ctx, w, $"weights (input {slot})");
        if (q.IsPerChannel)
        {
            throw ctx.Error($"per-channel weights (input {slot}) are not supported: TFLM's LSTM reads one multiplier per product");
        }
        if (q.ZeroPoint != 0)
        {
            throw ctx.Error($"weights (input {slot}) must be symmetric (zero point 0)");
        }
        return w;
    }

    /// <summary>TFLM's per-tensor FULLY_CONNECTED multiplier into the Q3.12 gate input: float product, then double quotient.</summary>
    private static QuantizedMultiplier GateMultiplier(LoweringContext ctx, float activationScale, Tensor weights)
    {
        double productScale = (double)(activationScale * weights.Quantization!.Scale);
        if (productScale < 0)
        {
            throw ctx.Error("negative activation * weights scale");
        }
        return QuantizedMultiplier.From(productScale / (double)GateInputScale);
    }

    private static long RowSum(Tensor weights, int row, int depth)
    {
        long sum = 0;
        for (int d = 0; d < depth; d++)
        {
            sum += (sbyte)weights.Data![row * depth + d];
        }
        return sum;
    }
}
