namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// Registers the lowerings of the Float kernel family: float32 CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, pooling,
/// MEAN, SOFTMAX, LOGISTIC and TANH. They take over an operator only when its first input is float32
/// (<see cref="LoweringRegistry.AddFloat"/>); the quantized lowerings keep the rest.
/// </summary>
public static class FloatFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.AddFloat(new FloatConv2DLowering());
        registry.AddFloat(new FloatDepthwiseConv2DLowering());
        registry.AddFloat(new FloatFullyConnectedLowering());
        registry.AddFloat(new FloatPool2DLowering());
        registry.AddFloat(new FloatMeanLowering());
        registry.AddFloat(new FloatSoftmaxLowering());
        registry.AddFloat(new FloatActivationLowering());
    }
}
