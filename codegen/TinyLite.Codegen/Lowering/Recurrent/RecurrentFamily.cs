namespace TinyLite.Codegen.Lowering.Recurrent;

/// <summary>Registers the lowerings of the Recurrent kernel family.</summary>
public static class RecurrentFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.Add(new UnidirectionalSequenceLstmLowering());
        registry.Add(new SvdfLowering());
    }
}
