using TinyLite.Codegen.Quantize;
using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Golden;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Quantize;

/// <summary>
/// tests/data/int4 against TFLM's reference kernels: the int8 model, the int4 file and the mixed int4/int8 file
/// <c>tinylite quantize</c> wrote, bit-exact on every plan, managed and native; <c>compile --weights int4</c> of the
/// int8 model gives the int4 file's bytes; and the committed files are what the quantizer writes today.
/// </summary>
public class Int4GoldenTests
{
    public static IEnumerable<object[]> Rows() => GoldenModelTests.PlanKernelRowsOf(["model_int8", "model_int4", "model_auto"]);

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void QuantizedFile_MatchesTflmGoldenBitExact(string variant, PlanStrategy plan, bool native)
    {
        Skip.If(native && !NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] model = File.ReadAllBytes(Int4TestData.File(variant + ".tflite"));
        var compiled = Compiler.Compile(model, variant + ".tflite", new CompileOptions { Plan = plan });
        AssertGolden(compiled.Image, variant, native, $"{variant} plan {plan.Name()} {(native ? "native" : "managed")}");
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void CompileWeightsInt4_OfTheInt8Model_GivesTflmBytesOfTheInt4File(bool native)
    {
        Skip.If(native && !NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] model = File.ReadAllBytes(Int4TestData.File("model_int8.tflite"));
        var compiled = Compiler.Compile(model, "model_int8.tflite", new CompileOptions { Weights = WeightPrecision.Int4 });
        AssertGolden(compiled.Image, "model_int4", native, "compile --weights int4");
    }

    [Theory]
    [InlineData(WeightPrecision.Int4)]
    [InlineData(WeightPrecision.Auto)]
    public void CompileWeights_OfAModelAlreadyInInt4_KeepsItAsItIs(WeightPrecision weights)
    {
        byte[] model = File.ReadAllBytes(Int4TestData.File("model_int4.tflite"));
        var plain = Compiler.Compile(model, "model_int4.tflite", new CompileOptions());
        var again = Compiler.Compile(model, "model_int4.tflite", new CompileOptions { Weights = weights });
        Assert.Equal(plain.Image, again.Image);
    }

    [Fact]
    public void CommittedInt8Model_IsWhatTheGeneratorBuilds() =>
        Assert.Equal(TfliteWriter.Write(Int4TestModel.Build()), File.ReadAllBytes(Int4TestData.File("model_int8.tflite")));

    [Fact]
    public void CommittedQuantizedModels_AreWhatTheQuantizerWrites()
    {
        var graph = TfliteReader.Read(File.ReadAllBytes(Int4TestData.File("model_int8.tflite")), "model_int8.tflite");
        Assert.Equal(File.ReadAllBytes(Int4TestData.File("model_int4.tflite")),
            TfliteWriter.Write(WeightQuantizer.Quantize(graph, new QuantizeOptions { Weights = WeightPrecision.Int4 }).Graph));
        Assert.Equal(File.ReadAllBytes(Int4TestData.File("model_auto.tflite")),
            TfliteWriter.Write(WeightQuantizer.Quantize(graph, new QuantizeOptions { Weights = WeightPrecision.Auto, MaxErrorDb = -25 }).Graph));
    }

    private static void AssertGolden(byte[] image, string variant, bool native, string what)
    {
        var interpreter = new Interpreter(image);
        if (native) NativeSupport.UseNative(interpreter, variant);
        for (int k = 0; k < Int4TestData.Cases; k++)
        {
            interpreter.SetInput(0, File.ReadAllBytes(Int4TestData.File($"case{k}.input0.bin")));
            interpreter.Invoke();
            ByteAssert.Equal(File.ReadAllBytes(Int4TestData.File($"golden/{variant}.case{k}.output0.bin")), interpreter.GetOutput(0), $"{what} case {k}");
        }
    }
}
