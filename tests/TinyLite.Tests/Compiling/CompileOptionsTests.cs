using TinyLite.Codegen;
using TinyLite.Codegen.Demo;

namespace TinyLite.Tests.Compiling;

/// <summary>What the compiler does with each <see cref="CompileOptions"/> choice given as an enum.</summary>
public class CompileOptionsTests
{
    [Fact]
    public void Compile_WeightsInt4_IsRefusedNamingTheModel()
    {
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Weights = WeightPrecision.Int4 }));
        Assert.Equal("line_detector.tflite: --weights int4 is not implemented yet (int8 weights, and int4 weights already in the model, are supported)", e.Message);
    }

    [Fact]
    public void Compile_WeightsAuto_CompilesAsInt8()
    {
        var int8 = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Weights = WeightPrecision.Int8 });
        var auto = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Weights = WeightPrecision.Auto });
        Assert.Equal(int8.Image, auto.Image);
    }

    [Fact]
    public void Compile_PlanOutsideTheEnum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Plan = (PlanStrategy)42 }));
}
