namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>Registers the lowerings of the Shape kernel family (data movement and type conversion).</summary>
public static class ShapeFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.Add(new ReshapeLowering());
        registry.Add(new PadLowering());
        registry.Add(new ConcatenationLowering());
        registry.Add(new StridedSliceLowering());
        registry.Add(new TransposeLowering());
        registry.Add(new QuantizeLowering());
        registry.Add(new DequantizeLowering());
        registry.Add(new CastLowering());
    }
}
