using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>SignalWindow (custom option shift) → <see cref="OpCode.SignalWindowS16"/>.</summary>
public sealed class WindowLowering : IOperatorLowering
{
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        SignalOperands.Arity(ctx, 2, 1);
        var input = SignalOperands.Typed(ctx, ctx.Input(0), DataType.Int16, "input");
        var window = SignalOperands.Typed(ctx, ctx.Input(1), DataType.Int16, "window");
        var output = SignalOperands.Typed(ctx, ctx.Output(0), DataType.Int16, "output");
        int shift = SignalOperands.Int(ctx, SignalOperands.Options(ctx), "shift");
        if (window.Shape.Length != 1 || window.Shape[0] == 0) throw ctx.Error($"window {window.Describe()} must be a non-empty vector");
        int count = SignalOperands.Count(input);
        if (count % window.Shape[0] != 0 || output.ElementCount != count)
            throw ctx.Error($"input {input.Describe()} must be whole frames of the window and match output {output.Describe()}");
        if (shift is < 0 or > 31) throw ctx.Error($"shift {shift} is outside 0..31");
        return
        [
            new KernelCall
            {
                Code = OpCode.SignalWindowS16, Inputs = [input.Index, window.Index], Outputs = [output.Index],
                Params = KernelParams.SignalWindow(count: count, windowLength: window.Shape[0], shift: shift),
                Macs = count,
            },
        ];
    }
}
