namespace TinyLite.Tests.Compiling;

public class CompilerTests
{
    [Fact]
    public void Compile_RequantizationShiftOutOfRange_IsACompileError()
    {
        // Effective scale 1e20 * 1e20 / 1e-20 = 1e60 needs a shift near 200: no runtime can apply it.
        // (Found by the TFLite mutation test: the compiler used to emit an image the loader then refused.)
        var b = new GraphBuilder("huge.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 2, 2, 1], 1e20f, 0);
        int w = b.AddConstantInt8("w", [1, 1, 1, 1], [3], [1e20f]);
        int bias = b.AddConstantInt32("b", [1], [0]);
        int y = b.AddTensor("y", DataType.Int8, [1, 2, 2, 1], 1e-20f, 0);
        b.AddOperator(BuiltinOperator.Conv2D, [x, w, bias], [y], new Conv2DOptions(Padding.Valid, 1, 1, Activation.None, 1, 1)).MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(b.Build()));
        Assert.StartsWith("huge.tflite: ", e.Message);
        Assert.Contains("operator", e.Message);
    }
}
