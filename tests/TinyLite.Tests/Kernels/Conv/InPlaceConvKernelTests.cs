using TinyLite.Runtime.Kernels.Conv;
using Kind = TinyLite.Tests.Kernels.Conv.ConvTestModel.Kind;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// The in-place convolution variants run with the output at the input's own offset, compared element by element
/// with <see cref="ConvReference"/> (TFLM's reference loops). Bit-exact target: TFLM reference kernels.
/// </summary>
public class InPlaceConvKernelTests
{
    private const byte Guard = 0x5A;

    /// <summary>
    /// Lowers the model, takes the call's in-place variant and runs it in one buffer where input and output share
    /// a block of max(input, output) bytes, guard bytes around every region; returns the output values.
    /// </summary>
    private static int[] RunInPlace(ConvTestModel model, int expectedCode)
    {
        var graph = model.Graph;
        var op = graph.Operators.Single();
        var call = LoweringRegistry.Default.Find(op.Op)!.Lower(new LoweringContext(graph, op)).Single();
        KernelCall variant = call.InPlaceVariant ?? throw new InvalidOperationException("no in-place variant offered");
        Assert.Equal(expectedCode, variant.Code);
        Assert.Equal([(0, 0)], variant.InPlace);
        int input = variant.Inputs[ConvSlots.InInput], output = variant.Outputs[ConvSlots.OutOutput];

        int n = graph.Tensors.Count;
        var offsets = new int[n];
        var sizes = new int[n];
        var types = new int[n];
        var regions = new List<(int Start, int Length)>();
        int at = 5;
        for (int t = 0; t < n; t++)
        {
            sizes[t] = (int)graph.Tensors[t].ByteSize;
            types[t] = (int)graph.Tensors[t].Type;
        }
        for (int t = 0; t < n; t++)
        {
            if (t == output) continue;
            int length = t == input ? Math.Max(sizes[input], sizes[output]) : sizes[t];
            offsets[t] = at;
            regions.Add((at, length));
            at += length + 3;
        }
        offsets[output] = offsets[input];
        var buffer = Enumerable.Repeat(Guard, at).ToArray();
        for (int t = 0; t < n; t++)
            if (graph.Tensors[t].Data is { } data) Array.Copy(data, 0, buffer, offsets[t], sizes[t]);
        byte[] inBytes = model.InputBytes();
        Array.Copy(inBytes, 0, buffer, offsets[input], inBytes.Length);

        var ctx = new KernelContext(Enumerable.Repeat(buffer, n).ToArray(), offsets, sizes, types);
        var record = new OpRecord { Code = variant.Code, Inputs = variant.Inputs, Outputs = variant.Outputs, Params = variant.Params };
        Assert.Null(KernelDispatch.Validate(ctx, record));
        KernelDispatch.Run(ctx, record);
        foreach (var (start, length) in regions)
        {
            Assert.Equal(Guard, buffer[start - 1]);
            Assert.Equal(Guard, buffer[start + length]);
        }
        return model.Decode(buffer.AsSpan(offsets[output], sizes[output]).ToArray());
    }

    [Theory]
    // inH inW inC fH fW stride dil padding
    [InlineData(7, 6, 5, 3, 3, 1, 1, Padding.Same)]
    [InlineData(9, 8, 4, 3, 3, 2, 1, Padding.Same)]
    [InlineData(9, 9, 3, 3, 3, 1, 2, Padding.Valid)]
    [InlineData(10, 4, 6, 10, 4, 1, 1, Padding.Valid)]
    [InlineData(8, 7, 3, 5, 3, 3, 1, Padding.Same)]
    public void DepthwiseConvS8InPlace_MatchesReference(int inH, int inW, int inC, int fH, int fW, int stride, int dil, Padding padding)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, InH = inH, InW = inW, InC = inC, FH = fH, FW = fW, FC = 1, StrideH = stride, StrideW = stride,
            DilH = dil, DilW = dil, Padding = padding, Activation = Activation.Relu6, Seed = inH * 7 + inC,
        });
        Assert.Equal(model.Expected(), RunInPlace(model, OpCode.DepthwiseConvS8InPlace));
    }

    [Theory]
    [InlineData(7, 6, 5, 1, Padding.Same)]
    [InlineData(9, 8, 4, 2, Padding.Valid)]
    public void DepthwiseConvS4InPlace_MatchesReference(int inH, int inW, int inC, int stride, Padding padding)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, InH = inH, InW = inW, InC = inC, FH = 3, FW = 3, FC = 1, StrideH = stride, StrideW = stride,
            Padding = padding, WeightType = DataType.Int4, Seed = inW * 3 + inC,
        });
        Assert.Equal(model.Expected(), RunInPlace(model, OpCode.DepthwiseConvS4InPlace));
    }

    [Theory]
    // inH inW inC outC activation (outC < inC: pixels forward; outC > inC: pixels backward)
    [InlineData(5, 4, 8, 3, Activation.None)]
    [InlineData(6, 5, 6, 6, Activation.Relu)]
    [InlineData(4, 7, 3, 11, Activation.None)]
    [InlineData(1, 1, 2, 9, Activation.Relu6)]
    public void PointwiseConvS8InPlace_MatchesReference(int inH, int inW, int inC, int outC, Activation activation)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = Kind.Conv, InH = inH, InW = inW, InC = inC, FH = 1, FW = 1, OutC = outC, Activation = activation, Seed = inC * 13 + outC,
        });
        Assert.Equal(model.Expected(), RunInPlace(model, OpCode.PointwiseConvS8InPlace));
    }

    [Theory]
    // inH inW inC outC activation: odd inC puts every other channel's weights on a high nibble first
    [InlineData(5, 4, 8, 3, Activation.None)]
    [InlineData(6, 5, 7, 5, Activation.Relu)]
    [InlineData(4, 7, 3, 11, Activation.None)]
    [InlineData(3, 3, 5, 5, Activation.Relu6)]
    [InlineData(1, 1, 2, 9, Activation.None)]
    public void PointwiseConvS4InPlace_MatchesReference(int inH, int inW, int inC, int outC, Activation activation)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = Kind.Conv, InH = inH, InW = inW, InC = inC, FH = 1, FW = 1, OutC = outC, Activation = activation,
            WeightType = DataType.Int4, Seed = inC * 17 + outC,
        });
        Assert.Equal(model.Expected(), RunInPlace(model, OpCode.PointwiseConvS4InPlace));
    }

    [Theory]
    // inC outC bias type (int64: int64 accumulator; int32: TFLM's wrapping int32 accumulator)
    [InlineData(6, 4, DataType.Int64)]
    [InlineData(3, 7, DataType.Int64)]
    [InlineData(5, 9, DataType.Int32)]
    [InlineData(4, 4, null)]
    public void PointwiseConvS16InPlace_MatchesReference(int inC, int outC, DataType? biasType)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = Kind.Conv, InH = 4, InW = 5, InC = inC, FH = 1, FW = 1, OutC = outC, ActivationType = DataType.Int16,
            BiasType = biasType, Seed = inC * 5 + outC,
        });
        Assert.Equal(model.Expected(), RunInPlace(model, OpCode.PointwiseConvS16InPlace));
    }

    [Fact]
    public void DepthwiseLowering_MultiplierTwo_OffersNoInPlaceVariant()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Kind = Kind.Depthwise, FC = 2 });
        var op = model.Graph.Operators.Single();
        Assert.Null(LoweringRegistry.Default.Find(op.Op)!.Lower(new LoweringContext(model.Graph, op)).Single().InPlaceVariant);
    }

    [Fact]
    public void ConvLowering_ThreeByThree_OffersNoInPlaceVariant()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Kind = Kind.Conv });
        var op = model.Graph.Operators.Single();
        Assert.Null(LoweringRegistry.Default.Find(op.Op)!.Lower(new LoweringContext(model.Graph, op)).Single().InPlaceVariant);
    }

    [Fact]
    public void DepthwiseConvS8InPlace_OutputElsewhere_IsRefusedAtLoad()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Kind = Kind.Depthwise, FC = 1 });
        var op = model.Graph.Operators.Single();
        var variant = LoweringRegistry.Default.Find(op.Op)!.Lower(new LoweringContext(model.Graph, op)).Single().InPlaceVariant!;
        var harness = new KernelHarness(model.Graph);
        var record = new OpRecord { Code = variant.Code, Inputs = variant.Inputs, Outputs = variant.Outputs, Params = variant.Params };
        Assert.Equal("in-place output must share the input's base offset", KernelDispatch.Validate(harness.Context(), record));
    }
}
