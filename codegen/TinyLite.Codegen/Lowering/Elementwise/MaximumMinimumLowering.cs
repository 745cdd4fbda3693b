using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// MAXIMUM and MINIMUM of int8, int16, int32 or float32 tensors with broadcasting. Like TFLM, quantized
/// operands are compared raw (TFLM's kernel has no Prepare and ignores scales and zero points).
/// </summary>
public sealed class MaximumMinimumLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (a, b, output) = BinaryLowering.Operands(ctx);
        bool max = ctx.Op.Op == BuiltinOperator.Maximum;
        int code = output.Type switch
        {
            DataType.Int8 => max ? OpCode.MaximumS8 : OpCode.MinimumS8,
            DataType.Int16 => max ? OpCode.MaximumS16 : OpCode.MinimumS16,
            DataType.Int32 => max ? OpCode.MaximumS32 : OpCode.MinimumS32,
            DataType.Float32 => max ? OpCode.MaximumF32 : OpCode.MinimumF32,
            _ => throw ctx.Error($"dtype {DataTypes.Name(output.Type)} is not supported (int8, int16, int32, float32 are)"),
        };
        return [BinaryLowering.Call(ctx, code, a, b, output, arithmetic: false,
            broadcast => KernelParams.Binary(broadcast: broadcast))];
    }
}
