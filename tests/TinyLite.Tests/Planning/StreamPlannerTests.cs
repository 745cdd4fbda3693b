using TinyLite.Codegen.Planning;
using TinyLite.Codegen.Planning.Streaming;
using TinyLite.Tests.Native;
using Xunit.Abstractions;

namespace TinyLite.Tests.Planning;

/// <summary>
/// Line-buffer streaming: the rows each band reads, the window sizes, outputs over consumed inputs, and above all
/// that a streamed model computes exactly the bytes of the layer-by-layer plan (which the golden tests tie to TFLM).
/// </summary>
public class StreamPlannerTests(ITestOutputHelper output)
{
    [Fact]
    public void InputRows_SamePaddedThreeByThree_ClipsAtBothEnds()
    {
        var reach = new RowReach(Span: 3, Stride: 1, PadTop: 1);
        Assert.Equal((0, 2), reach.InputRows(0, 1, 10));
        Assert.Equal((8, 10), reach.InputRows(9, 1, 10));
        Assert.Equal((2, 6), reach.InputRows(3, 2, 10));
        Assert.Equal(1, reach.BandPadTop(0, 0));
        Assert.Equal(0, reach.BandPadTop(3, 2));
    }

    [Fact]
    public void InputRows_StrideTwo_ReadsEveryOtherWindow()
    {
        // 96 rows, 3×3 stride 2 SAME: TFLite pads 0 above and 1 below; output row 47 reads rows 94, 95 (+ padding).
        var reach = new RowReach(3, 2, 0);
        Assert.Equal((0, 3), reach.InputRows(0, 1, 96));
        Assert.Equal((94, 96), reach.InputRows(47, 1, 96));
        Assert.Equal((20, 27), reach.InputRows(10, 3, 96));
    }

    private static Graph TwoConvChain() => StreamTestModels.Start("chain.tflite", 10, 6, 4, seed: 3)
        .Conv(8, 3, 1).Conv(4, 3, 1).Finish();

    [Fact]
    public void Expand_ThreeByThreeConsumer_KeepsThreeRowsOfTheIntermediate()
    {
        var graph = TwoConvChain();
        var calls = Lower(graph);
        var layout = StreamExpander.Expand(graph, calls, [new StreamSegment(0, 1)], out string? why);
        Assert.Null(why);
        // Row r of the second conv reads rows r-1..r+1 of the first one's output: three rows at once.
        var window = graph.Tensors.Single(t => t.Name.StartsWith("window: ") && !t.Name.Contains('@'));
        Assert.Equal([1, 3, 6, 8], window.Shape);
        // Every row of both convolutions is computed exactly once.
        Assert.Equal(0, layout!.ExtraMacs);
        Assert.Equal(calls.Sum(c => c.Macs), layout.Calls.Sum(c => c.Macs));
    }

    [Fact]
    public void Expand_TwoStripPatches_RecomputeTheHaloRowsOnce()
    {
        var graph = TwoConvChain();
        var calls = Lower(graph);
        var layout = StreamExpander.Expand(graph, calls, [new StreamSegment(0, 1, Strips: 2)], out string? why);
        Assert.Null(why);
        // Strip 0 makes rows 0-4 of the second conv from rows 0-5 of the first, strip 1 rows 5-9 from rows 4-9:
        // rows 4 and 5 of the first conv (6 × 8 pixels × 3·3·4 MACs each) are computed twice; a strip holds 6 rows.
        Assert.Equal(2 * 6 * 8 * 3 * 3 * 4, layout!.ExtraMacs);
        Assert.Equal([1, 6, 6, 8], graph.Tensors.Single(t => t.Name.StartsWith("window: ") && !t.Name.Contains('@')).Shape);
        Assert.Equal(4, layout.Calls.Count);
    }

    [Fact]
    public void Build_StrideTwoConv_PutsItsOutputOverTheConsumedInput()
    {
        // Input 16×16×8 = 2048 B, output 8×8×8 = 512 B. Output row j is written after input rows < 2j were read for
        // the last time, but row 0 is written while input row 0 is still being read: the output starts one row
        // (64 B) before the input, and the two share the rest: 2048 + 64 bytes instead of 2560.
        var graph = StreamTestModels.Start("down.tflite", 16, 16, 8, seed: 5).Conv(8, 3, 2).Finish();
        var calls = Lower(graph);
        var plan = StreamPlanner.Build(graph, calls, [new StreamSegment(0, 0)]);
        Assert.NotNull(plan);
        Assert.Equal(2112, plan!.ArenaBytes);
        Assert.Equal(2560, LayerPlanner.Plan(graph, calls).ArenaBytes);
    }

    /// <summary>Models that exercise windows, strides, depth multipliers, pooling, residual ADDs and the pairing.</summary>
    public static IEnumerable<object[]> Models() =>
    [
        ["mobilenet-front", (Func<Graph>)(() => StreamTestModels.Start("front.tflite", 24, 20, 3, seed: 11)
            .Conv(8, 3, 2, activation: Activation.Relu).Depthwise(3, 1).Conv(16, 1, 1).Depthwise(3, 2).Conv(24, 1, 1)
            .Pool(max: false, 2, 2).Finish())],
        ["residual", (Func<Graph>)(() =>
        {
            var m = StreamTestModels.Start("residual.tflite", 14, 9, 6, seed: 12).Conv(8, 3, 1, activation: Activation.Relu);
            int skip = m.Current;
            var (scale, zeroPoint) = m.Quantization;
            return m.Conv(8, 3, 1, activation: Activation.Relu).Conv(8, 3, 1).AddSkip(skip, scale, zeroPoint)
                .Depthwise(3, 2).Pool(max: true, 3, 1, Padding.Same).Finish();
        })],
        ["depthwise-into-fully-connected", (Func<Graph>)(() => StreamTestModels.Start("fc.tflite", 13, 10, 1, seed: 14)
            .Depthwise(5, 2, multiplier: 4).FullyConnected(3).Finish())],
        ["mobilenet-v2-0.35-64", (Func<Graph>)(() => StreamTestModels.MobileNetV2(64, 0.35, seed: 15))],
        // PyTorch's shape: an NCHW input transposed first, a PAD before each 3×3 layer (folded into it).
        ["pytorch-mobilenet-v2-0.35-64", (Func<Graph>)(() => StreamTestModels.MobileNetV2(64, 0.35, seed: 15, pytorch: true))],
        // A PAD that cannot fold (average pool) between streamed layers, and a transpose into a stride-2 convolution.
        ["pytorch-unfoldable-pad", (Func<Graph>)(() => StreamTestModels.StartNchw("nchw.tflite", 18, 12, 3, seed: 18)
            .Conv(8, 3, 2, Padding.Valid, Activation.Relu).Pad(1, 1, 1, 1).Pool(max: false, 3, 1, Padding.Valid).Conv(8, 1, 1).Finish())],
        ["multiplier-valid", (Func<Graph>)(() => StreamTestModels.Start("valid.tflite", 17, 11, 2, seed: 13)
            .Depthwise(5, 2, multiplier: 4, Padding.Valid).Conv(6, 3, 1, Padding.Valid).Pool(max: true, 2, 2).Finish())],
    ];

    public static IEnumerable<object[]> ModelsAndPlans() => Models().SelectMany(m => new[] { PlanStrategy.Stream, PlanStrategy.Patch }.Select(p => new[] { m[0], m[1], p }));

    [Theory]
    [MemberData(nameof(ModelsAndPlans))]
    public void StreamPlan_Model_ComputesTheLayerPlansBytesInsideItsArena(string name, Func<Graph> build, PlanStrategy plan)
    {
        var layer = Compiler.Compile(build(), new CompileOptions { Plan = PlanStrategy.Layer });
        // A generous budget, so the patch plan does recompute rows here.
        var stream = Compiler.Compile(build(), new CompileOptions { Plan = plan, MaxExtraMacs = 0.5 });
        Assert.Equal(plan, stream.Report.Plan);
        Assert.NotEmpty(stream.Plan.Segments);
        Assert.True(stream.Report.ArenaBytes < layer.Report.ArenaBytes, $"{name}: {plan.Name()} {stream.Report.ArenaBytes} B, layer {layer.Report.ArenaBytes} B");
        Assert.True(stream.Report.ExtraMacs <= 0.5 * layer.Report.Macs);
        if (plan == PlanStrategy.Stream) Assert.Equal(0, stream.Report.ExtraMacs);
        AssertLayerPlanBytes(layer, stream.Image);
    }

    [Fact]
    public void StreamPlan_Int4FullyConnectedAtTheEnd_AccumulatesBandByBandWithTheLayerPlansBytes()
    {
        // The same shape with int4 weights (quantize), streamed whole: FullyConnectedS4Accumulate per row, one finish,
        // and the bytes of the whole-tensor FullyConnectedS4 of the layer plan, managed and native.
        var int8 = StreamTestModels.Start("fc4.tflite", 13, 10, 1, seed: 15).Depthwise(5, 2, multiplier: 4).FullyConnected(3).Finish();
        var graph = TinyLite.Codegen.Quantize.WeightQuantizer.Quantize(int8, new TinyLite.Codegen.Quantize.QuantizeOptions { MeasureAgreement = false }).Graph;
        var calls = Lower(graph);
        var plan = StreamPlanner.Build(graph, calls, [new StreamSegment(0, 1)])!;
        Assert.Equal(7, plan.Calls.Count(c => c.Code == TinyLite.Runtime.Execution.OpCode.FullyConnectedS4Accumulate));
        Assert.Equal(TinyLite.Runtime.Execution.OpCode.FullyConnectedS8Finish, plan.Calls[^1].Code);
        Assert.DoesNotContain(plan.Calls, c => c.Code == TinyLite.Runtime.Execution.OpCode.FullyConnectedS4);
        var layer = Compiler.Compile(TinyLite.Codegen.Quantize.Int4Rewriter.Copy(graph), new CompileOptions { Plan = PlanStrategy.Layer });
        var streamImage = TinyLite.Codegen.Image.ImageWriter.Write(plan.Graph ?? graph, plan.Calls, plan,
            new TinyLite.Codegen.Image.ImageMetadata("test", "test", "", "fc4"));
        AssertLayerPlanBytes(layer, streamImage);
    }

    [Fact]
    public void StreamPlan_FullyConnectedAtTheEnd_AccumulatesBandByBand()
    {
        // micro_speech's shape in small: the depthwise output (7×5×4 = 140 B) is never whole; the fully connected
        // layer adds each of its 7 rows to int32 accumulators and requantizes once.
        var graph = StreamTestModels.Start("fc.tflite", 13, 10, 1, seed: 14).Depthwise(5, 2, multiplier: 4).FullyConnected(3).Finish();
        var calls = Lower(graph);
        var plan = StreamPlanner.Build(graph, calls, [new StreamSegment(0, 1)])!;
        Assert.Equal(7, plan.Calls.Count(c => c.Code == TinyLite.Runtime.Execution.OpCode.FullyConnectedS8Accumulate));
        Assert.Equal(TinyLite.Runtime.Execution.OpCode.FullyConnectedS8Finish, plan.Calls[^1].Code);
        Assert.DoesNotContain(plan.Calls, c => c.Code == TinyLite.Runtime.Execution.OpCode.FullyConnectedS8);
        // Alive at once at most: the 130-byte input, one 20-byte depthwise row, 12 accumulator bytes, the output.
        Assert.True(plan.ArenaBytes < 130 + 140, $"arena {plan.ArenaBytes} B");
    }

    [Fact]
    public void StreamPlan_MobileNetV2At224_FitsInAFewHundredKibibytes()
    {
        // Layer by layer the 112×112×96 expansion (1,204,224 B) and its input are live together; streamed, the
        // expanded tensors exist a few rows at a time and the peak is the 150,528-byte input plus windows.
        var layer = Compiler.Compile(StreamTestModels.MobileNetV2(224, 1.0, seed: 16), new CompileOptions { Plan = PlanStrategy.Layer });
        var stream = Compiler.Compile(StreamTestModels.MobileNetV2(224, 1.0, seed: 16), new CompileOptions { Plan = PlanStrategy.Stream });
        Assert.True(layer.Report.ArenaBytes > 1_204_224);
        Assert.True(stream.Report.ArenaBytes < 300 * 1024, $"stream arena {stream.Report.ArenaBytes} B");
    }

    [Fact]
    public void Build_NchwTransposeAlone_PutsItsOutputOverTheChannelRowsReadBefore()
    {
        // [1, 3, 16, 16] → [1, 16, 16, 3], 768 B each. Streamed, output row h (48 B) reads row h of each channel
        // plane; the output may cover the plane rows read before it, so the two need less than 1536 B.
        var graph = StreamTestModels.StartNchw("nchw.tflite", 16, 16, 3, seed: 19).Finish();
        var calls = Lower(graph);
        Assert.Equal(1536, LayerPlanner.Plan(graph, calls).ArenaBytes);
        var plan = StreamPlanner.Build(graph, calls, [new StreamSegment(0, 0)])!;
        Assert.True(plan.ArenaBytes < 1536, $"arena {plan.ArenaBytes} B");
        var layer = Compiler.Compile(StreamTestModels.StartNchw("nchw.tflite", 16, 16, 3, seed: 19).Finish(), new CompileOptions { Plan = PlanStrategy.Layer });
        var stream = Compiler.Compile(StreamTestModels.StartNchw("nchw.tflite", 16, 16, 3, seed: 19).Finish(), new CompileOptions { Plan = PlanStrategy.Stream });
        Assert.Equal(plan.ArenaBytes, stream.Report.ArenaBytes);
        byte[] input = StreamTestModels.RandomInput(layer.Graph, 1);
        Assert.Equal(Run(layer.Image, input, native: false), Run(stream.Image, input, native: false));
    }

    [Fact]
    public void Build_UnfoldablePadBetweenStreamedLayers_RunsInBandsIncludingPurePaddingRows()
    {
        // conv 3×3/2 → PAD 1 (before an average pool, so it cannot fold) → avg pool 3×3 → conv 1×1. Streamed one row
        // at a time, PAD's first and last output rows are padding only: those bands copy no input row.
        Graph Build() => StreamTestModels.StartNchw("nchw.tflite", 18, 12, 3, seed: 18)
            .Conv(8, 3, 2, Padding.Valid, Activation.Relu).Pad(1, 1, 1, 1).Pool(max: false, 3, 1, Padding.Valid).Conv(8, 1, 1).Finish();
        var graph = Build();
        var calls = Lower(graph);
        int pad = calls.ToList().FindIndex(c => c.Code == TinyLite.Runtime.Execution.OpCode.Pad);
        Assert.True(pad > 0, $"PAD at call {pad}");
        var plan = StreamPlanner.Build(graph, calls, [new StreamSegment(pad - 1, pad + 2)])!;
        Assert.NotNull(plan);
        var padBands = plan.Calls.Where(c => c.Code == TinyLite.Runtime.Execution.OpCode.Pad).ToList();
        Assert.True(padBands.Count > 2, $"{padBands.Count} PAD calls");
        Assert.Contains(padBands, c => c.Params.Skip(TinyLite.Runtime.Kernels.Shape.PadParams.InputDims).Take(5).Contains(0));
        Assert.True(plan.ArenaBytes <= LayerPlanner.Plan(graph, calls).ArenaBytes, $"arena {plan.ArenaBytes} B");
        var layer = Compiler.Compile(Build(), new CompileOptions { Plan = PlanStrategy.Layer });
        var stream = Compiler.Compile(Build(), new CompileOptions { Plan = PlanStrategy.Stream });
        Assert.True(stream.Calls.Count(c => c.Code == TinyLite.Runtime.Execution.OpCode.Pad) > 1, "the stream plan keeps PAD whole");
        AssertLayerPlanBytes(layer, stream.Image);
    }

    [Fact]
    public void Expand_GatherOfATensorMadeInTheRun_IsRefused()
    {
        // A gather reads its source whole; a tensor made inside the run only ever exists a few rows at a time.
        var m = StreamTestModels.Start("gather.tflite", 6, 4, 3, seed: 20).Conv(3, 3, 1);
        var graph = m.Finish();
        int perm = graph.AddTensor("perm", DataType.Int32, [4], data: [0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0]);
        int transposed = graph.AddTensor("transposed", DataType.Int8, [1, 4, 6, 3], graph.Tensors[m.Current].Quantization);
        graph.Operators.Add(new Operator { Index = 1, Op = BuiltinOperator.Transpose, Inputs = [m.Current, perm], Outputs = [transposed] });
        graph.Outputs[0] = transposed;
        var layout = StreamExpander.Expand(graph, Lower(graph), [new StreamSegment(0, 1)], out string? why);
        Assert.Null(layout);
        Assert.Contains("made inside the run whole", why);
    }

    [Fact]
    public void Compile_PyTorchShapedMobileNetV2At224_PlansWithinTenPercentOfTheTfliteShapeAndBitExact()
    {
        // The same network exported by PyTorch: NCHW input + TRANSPOSE, a PAD before each of the 17 3×3 layers. Before
        // PAD folding and streamed gathers every plan of it needed 2,451,840 B.
        var tflite = Compiler.Compile(StreamTestModels.MobileNetV2(224, 1.0, seed: 16), new CompileOptions { ComparePlans = true });
        var pytorch = Compiler.Compile(StreamTestModels.MobileNetV2(224, 1.0, seed: 16, pytorch: true), new CompileOptions { ComparePlans = true });
        Assert.Equal(0, pytorch.Calls.Count(c => c.Code == TinyLite.Runtime.Execution.OpCode.Pad));
        Assert.True(pytorch.Report.ArenaBytes <= tflite.Report.ArenaBytes * 1.10,
            $"pytorch-shaped {pytorch.Report.ArenaBytes} B vs tflite-shaped {tflite.Report.ArenaBytes} B");
        // The figure of bench/RESULTS.md (bench/mobilenet-v2-shapes.sh prints it).
        string Row(string shape, CompiledModel c) => $"| {shape} | " + string.Join(" | ", PlanStrategies.Concrete.Select(s => c.Alternatives.Single(p => p.Strategy == s))
            .Select(p => p.ExtraMacs > 0 ? $"{p.ArenaBytes:N0} (+{p.ExtraMacs:N0} MACs)" : $"{p.ArenaBytes:N0}")) + $" | {c.Report.Plan.Name()} {c.Report.ArenaBytes:N0} |";
        output.WriteLine("| MobileNetV2 1.0 224×224 | " + string.Join(" | ", PlanStrategies.Concrete.Select(s => s.Name() + " B")) + " | auto B |");
        output.WriteLine("|---|" + string.Concat(PlanStrategies.Concrete.Select(_ => "--:|")) + "--:|");
        output.WriteLine(Row("TFLite shape (NHWC, SAME padding)", tflite));
        output.WriteLine(Row("PyTorch shape (NCHW + TRANSPOSE, 17 explicit PADs)", pytorch));
        foreach (var (compiled, build) in new[] { (tflite, false), (pytorch, true) })
        {
            // Reference: the layer plan; for the PyTorch shape the unfolded graph (PAD kernels) too.
            var layer = Compiler.Compile(StreamTestModels.MobileNetV2(224, 1.0, seed: 16, pytorch: build), new CompileOptions { Plan = PlanStrategy.Layer, FoldPads = false });
            byte[] input = StreamTestModels.RandomInput(layer.Graph, 7);
            byte[] expected = Run(layer.Image, input, native: false);
            Assert.Equal(expected, Run(compiled.Image, input, native: false));
            if (NativeKernels.IsAvailable) Assert.Equal(expected, RunNative(compiled.Image, input));
        }
    }

    [Fact]
    public void InvokeOperator_StreamedImage_MatchesInvokeAndTheLayerPlan()
    {
        // The interpreter decodes each record again right before it runs, into arrays it reuses across records of the
        // same lengths; the bands of a streamed plan alternate kernels and lengths, so running them one by one and in
        // one Invoke must give the layer plan's bytes.
        var layer = new Interpreter(Compiler.Compile(TwoConvChain(), new CompileOptions { Plan = PlanStrategy.Layer }).Image);
        var whole = new Interpreter(Compiler.Compile(TwoConvChain(), new CompileOptions { Plan = PlanStrategy.Stream }).Image);
        var steps = new Interpreter(Compiler.Compile(TwoConvChain(), new CompileOptions { Plan = PlanStrategy.Stream }).Image);
        Assert.True(whole.OperatorCount > 10);
        var input = new byte[layer.TensorByteSize(layer.InputTensor(0))];
        new Random(5).NextBytes(input);
        foreach (var interpreter in new[] { layer, whole, steps }) interpreter.SetInput(0, input);
        layer.Invoke();
        whole.Invoke();
        for (int i = 0; i < steps.OperatorCount; i++) steps.InvokeOperator(i);
        Assert.Equal(layer.GetOutput(0), whole.GetOutput(0));
        Assert.Equal(layer.GetOutput(0), steps.GetOutput(0));
    }

    [Fact]
    public void Expand_FullyConnectedReadInsideTheRun_IsRefused()
    {
        // A sink writes its output once, after its last band: a second fully connected reading it inside the same
        // run used to make the pull order loop for ever (the first one's 4 input rows never reach the 16 asked).
        var graph = StreamTestModels.Start("fc2.tflite", 4, 4, 2, seed: 17).FullyConnected(16).FullyConnected(3).Finish();
        var layout = StreamExpander.Expand(graph, Lower(graph), [new StreamSegment(0, 1)], out string? why);
        Assert.Null(layout);
        Assert.Contains("must end the stream", why);
        Assert.Equal(PlanStrategy.Stream, Compiler.Compile(StreamTestModels.Start("fc2.tflite", 4, 4, 2, seed: 17).FullyConnected(16).FullyConnected(3).Finish(),
            new CompileOptions { Plan = PlanStrategy.Stream }).Report.Plan);
    }

    [Fact]
    public void StreamPlan_TwoConvChain_IsSmallerThanInPlace()
    {
        var inplace = Compiler.Compile(TwoConvChain(), new CompileOptions { Plan = PlanStrategy.InPlace });
        var stream = Compiler.Compile(TwoConvChain(), new CompileOptions { Plan = PlanStrategy.Stream });
        Assert.True(stream.Report.ArenaBytes < inplace.Report.ArenaBytes);
        // Auto weighs the device RAM (arena + the interpreter state of the stream plan's extra band calls + image):
        // DeviceRamChoiceTests checks that choice.
    }

    /// <summary>
    /// <paramref name="image"/> gives the layer plan's output bytes on three random inputs, with the managed kernels
    /// (in a guarded arena) and, when they are built, the native ones.
    /// </summary>
    private static void AssertLayerPlanBytes(CompiledModel layer, byte[] image)
    {
        for (int seed = 0; seed < 3; seed++)
        {
            byte[] input = StreamTestModels.RandomInput(layer.Graph, seed);
            byte[] expected = Run(layer.Image, input, native: false);
            Assert.Equal(expected, Run(image, input, native: false));
            if (NativeKernels.IsAvailable) Assert.Equal(expected, RunNative(image, input));
        }
    }

    /// <summary>Runs an image on one input with the C kernels (their own arena: they address it from index 0).</summary>
    private static byte[] RunNative(byte[] image, byte[] input)
    {
        var interpreter = new Interpreter((byte[])image.Clone());
        NativeSupport.UseNative(interpreter, "stream test");
        interpreter.SetInput(0, input);
        interpreter.Invoke();
        return interpreter.GetOutput(0);
    }

    /// <summary>Runs an image on one input inside an arena with 64 guard bytes on each side; fails if a guard changed.</summary>
    private static byte[] Run(byte[] image, byte[] input, bool native)
    {
        const int guard = 64;
        int arenaBytes = new Interpreter((byte[])image.Clone()).ArenaBytes;
        var memory = Enumerable.Repeat((byte)0x5A, guard + arenaBytes + guard).ToArray();
        var interpreter = new Interpreter((byte[])image.Clone(), memory, guard);
        if (native) NativeSupport.UseNative(interpreter, "stream test");
        interpreter.SetInput(0, input);
        interpreter.Invoke();
        Assert.All(memory.Take(guard).Concat(memory.Skip(guard + arenaBytes)), b => Assert.Equal(0x5A, b));
        return interpreter.GetOutput(0);
    }

    private static List<KernelCall> Lower(Graph graph)
    {
        var calls = new List<KernelCall>();
        foreach (var op in graph.Operators.ToList())
            calls.AddRange(LoweringRegistry.Default.Find(op.Op)!.Lower(new LoweringContext(graph, op)));
        return calls;
    }
}
