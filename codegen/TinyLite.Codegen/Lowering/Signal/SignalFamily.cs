namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>Registers the lowerings of the Signal kernel family (TFLM signal-library custom operators).</summary>
public static class SignalFamily
{
    public static void Register(LoweringRegistry registry)
    {
        registry.AddCustom("SignalWindow", new WindowLowering());
        registry.AddCustom("SignalFftAutoScale", new FftAutoScaleLowering());
        registry.AddCustom("SignalRfft", new RfftLowering());
        registry.AddCustom("SignalEnergy", new EnergyLowering());
        registry.AddCustom("SignalFilterBank", new FilterBankLowering());
        registry.AddCustom("SignalFilterBankSquareRoot", new FilterBankSquareRootLowering());
        registry.AddCustom("SignalFilterBankSpectralSubtraction", new SpectralSubtractionLowering());
        registry.AddCustom("SignalPCAN", new PcanLowering());
        registry.AddCustom("SignalFilterBankLog", new FilterBankLogLowering());
    }
}
