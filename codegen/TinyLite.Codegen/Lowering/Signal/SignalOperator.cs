using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// What a signal operator's own part sees (<see cref="SignalLowering"/>): its operands, already checked against
/// the signature, and its FlexBuffer custom options, parsed at the first option read.
/// </summary>
public sealed class SignalOperator(LoweringContext ctx)
{
    private FlexBufferMap? _options;

    /// <summary>The lowering context, to add constants and state.</summary>
    public LoweringContext Context => ctx;

    /// <summary>Input <paramref name="i"/>.</summary>
    public Tensor Input(int i) => ctx.Input(i);

    /// <summary>Output <paramref name="i"/>.</summary>
    public Tensor Output(int i) => ctx.Output(i);

    /// <summary>Custom option <paramref name="key"/> as TFLM reads it (int32); a compile error when the options are malformed or lack it.</summary>
    public int Int(string key)
    {
        _options ??= SignalOperands.Options(ctx);
        return SignalOperands.Int(ctx, _options, key);
    }

    /// <summary>See <see cref="LoweringContext.Error"/>.</summary>
    public CompileException Error(string what) => ctx.Error(what);
}
