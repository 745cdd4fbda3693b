using Kind = TinyLite.Tests.Kernels.Conv.ConvTestModel.Kind;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// Conv family kernels on hand-built models, compared element by element with <see cref="ConvReference"/>
/// (TFLM's reference loops written out plainly). Bit-exact target: TFLM reference kernels.
/// </summary>
public class ConvKernelTests
{
    private static int[] RunAndCheck(ConvTestModel.Options options, int expectedCode)
    {
        var model = ConvTestModel.Build(options);
        var harness = new KernelHarness(model.Graph);
        Assert.Equal(expectedCode, harness.Calls.Single().Code);
        int[] actual = model.Decode(harness.Run(model.InputBytes()));
        int[] expected = model.Expected();
        Assert.Equal(expected, actual);
        // The case must exercise requantization, not only the clamps.
        var (lo, hi) = model.Spec.Range;
        Assert.True(expected.Count(v => v != lo && v != hi) > expected.Length / 5, $"test data saturates too much: {expected.Count(v => v != lo && v != hi)} of {expected.Length} inside [{lo}, {hi}], e.g. {string.Join(",", expected.Take(12))}");
        return actual;
    }

    [Theory]
    // inH inW inC fH fW fC outC strideH strideW dilH dilW padding activation perChannel
    [InlineData(7, 5, 3, 3, 3, 0, 5, 2, 2, 1, 1, Padding.Same, Activation.Relu, true)]
    [InlineData(9, 8, 4, 3, 3, 0, 6, 1, 1, 2, 2, Padding.Valid, Activation.Relu6, false)]
    [InlineData(6, 7, 2, 4, 2, 0, 3, 1, 1, 1, 1, Padding.Same, Activation.ReluN1To1, true)]
    [InlineData(5, 6, 4, 3, 3, 2, 6, 1, 2, 1, 1, Padding.Same, Activation.None, true)]
    [InlineData(8, 9, 3, 2, 3, 0, 7, 2, 3, 2, 1, Padding.Same, Activation.None, true)]
    [InlineData(1, 1, 16, 1, 1, 0, 8, 1, 1, 1, 1, Padding.Valid, Activation.None, true)]
    public void ConvS8_MatchesReference(int inH, int inW, int inC, int fH, int fW, int fC, int outC, int strideH, int strideW,
        int dilH, int dilW, Padding padding, Activation activation, bool perChannel)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            InH = inH, InW = inW, InC = inC, FH = fH, FW = fW, FC = fC, OutC = outC, StrideH = strideH, StrideW = strideW,
            DilH = dilH, DilW = dilW, Padding = padding, Activation = activation, PerChannel = perChannel, Seed = inH * 31 + outC,
        }, OpCode.ConvS8);
    }

    [Fact]
    public void ConvS8_BatchOfTwoWithoutBias()
    {
        RunAndCheck(new ConvTestModel.Options { N = 2, InH = 4, InW = 6, InC = 3, OutC = 5, BiasType = null, Seed = 5 }, OpCode.ConvS8);
    }

    [Theory]
    // 3x3x3 filters x 3 channels = 81 nibbles (odd count, last byte half used); 2x2x5 x 3 = 60.
    [InlineData(3, 3, 3, 3, 1, Padding.Same, true)]
    [InlineData(2, 2, 5, 3, 2, Padding.Valid, false)]
    [InlineData(3, 1, 3, 5, 1, Padding.Same, true)]
    // Even filters with four or more output channels take the nibble-pair path of ConvS8.Compute: 1x1x6 (runs start
    // on even elements), 3x2x3 with padding (clipped runs start on odd elements), 2x2x5 strided (odd run lengths).
    [InlineData(1, 1, 6, 9, 1, Padding.Valid, true)]
    [InlineData(3, 2, 3, 6, 1, Padding.Same, true)]
    [InlineData(2, 2, 5, 8, 2, Padding.Same, false)]
    public void ConvS4_MatchesReference(int fH, int fW, int inC, int outC, int stride, Padding padding, bool perChannel)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            InH = 6, InW = 5, InC = inC, FH = fH, FW = fW, OutC = outC, StrideH = stride, StrideW = stride, Padding = padding,
            PerChannel = perChannel, WeightType = DataType.Int4, Activation = Activation.Relu, Seed = fH * 7 + outC,
        }, OpCode.ConvS4);
    }

    [Theory]
    [InlineData(DataType.Int64, Activation.None, 1)]
    [InlineData(DataType.Int32, Activation.None, 2)]
    [InlineData(null, Activation.Relu, 1)]
    [InlineData(DataType.Int64, Activation.Relu6, 2)]
    public void ConvS16_MatchesReference(DataType? biasType, Activation activation, int stride)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            InH = 1, InW = 11, InC = 6, FH = 1, FW = 4, OutC = 5, StrideW = stride, ActivationType = DataType.Int16,
            BiasType = biasType, Activation = activation, Seed = 11 + stride,
        }, OpCode.ConvS16);
    }

    [Fact]
    public void ConvS16_Int32BiasRequantizesWithInt32Rounding()
    {
        // With an int32 bias TFLM accumulates in int32 and uses the double-rounding int32 requantization; the int64
        // one (16-bit multiplier) differs by one in some large outputs, which this many outputs is sure to show.
        RunAndCheck(new ConvTestModel.Options
        {
            InH = 4, InW = 40, InC = 8, FH = 1, FW = 3, OutC = 8, ActivationType = DataType.Int16, BiasType = DataType.Int32, Seed = 123,
        }, OpCode.ConvS16);
    }

    [Theory]
    // inH inW inC fH fW multiplier stride dil padding perChannel
    [InlineData(7, 6, 3, 3, 3, 2, 2, 1, Padding.Same, true)]
    [InlineData(9, 9, 4, 3, 3, 1, 1, 2, Padding.Valid, true)]
    [InlineData(6, 5, 5, 4, 2, 1, 1, 1, Padding.Same, false)]
    [InlineData(10, 4, 2, 10, 4, 3, 1, 1, Padding.Valid, true)]
    public void DepthwiseConvS8_MatchesReference(int inH, int inW, int inC, int fH, int fW, int multiplier, int stride, int dil,
        Padding padding, bool perChannel)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, InH = inH, InW = inW, InC = inC, FH = fH, FW = fW, FC = multiplier, StrideH = stride,
            StrideW = stride, DilH = dil, DilW = dil, Padding = padding, PerChannel = perChannel, Activation = Activation.Relu6,
            Seed = inH + 3 * multiplier,
        }, OpCode.DepthwiseConvS8);
    }

    [Theory]
    // 3x3 taps x 3 channels = 27 nibbles (odd); 3x3 x 2 channels x multiplier 2 = 36.
    [InlineData(3, 1, Padding.Same)]
    [InlineData(2, 2, Padding.Valid)]
    public void DepthwiseConvS4_MatchesReference(int inC, int multiplier, Padding padding)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, InH = 6, InW = 7, InC = inC, FH = 3, FW = 3, FC = multiplier, StrideH = 2, StrideW = 1,
            Padding = padding, WeightType = DataType.Int4, Seed = 40 + inC,
        }, OpCode.DepthwiseConvS4);
    }

    [Theory]
    [InlineData(DataType.Int64, 1)]
    [InlineData(null, 2)]
    public void DepthwiseConvS16_MatchesReference(DataType? biasType, int multiplier)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, InH = 5, InW = 6, InC = 3, FH = 3, FW = 2, FC = multiplier, ActivationType = DataType.Int16,
            BiasType = biasType, Seed = 60 + multiplier,
        }, OpCode.DepthwiseConvS16);
    }

    [Theory]
    // inH inW inC fH fW outC strideH strideW padding
    [InlineData(3, 4, 3, 3, 3, 4, 2, 2, Padding.Same)]
    [InlineData(3, 3, 2, 3, 3, 3, 2, 2, Padding.Valid)]
    [InlineData(4, 2, 5, 4, 4, 2, 2, 1, Padding.Same)]
    [InlineData(2, 5, 3, 2, 5, 3, 1, 3, Padding.Valid)]
    public void TransposeConvS8_MatchesReference(int inH, int inW, int inC, int fH, int fW, int outC, int strideH, int strideW,
        Padding padding)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Transpose, InH = inH, InW = inW, InC = inC, FH = fH, FW = fW, OutC = outC, StrideH = strideH,
            StrideW = strideW, Padding = padding, Activation = Activation.Relu, Seed = 80 + inC,
        }, OpCode.TransposeConvS8);
    }

    [Theory]
    [InlineData(DataType.Int64, Padding.Same)]
    [InlineData(DataType.Int16, Padding.Valid)]
    [InlineData(null, Padding.Same)]
    public void TransposeConvS16_MatchesReference(DataType? biasType, Padding padding)
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Transpose, InH = 1, InW = 5, InC = 6, FH = 1, FW = 4, OutC = 4, StrideW = 2, Padding = padding,
            ActivationType = DataType.Int16, BiasType = biasType, Seed = 90,
        }, OpCode.TransposeConvS16);
    }

    [Fact]
    public void DepthwiseConvS8_BatchOfTwoWithoutBias()
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, N = 2, InH = 5, InW = 4, InC = 3, FC = 2, StrideH = 2, BiasType = null, Seed = 71,
        }, OpCode.DepthwiseConvS8);
    }

    [Fact]
    public void TransposeConvS8_BatchOfTwoWithoutBias()
    {
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Transpose, N = 2, InH = 3, InW = 2, InC = 4, FH = 2, FW = 3, OutC = 3, StrideH = 2, StrideW = 2,
            BiasType = null, Seed = 72,
        }, OpCode.TransposeConvS8);
    }

    [Fact]
    public void TransposeConvS8_OutputLargerThanWindowing()
    {
        // Output 9 wide from 4 inputs at stride 2 with SAME: TFLM pads from the output size (9), not from the input.
        RunAndCheck(new ConvTestModel.Options
        {
            Kind = Kind.Transpose, InH = 4, InW = 4, InC = 2, FH = 3, FW = 3, OutC = 3, StrideH = 2, StrideW = 2,
            TransposeOutH = 9, TransposeOutW = 8, Seed = 99,
        }, OpCode.TransposeConvS8);
    }
}
