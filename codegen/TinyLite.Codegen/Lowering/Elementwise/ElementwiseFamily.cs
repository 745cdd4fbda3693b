namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>Registers the lowerings of the Elementwise kernel family.</summary>
public static class ElementwiseFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.Add(new AddLowering());
        registry.Add(new SubLowering());
        registry.Add(new MulLowering());
        registry.Add(new DivLowering());
        registry.Add(new MaximumMinimumLowering());
        registry.Add(new ReluLowering());
        registry.Add(new Relu6Lowering());
        registry.Add(new LeakyReluLowering());
        registry.Add(new HardSwishLowering());
    }
}
