namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>Registers the lowerings of the Conv kernel family.</summary>
public static class ConvFamily
{
    public static void Register(LoweringRegistry registry)
    {
    }
}
