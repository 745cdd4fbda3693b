using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// SignalFilterBank (custom option num_channels) → <see cref="OpCode.SignalFilterBankU32"/>. The five tables must be
/// constants, and every channel's range must lie inside the input and the weights (checked here, so the kernel
/// never reads outside them).
/// </summary>
public sealed class FilterBankLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 6, 1);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.UInt32, "input");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.UInt64, "output");
        int channels = SignalOperands.Int(ctx, SignalOperands.Options(ctx), "num_channels");
        short[] weights = SignalOperands.ConstantInt16(ctx, ctx.Input(1), "weights");
        short[] unweights = SignalOperands.ConstantInt16(ctx, ctx.Input(2), "unweights");
        short[] starts = SignalOperands.ConstantInt16(ctx, ctx.Input(3), "channel frequency starts");
        short[] weightStarts = SignalOperands.ConstantInt16(ctx, ctx.Input(4), "channel weight starts");
        short[] widths = SignalOperands.ConstantInt16(ctx, ctx.Input(5), "channel widths");
        if (channels is < 0 or > 0x7FFF || output.ElementCount != channels)
            throw ctx.Error($"num_channels {channels} does not match output {output.Describe()}");
        if (unweights.Length != weights.Length) throw ctx.Error("weights and unweights differ in length");
        if (starts.Length < channels + 1 || weightStarts.Length < channels + 1 || widths.Length < channels + 1)
            throw ctx.Error($"the channel tables need num_channels + 1 = {channels + 1} entries");
        long inputLength = input.ElementCount;
        long macs = 0;
        for (int i = 0; i <= channels; i++)
        {
            if (starts[i] < 0 || weightStarts[i] < 0 || widths[i] < 0
                || starts[i] + widths[i] > inputLength || weightStarts[i] + widths[i] > weights.Length)
                throw ctx.Error($"channel {i} (start {starts[i]}, weight start {weightStarts[i]}, width {widths[i]}) reaches outside the input or the weights");
            macs += 2L * widths[i];
        }
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalFilterBankU32,
                Inputs = [input.Index, ctx.Op.Inputs[1], ctx.Op.Inputs[2], ctx.Op.Inputs[3], ctx.Op.Inputs[4], ctx.Op.Inputs[5]],
                Outputs = [output.Index],
                Params = KernelParams.SignalFilterBank(numChannels: channels, inputLength: SignalOperands.Count(input), weightsLength: weights.Length),
                Macs = macs,
            },
        ];
    }
}
