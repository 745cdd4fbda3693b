namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// ADD: int8 and int16 (TFLM's general rescaling path), int32 and float32, with broadcasting and the fused
/// activation (ignored for int32, as TFLM does).
/// </summary>
public sealed class AddLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx) => [BinaryLowering.Arithmetic(ctx, subtract: false)];
}
