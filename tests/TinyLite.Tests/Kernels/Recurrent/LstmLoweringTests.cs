namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// What the LSTM lowering refuses (the variants TFLM's integer UNIDIRECTIONAL_SEQUENCE_LSTM refuses in
/// LstmTensors::ValidateTensorStatus, and records it cannot run bit-exactly) and how the state tensors start.
/// </summary>
public class LstmLoweringTests
{
    private static readonly LstmSpec Plain = LstmTestModels.GoldenVariants[0];

    [Theory]
    [InlineData("peephole", "peephole")]
    [InlineData("projection", "projection")]
    [InlineData("layer_norm", "layer normalization")]
    [InlineData("cifg", "CIFG")]
    public void Compile_LstmVariantTflmRefuses_IsRefusedNamingTheVariant(string variant, string named)
    {
        var spec = Plain with
        {
            Peephole = variant == "peephole",
            Projection = variant == "projection",
            LayerNorm = variant == "layer_norm",
            Cifg = variant == "cifg",
        };
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(LstmTestModels.Build(spec)));
        Assert.Contains(named, e.Message);
        Assert.Contains("UNIDIRECTIONAL_SEQUENCE_LSTM", e.Message);
    }

    [Fact]
    public void Compile_StateTensorNotVariable_IsRefused()
    {
        var graph = LstmTestModels.Build(Plain);
        int cell = graph.Tensors.Single(t => t.Name == "cell_state").Index;
        var old = graph.Tensors[cell];
        graph.Tensors[cell] = new Tensor { Index = old.Index, Name = old.Name, Type = old.Type, Shape = old.Shape, Quantization = old.Quantization };
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(graph));
        Assert.Contains("variable", e.Message);
    }

    [Fact]
    public void Compile_PerChannelWeights_IsRefused()
    {
        var graph = LstmTestModels.Build(Plain);
        int w = graph.Tensors.Single(t => t.Name == "forget_input_weights").Index;
        var old = graph.Tensors[w];
        graph.Tensors[w] = new Tensor
        {
            Index = old.Index, Name = old.Name, Type = old.Type, Shape = old.Shape, Data = old.Data,
            Quantization = new Quantization(Enumerable.Repeat(0.01f, old.Shape[0]).ToArray(), new long[old.Shape[0]], 0),
        };
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(graph));
        Assert.Contains("per-channel", e.Message);
    }

    /// <summary>
    /// TFLM resets an int8 variable tensor to its zero point (MicroInterpreterGraph::ResetTensorData), so an int8
    /// hidden state with zero point 3 starts as real 0, not as -3 steps; the int16 cell state starts at 0.
    /// </summary>
    [Fact]
    public void Interpreter_Int8StateTensor_StartsAndResetsToItsZeroPoint()
    {
        var graph = LstmTestModels.Build(Plain);
        int hidden = graph.Tensors.Single(t => t.Name == "output_state").Index;
        int cell = graph.Tensors.Single(t => t.Name == "cell_state").Index;
        var interpreter = new Interpreter(Compiler.Compile(graph).Image);
        Assert.All(interpreter.ReadTensor(hidden), v => Assert.Equal(3, v));
        Assert.All(interpreter.ReadTensor(cell), v => Assert.Equal(0, v));
        interpreter.SetInput(0, Enumerable.Range(0, interpreter.TensorByteSize(interpreter.InputTensor(0))).Select(i => (byte)(i * 37)).ToArray());
        interpreter.Invoke();
        Assert.Contains(interpreter.ReadTensor(hidden), v => v != 3);
        interpreter.ResetState();
        Assert.All(interpreter.ReadTensor(hidden), v => Assert.Equal(3, v));
        Assert.All(interpreter.ReadTensor(cell), v => Assert.Equal(0, v));
    }
}
