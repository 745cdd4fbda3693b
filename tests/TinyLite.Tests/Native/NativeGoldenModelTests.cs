using TinyLite.Tests.Golden;

namespace TinyLite.Tests.Native;

/// <summary>
/// Every shared model and case through the native (C) kernels under every memory plan: outputs byte-identical
/// to TFLM's golden files, as the managed path (Golden/GoldenModelTests.cs). A model using a kernel the native
/// build lacks fails with that kernel's code and name.
/// </summary>
public class NativeGoldenModelTests
{
    /// <summary>
    /// The plan of the other native tests (the layer-by-layer plan, plain kernels only); the golden test below
    /// runs every plan, the in-place kernels (DepthwiseConv*InPlace, PointwiseConv*InPlace) included.
    /// </summary>
    public static readonly CompileOptions NativePlan = new() { Plan = PlanStrategy.Layer };

    public static IEnumerable<object[]> Rows() =>
        SharedModels.CaseRows().SelectMany(row => GoldenModelTests.Plans.Select(plan => new object[] { row[0], row[1], plan }));

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void NativeKernels_MatchTflmGoldenBitExact(string model, string caseName, PlanStrategy plan) =>
        RunGolden(model, caseName, new CompileOptions { Plan = plan });

    /// <summary>
    /// The same with images compiled with <c>--cmsis-nn</c> (the CMSIS-NN scratch of int8 CONV_2D / DEPTHWISE_CONV_2D /
    /// AVERAGE_POOL_2D in the plan): the reference kernels ignore it; a library built with the CMSIS-NN backend (select it with
    /// TINYLITE_NATIVE_LIB) routes those layers to CMSIS-NN, and they must still match golden bit for bit.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void NativeKernels_CmsisNnImages_MatchTflmGoldenBitExact(string model, string caseName, PlanStrategy plan) =>
        RunGolden(model, caseName, new CompileOptions { Plan = plan, CmsisNn = true });

    private static void RunGolden(string model, string caseName, CompileOptions options)
    {
        var plan = options.Plan;
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = SharedModels.Cases(model).Single(x => x.Name == caseName);
        byte[] image = GoldenImages.Get(model, plan, options.CmsisNn);

        var interpreter = new Interpreter(image);
        NativeSupport.UseNative(interpreter, model);
        Assert.True(interpreter.UsesNativeKernels);
        Assert.Equal(c.Inputs.Length, interpreter.InputCount);
        Assert.Equal(c.Golden.Length, interpreter.OutputCount);
        byte[][] outputs = c.Run(interpreter);
        for (int j = 0; j < c.Golden.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(c.Golden[j]), outputs[j], $"{model}/{caseName} plan {plan.Name()} output {j} (native)");
    }
}
