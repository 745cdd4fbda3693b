using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>DIV int32 (TFLM runs int32 DIV unquantized only), with broadcasting and the fused activation.</summary>
public sealed class DivLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (a, b, output) = BinaryLowering.Operands(ctx);
        if (output.Type != DataType.Int32)
            throw ctx.Error($"dtype {DataTypes.Name(output.Type)} is not supported (int32 is)");
        if (IsQuantized(a) || IsQuantized(b))
            throw ctx.Error("quantized int32 operands are not supported (TFLM runs int32 DIV unquantized only)");
        var activation = (ctx.Op.Options as DivOptions)?.Activation ?? Activation.None;
        var (min, max) = Int32ActivationRange(ctx, activation);
        return [BinaryLowering.Call(ctx, OpCode.DivS32, a, b, output, arithmetic: true, BinaryLowering.Clamped(min, max))];
    }
}
