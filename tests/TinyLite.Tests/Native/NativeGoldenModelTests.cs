using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Runtime.Native;
using TinyLite.Tests.Golden;
using TinyLite.Tests.Support;

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
    public static readonly CompileOptions NativePlan = new() { Plan = "layer" };

    /// <summary>Each model is compiled once per plan, however many cases it has.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Model, string Plan), byte[]> Images = new();

    public static IEnumerable<object[]> Rows() =>
        SharedModels.CaseRows().SelectMany(row => GoldenModelTests.Plans.Select(plan => new object[] { row[0], row[1], plan }));

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void NativeKernels_MatchTflmGoldenBitExact(string model, string caseName, string plan)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = SharedModels.Cases(model).Single(x => x.Name == caseName);
        byte[] image = Images.GetOrAdd((model, plan), key =>
        {
            string path = Path.Combine(SharedModels.Dir(key.Model), "model.tflite");
            var compiled = Compiler.Compile(File.ReadAllBytes(path), path, new CompileOptions { Plan = key.Plan });
            Assert.Equal(key.Plan, compiled.Report.Plan);
            return compiled.Image;
        });

        var interpreter = new Interpreter((byte[])image.Clone());
        NativeSupport.UseNative(interpreter, model);
        Assert.True(interpreter.UsesNativeKernels);
        Assert.Equal(c.Inputs.Length, interpreter.InputCount);
        for (int i = 0; i < c.Inputs.Length; i++) interpreter.SetInput(i, File.ReadAllBytes(c.Inputs[i]));
        interpreter.Invoke();
        Assert.Equal(c.Golden.Length, interpreter.OutputCount);
        for (int j = 0; j < c.Golden.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(c.Golden[j]), interpreter.GetOutput(j), $"{model}/{caseName} plan {plan} output {j} (native)");
    }
}
