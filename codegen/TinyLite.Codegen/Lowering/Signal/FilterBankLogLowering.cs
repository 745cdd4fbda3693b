using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// SignalFilterBankLog (custom options input_correction_bits, output_scale) → <see cref="OpCode.SignalFilterBankLogU32"/>
/// with TFLM's log correction table as a constant (<see cref="LogCorrectionTable"/>).
/// </summary>
public sealed class FilterBankLogLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 1, 1);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.UInt32, "input");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.Int16, "output");
        var o = SignalOperands.Options(ctx);
        int correctionBits = SignalOperands.Int(ctx, o, "input_correction_bits");
        int outputScale = SignalOperands.Int(ctx, o, "output_scale");
        if (correctionBits is < 0 or > 31) throw ctx.Error($"input_correction_bits {correctionBits} is outside 0..31");
        if (output.ElementCount != input.ElementCount) throw ctx.Error($"input {input.Describe()} and output {output.Describe()} do not match");
        int table = SignalOperands.AddInt16Constant(ctx, $"filter_bank_log{ctx.Op.Index}_table", LogCorrectionTable.Values);
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalFilterBankLogU32, Inputs = [input.Index, table], Outputs = [output.Index],
                Params = KernelParams.SignalFilterBankLog(numChannels: SignalOperands.Count(input), outputScale: outputScale,
                    inputCorrectionBits: correctionBits),
                Macs = 4L * input.ElementCount,
            },
        ];
    }
}
