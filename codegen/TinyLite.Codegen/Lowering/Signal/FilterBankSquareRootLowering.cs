using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>SignalFilterBankSquareRoot → <see cref="OpCode.SignalFilterBankSquareRootU64"/>.</summary>
public sealed class FilterBankSquareRootLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 2, 1);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.UInt64, "input");
        var scaleBits = SignalOperands.Typed(ctx, ctx.Input(1), DataType.Int32, "scale bits");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.UInt32, "output");
        if (input.ElementCount != output.ElementCount || scaleBits.ElementCount != 1)
            throw ctx.Error($"input {input.Describe()}, scale bits {scaleBits.Describe()} and output {output.Describe()} do not match");
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalFilterBankSquareRootU64, Inputs = [input.Index, scaleBits.Index], Outputs = [output.Index],
                Params = KernelParams.SignalFilterBankSquareRoot(count: SignalOperands.Count(input)),
            },
        ];
    }
}
