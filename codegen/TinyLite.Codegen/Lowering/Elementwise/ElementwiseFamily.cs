namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>Registers the lowerings of the Elementwise kernel family.</summary>
public static class ElementwiseFamily
{
    public static void Register(LoweringRegistry registry)
    {
    }
}
