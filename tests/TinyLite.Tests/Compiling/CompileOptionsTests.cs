using TinyLite.Codegen.Demo;

namespace TinyLite.Tests.Compiling;

/// <summary>What the compiler does with each <see cref="CompileOptions"/> choice given as an enum.</summary>
public class CompileOptionsTests
{
    [Fact]
    public void Compile_WeightsInt4_RunsTheConvolutionAndDenseLayersOnInt4Kernels()
    {
        var int8 = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Weights = WeightPrecision.Int8, Plan = PlanStrategy.Layer });
        var int4 = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Weights = WeightPrecision.Int4, Plan = PlanStrategy.Layer });
        Assert.Equal([OpCode.ConvS8, OpCode.FullyConnectedS8], int8.Calls.Select(c => c.Code).Where(c => c is OpCode.ConvS8 or OpCode.ConvS4 or OpCode.FullyConnectedS8 or OpCode.FullyConnectedS4));
        Assert.Equal([OpCode.ConvS4, OpCode.FullyConnectedS4], int4.Calls.Select(c => c.Code).Where(c => c is OpCode.ConvS8 or OpCode.ConvS4 or OpCode.FullyConnectedS8 or OpCode.FullyConnectedS4));
        Assert.True(int4.Report.WeightBytes < int8.Report.WeightBytes, $"int4 {int4.Report.WeightBytes} B, int8 {int8.Report.WeightBytes} B");
    }

    [Fact]
    public void Compile_PlanOutsideTheEnum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Plan = (PlanStrategy)42 }));
}
