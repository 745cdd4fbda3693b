namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>Registers the lowerings of the Shape kernel family.</summary>
public static class ShapeFamily
{
    public static void Register(LoweringRegistry registry)
    {
    }
}
