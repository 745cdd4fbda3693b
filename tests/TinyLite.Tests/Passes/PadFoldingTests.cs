using TinyLite.Codegen.Passes;
using TinyLite.Tests.Planning;

namespace TinyLite.Tests.Passes;

/// <summary>
/// Folding an explicit PAD into the layer that reads it: folded where exact, refused where not, and in every case the
/// compiled model gives the bytes of the unfolded one (the PAD kernel then the layer, each tied to TFLM by its own
/// golden tests), on seeded random inputs.
/// </summary>
public class PadFoldingTests
{
    /// <summary>Cases: the model, and whether its one PAD must fold.</summary>
    public static IEnumerable<object[]> Cases() =>
    [
        // PyTorch's padding=1 before a stride-2 convolution: top and left padding TFLite's SAME never gives.
        ["conv-stride-2", true, (Func<Graph>)(() => Start().Pad(1, 1, 1, 1).Conv(6, 3, 2, Padding.Valid).Finish())],
        // Asymmetric, and added to the convolution's own SAME padding (1 on each side for 3×3 stride 1).
        ["conv-asymmetric-plus-same", true, (Func<Graph>)(() => Start().Pad(2, 0, 0, 3).Conv(5, 3, 1, Padding.Same).Finish())],
        ["depthwise", true, (Func<Graph>)(() => Start().Pad(1, 1, 1, 1).Depthwise(3, 1, multiplier: 2, Padding.Valid).Finish())],
        // PADV2 with constant_values = the zero point (-3) is the same as PAD.
        ["depthwise-padv2-zero-point", true, (Func<Graph>)(() => Start().Pad(0, 2, 1, 0, value: -3).Depthwise(3, 2, padding: Padding.Valid).Finish())],
        // A pad value other than the zero point adds w * (value - zero point) at the border: not foldable.
        ["conv-other-value", false, (Func<Graph>)(() => Start().Pad(1, 1, 1, 1, value: 40).Conv(4, 3, 1, Padding.Valid).Finish())],
        // Max pool: -128 never wins a maximum the kernel clamps at -128 anyway.
        ["max-pool-lowest", true, (Func<Graph>)(() => Start().Pad(1, 1, 1, 1, value: -128).Pool(max: true, 3, 2, Padding.Valid).Finish())],
        // Max pool with the zero point (-3) as the pad value: it wins where the window's values are all below it.
        ["max-pool-zero-point", false, (Func<Graph>)(() => Start().Pad(1, 1, 1, 1).Pool(max: true, 3, 2, Padding.Valid).Finish())],
        // Average pool: TFLM divides by the taps inside the input, an explicit pad counts its own.
        ["average-pool", false, (Func<Graph>)(() => Start().Pad(1, 1, 1, 1).Pool(max: false, 3, 1, Padding.Valid).Finish())],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compile_PadBeforeLayer_FoldsOnlyWhenExactAndKeepsTheBytes(string name, bool folds, Func<Graph> build)
    {
        var unfolded = Compiler.Compile(build(), new CompileOptions { Plan = PlanStrategy.Layer, FoldPads = false });
        var folded = Compiler.Compile(build(), new CompileOptions { Plan = PlanStrategy.Layer });
        Assert.Contains(unfolded.Calls, c => c.Code == OpCode.Pad);
        Assert.Equal(!folds, folded.Calls.Any(c => c.Code == OpCode.Pad));
        if (folds) Assert.True(folded.Report.ArenaBytes < unfolded.Report.ArenaBytes, $"{name}: {folded.Report.ArenaBytes} B vs {unfolded.Report.ArenaBytes} B");
        for (int seed = 0; seed < 4; seed++)
        {
            byte[] input = StreamTestModels.RandomInput(unfolded.Graph, seed);
            Assert.Equal(Run(unfolded.Image, input), Run(folded.Image, input));
        }
    }

    [Fact]
    public void Fold_PadReadByTwoLayers_IsKept()
    {
        var m = Start().Pad(1, 1, 1, 1);
        int padded = m.Current;
        var graph = m.Conv(4, 3, 1, Padding.Valid).Finish();
        graph.Operators.Add(new Operator
        {
            Index = graph.Operators.Count, Op = BuiltinOperator.MaxPool2D, Inputs = [padded], Outputs = [graph.AddTensor("pooled", DataType.Int8, [1, 10, 8, 3], graph.Tensors[padded].Quantization)],
            Options = new Pool2DOptions(Padding.Valid, 1, 1, 1, 1, Activation.None),
        });
        Assert.Equal(0, PadFolding.Fold(graph));
        Assert.Equal(3, graph.Operators.Count);
    }

    [Fact]
    public void Fold_StrideTwoConv_SetsTopAndLeftPaddingOfOne()
    {
        var graph = Start().Pad(1, 1, 1, 1).Conv(6, 3, 2, Padding.Valid).Finish();
        Assert.Equal(1, PadFolding.Fold(graph));
        var conv = Assert.Single(graph.Operators);
        Assert.Equal(graph.Inputs[0], conv.Inputs[0]);
        Assert.Equal(new ExplicitPadding(1, 1, 1, 1), ((Conv2DOptions)conv.Options!).Explicit);
    }

    [Fact]
    public void Fold_SameConvAfterPad_AddsTheSamePadding()
    {
        // 8×6 input padded to 10×9 (2 above, 3 right); SAME 3×3 stride 1 adds 1 on every side.
        var graph = Start().Pad(2, 0, 0, 3).Conv(5, 3, 1, Padding.Same).Finish();
        PadFolding.Fold(graph);
        Assert.Equal(new ExplicitPadding(3, 1, 1, 4), ((Conv2DOptions)graph.Operators.Single().Options!).Explicit);
    }

    [Fact]
    public void Write_FoldedGraph_IsRefusedAsTfliteCannotSayIt()
    {
        var graph = Start().Pad(1, 1, 1, 1).Conv(6, 3, 2, Padding.Valid).Finish();
        PadFolding.Fold(graph);
        var e = Assert.Throws<ArgumentException>(() => TinyLite.Codegen.Tflite.TfliteWriter.Write(graph));
        Assert.Contains("folded explicit padding", e.Message);
    }

    private static StreamTestModels Start() => StreamTestModels.Start("pad.tflite", 8, 6, 3, seed: 21);

    private static byte[] Run(byte[] image, byte[] input)
    {
        var interpreter = new Interpreter((byte[])image.Clone());
        interpreter.SetInput(0, input);
        interpreter.Invoke();
        return interpreter.GetOutput(0);
    }
}
