namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>Registers the lowerings of the Dense kernel family.</summary>
public static class DenseFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.Add(new FullyConnectedLowering());
        registry.Add(new Pool2DLowering());
        registry.Add(new MeanLowering());
        registry.Add(new SoftmaxLowering());
        registry.Add(new ActivationTableLowering());
    }
}
