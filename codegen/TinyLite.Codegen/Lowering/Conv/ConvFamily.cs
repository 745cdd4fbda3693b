namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>Registers the lowerings of the Conv kernel family (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV).</summary>
public static class ConvFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.Add(new Conv2DLowering());
        registry.Add(new DepthwiseConv2DLowering());
        registry.Add(new TransposeConvLowering());
    }
}
