using TinyLite.Codegen.Quantize;

namespace TinyLite.Tests.Quantize;

/// <summary>What the quantizer writes into the graph, on a hand-worked FULLY_CONNECTED and on layouts it refuses.</summary>
public class Int4RewriterTests
{
    /// <summary>FULLY_CONNECTED [2, 3] weights (per tensor, scale 0.1), bias [100, -50] at 0.5 · 0.1.</summary>
    private static Graph Dense(float[]? weightScales = null)
    {
        var b = new GraphBuilder("dense.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 3], 0.5f, 0);
        int w = b.AddConstantInt8("w", [2, 3], [14, -7, 1, 0, 2, -14], weightScales ?? [0.1f]);
        int bias = b.AddConstantInt32("b", [2], [100, -50], new Quantization([0.05f], [0], 0));
        int y = b.AddTensor("y", DataType.Int8, [1, 2], 0.25f, 0);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, w, bias], [y], new FullyConnectedOptions(Activation.None, 0, false, false));
        b.MarkOutput(y);
        return b.Build();
    }

    [Fact]
    public void Quantize_DenseLayer_PacksRequantizesAndRescalesByHand()
    {
        // One range for the tensor: r = 14 has error Σ(7q - 14·round(q/2))² = 0+49+49+0+0+0 = 98; r = 13 gives 144,
        // lower r more (the ±14s clip). int4 = round(q/2): [7, -4 (tie), 1 (tie), 0, 1, -7].
        var result = WeightQuantizer.Quantize(Dense(), new QuantizeOptions { Weights = WeightPrecision.Int4, MeasureAgreement = false });
        var w = result.Graph.Tensors[1];
        Assert.Equal(DataType.Int4, w.Type);
        Assert.Equal(new byte[] { 0xC7, 0x01, 0x91 }, w.Data);
        Assert.Equal(0.2f, w.Quantization!.Scales.Single(), 6);
        var bias = result.Graph.Tensors[2];
        Assert.Equal(new[] { 50, -25 }, new[] { 0, 4 }.Select(at => BinaryPrimitives.ReadInt32LittleEndian(bias.Data.AsSpan(at))));
        Assert.Equal(0.1f, bias.Quantization!.Scales.Single(), 6);
        Assert.Equal(3, result.WeightBytesAfter);
        Assert.Equal(6, result.WeightBytesBefore);
    }

    [Fact]
    public void Quantize_LeavesTheSourceGraphAlone()
    {
        var graph = Dense();
        _ = WeightQuantizer.Quantize(graph, new QuantizeOptions { Weights = WeightPrecision.Int4, MeasureAgreement = false });
        Assert.Equal(DataType.Int8, graph.Tensors[1].Type);
    }

    [Fact]
    public void Quantize_PerChannelDense_IsKeptInInt8WithTheReason()
    {
        var result = WeightQuantizer.Quantize(Dense([0.1f, 0.2f]), new QuantizeOptions { Weights = WeightPrecision.Int4, MeasureAgreement = false });
        Assert.Empty(result.Choices);
        Assert.Equal("per-channel weights (TFLM has no per-channel int4 FULLY_CONNECTED)", result.Kept.Single().Reason);
        Assert.Equal(DataType.Int8, result.Graph.Tensors[1].Type);
    }

    [Fact]
    public void Quantize_ConvScalesAlongTheWrongAxis_IsAnUnsupportedLayout()
    {
        var b = new GraphBuilder("axis.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 3, 3, 2], 0.5f, 0);
        int w = b.AddConstantInt8("w", [1, 1, 1, 2], [3, 4], [0.1f, 0.2f], axis: 3);
        int y = b.AddTensor("y", DataType.Int8, [1, 3, 3, 1], 0.25f, 0);
        b.AddOperator(BuiltinOperator.Conv2D, [x, w], [y], new Conv2DOptions(Padding.Valid, 1, 1, Activation.None, 1, 1));
        b.MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => WeightQuantizer.Quantize(b.Build(), new QuantizeOptions { MeasureAgreement = false }));
        Assert.Equal("axis.tflite: operator 0 (CONV_2D): unsupported layout: 2 filter scales along axis 3 of INT8 [1, 1, 1, 2]; expected 1 along axis 0", e.Message);
    }

    [Fact]
    public void Auto_BudgetDecidesEachLayer()
    {
        var graph = Int4TestModel.Build();
        var loose = WeightQuantizer.Quantize(graph, new QuantizeOptions { Weights = WeightPrecision.Auto, MaxErrorDb = 100, GeneratedCases = 4 });
        Assert.All(loose.Choices, c => Assert.True(c.Int4));
        Assert.All(loose.Choices, c => Assert.NotNull(c.SqnrDb));
        var strict = WeightQuantizer.Quantize(graph, new QuantizeOptions { Weights = WeightPrecision.Auto, MaxErrorDb = -200, GeneratedCases = 4 });
        Assert.All(strict.Choices, c => Assert.False(c.Int4));
        Assert.All(strict.Choices, c => Assert.StartsWith("alone its error is", c.KeptBecause));
        // Nothing in int4: the model is the int8 one, so it agrees on every case.
        Assert.Equal(1.0, strict.Agreement!.Top1Agreement);
        Assert.Equal(0.0, strict.Agreement.MeanAbsDifference);
    }
}
