using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Recurrent;

/// <summary>
/// SVDF with int8 input and output → <see cref="OpCode.SvdfS8"/> (int8 state and time weights) or
/// <see cref="OpCode.SvdfS8S16"/> (int16, the hybrid of keyword_scrambled). As TFLM's PrepareSvdf: the feature
/// scale input x feature weights / state and the output scale state x time weights / output, each a float product
/// widened to double, become quantized multipliers; the state input must be a variable tensor (it persists across
/// invokes, and the planners keep it alive).
/// </summary>
public sealed class SvdfLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        if (ctx.Op.Inputs.Length != 5 || ctx.Op.Outputs.Length != 1)
            throw ctx.Error($"expected 5 inputs and 1 output, got {ctx.Op.Inputs.Length} and {ctx.Op.Outputs.Length}");
        var options = ctx.Options<SvdfOptions>();
        Tensor input = ctx.Input(0), feature = ctx.Input(1), time = ctx.Input(2), state = ctx.Input(4), output = ctx.Output(0);
        Tensor? bias = ctx.OptionalInput(3);
        if (input.Type != DataType.Int8 || feature.Type != DataType.Int8 || output.Type != DataType.Int8)
            throw ctx.Error("only int8 input, feature weights and output are supported (TFLM's integer SVDF)");
        if (time.Type != state.Type || time.Type is not (DataType.Int8 or DataType.Int16))
            throw ctx.Error($"time weights {time.Describe()} and state {state.Describe()} must both be INT8 or both INT16");
        if (bias != null && bias.Type != DataType.Int32) throw ctx.Error($"bias {bias.Describe()} must be INT32");
        if (!state.IsVariable) throw ctx.Error("the state input (4) must be a variable tensor");
        if (input.Shape.Length != 2 || feature.Shape.Length != 2 || time.Shape.Length != 2 || output.Shape.Length != 2)
            throw ctx.Error("input, weights and output must have rank 2");
        int rank = options.Rank;
        int batches = input.Shape[0], inputSize = input.Shape[1], filters = feature.Shape[0], memory = time.Shape[1];
        if (rank < 1 || filters % rank != 0) throw ctx.Error($"rank {rank} does not divide the {filters} filters");
        int units = filters / rank;
        if (feature.Shape[1] != inputSize || time.Shape[0] != filters || output.Shape[0] != batches || output.Shape[1] != units
            || state.ElementCount != (long)batches * filters * memory || (bias != null && bias.ElementCount != units))
            throw ctx.Error($"shapes do not fit: input {input.Describe()}, feature {feature.Describe()}, time {time.Describe()}, state {state.Describe()}, output {output.Describe()}");

        float inputScale = Scale(ctx, input, "input"), featureScale = Scale(ctx, feature, "feature weights");
        float timeScale = Scale(ctx, time, "time weights"), stateScale = Scale(ctx, state, "state");
        float outputScale = Scale(ctx, output, "output");
        // TFLM computes both scales in float, then widens them to double for QuantizeMultiplier.
        var first = QuantizedMultiplier.From((double)(float)((float)(inputScale * featureScale) / stateScale));
        var second = QuantizedMultiplier.From((double)(float)((float)(stateScale * timeScale) / outputScale));
        bool wide = state.Type == DataType.Int16;
        return
        [
            new KernelCall
            {
                Code = wide ? OpCode.SvdfS8S16 : OpCode.SvdfS8,
                Inputs = [input.Index, feature.Index, time.Index, bias?.Index ?? -1, state.Index],
                Outputs = [output.Index],
                Params = KernelParams.Svdf(batches: batches, inputSize: inputSize, filters: filters, rank: rank, memory: memory,
                    inputZeroPoint: ZeroPoint(input), stateZeroPoint: ZeroPoint(state), outputZeroPoint: ZeroPoint(output),
                    featureMultiplier: first.Multiplier, featureShift: first.Shift,
                    outputMultiplier: second.Multiplier, outputShift: second.Shift),
                Macs = (long)batches * filters * (inputSize + memory),
            },
        ];
    }

    private static float Scale(LoweringContext ctx, Tensor t, string what) =>
        t.Quantization is { Scales.Length: 1 } q ? q.Scales[0] : throw ctx.Error($"{what} {t.Describe()} needs per-tensor quantization");

    private static int ZeroPoint(Tensor t) => t.Quantization is { ZeroPoints.Length: > 0 } q ? (int)q.ZeroPoints[0] : 0;
}
