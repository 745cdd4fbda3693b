using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// LOGISTIC and TANH on float32: one LogisticF32 / TanhF32 call over the element count (Params:
/// <see cref="KernelParams.ActivationF32"/>); the output may overwrite the input.
/// </summary>
public sealed class FloatActivationLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = UnaryLowering.Operands(ctx);
        int code = ctx.Op.Op == BuiltinOperator.Logistic ? OpCode.LogisticF32 : OpCode.TanhF32;
        return [UnaryLowering.Call(code, input, output, KernelParams.ActivationF32(count: FloatOperands.Count(ctx, output)))];
    }
}
