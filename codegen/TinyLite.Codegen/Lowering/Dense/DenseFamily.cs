namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>Registers the lowerings of the Dense kernel family.</summary>
public static class DenseFamily
{
    public static void Register(LoweringRegistry registry)
    {
    }
}
