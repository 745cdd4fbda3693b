namespace TinyLite.Tests.Compiling;

/// <summary><c>compile</c> reports every operator it cannot compile at once, each distinct problem once.</summary>
public class OperatorProblemsTests
{
    /// <summary>
    /// float32 x -> SIN -> FLOOR -> SIN -> QUANTIZE -> RELU: two SINs and a FLOOR have no lowering, QUANTIZE has one
    /// that refuses a float32 output, RELU float32 is supported.
    /// </summary>
    public static Graph FourProblemModel()
    {
        var b = new GraphBuilder("four.tflite");
        int x = b.AddInput("x", DataType.Float32, [4]);
        int s1 = b.AddTensor("s1", DataType.Float32, [4]);
        int s2 = b.AddTensor("s2", DataType.Float32, [4]);
        int s3 = b.AddTensor("s3", DataType.Float32, [4]);
        int s4 = b.AddTensor("s4", DataType.Float32, [4]);
        int y = b.AddTensor("y", DataType.Float32, [4]);
        b.AddOperator(BuiltinOperator.Sin, [x], [s1])
            .AddOperator(BuiltinOperator.Floor, [s1], [s2])
            .AddOperator(BuiltinOperator.Sin, [s2], [s3])
            .AddOperator(BuiltinOperator.Quantize, [s3], [s4])
            .AddOperator(BuiltinOperator.Relu, [s4], [y])
            .MarkOutput(y);
        return b.Build();
    }

    [Fact]
    public void Compile_SeveralUnsupportedOperators_ListsEachDistinctProblemOnce()
    {
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(FourProblemModel()));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.Equal("four.tflite: 4 operators cannot be compiled (3 distinct problems):", lines[0]);
        Assert.Equal("  operators 0, 2 (SIN, inputs FLOAT32 -> outputs FLOAT32): operator type is not supported by TinyLite", lines[1]);
        Assert.Equal("  operator 1 (FLOOR, inputs FLOAT32 -> outputs FLOAT32): operator type is not supported by TinyLite", lines[2]);
        Assert.StartsWith("  operator 3 (QUANTIZE, inputs FLOAT32 -> outputs FLOAT32): ", lines[3]);
        Assert.Equal([0, 1, 2, 3], e.Problems.Select(p => p.OperatorIndex));
    }

    [Fact]
    public void Compile_OneUnsupportedOperator_KeepsTheOneLineMessage()
    {
        var b = new GraphBuilder("sin.tflite");
        int x = b.AddInput("x", DataType.Float32, [4]);
        int y = b.AddTensor("y", DataType.Float32, [4]);
        b.AddOperator(BuiltinOperator.Sin, [x], [y]).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.Equal("sin.tflite: operator 0 (SIN, inputs FLOAT32 -> outputs FLOAT32): operator type is not supported by TinyLite", e.Message);
        Assert.Single(e.Problems);
    }

    [Fact]
    public void Combine_SameProblemOnDifferentDtypes_StaysTwoLines()
    {
        OperatorProblem[] problems =
        [
            new("m.tflite", 2, "CONV_2D", "inputs FLOAT32 -> outputs FLOAT32", "unsupported dtypes"),
            new("m.tflite", 5, "CONV_2D", "inputs INT8 -> outputs FLOAT32", "unsupported dtypes"),
            new("m.tflite", 7, "CONV_2D", "inputs FLOAT32 -> outputs FLOAT32", "unsupported dtypes"),
        ];
        string expected = string.Join(Environment.NewLine,
            "m.tflite: 3 operators cannot be compiled (2 distinct problems):",
            "  operators 2, 7 (CONV_2D, inputs FLOAT32 -> outputs FLOAT32): unsupported dtypes",
            "  operator 5 (CONV_2D, inputs INT8 -> outputs FLOAT32): unsupported dtypes");
        Assert.Equal(expected, OperatorProblems.Combine("m.tflite", problems).Message);
    }
}
