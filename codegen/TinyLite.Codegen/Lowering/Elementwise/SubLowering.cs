namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>SUB (input1 - input2): int8 and int16 (TFLM's general rescaling path), int32 and float32, with broadcasting and the fused activation.</summary>
public sealed class SubLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx) => [BinaryLowering.Arithmetic(ctx, subtract: true)];
}
