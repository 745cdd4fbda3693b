using TinyLite.Runtime.Kernels.Float;

namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// The float kernels on hand-worked cases (values chosen so that every sum is exact or its rounding is worked out
/// here) and the load-time refusals of each Validate.
/// </summary>
public class FloatKernelTests
{
    private static int Bits(float v) => BitConverter.SingleToInt32Bits(v);

    /// <summary>A context with one buffer per tensor holding <paramref name="tensors"/> (floats) and an output.</summary>
    private static KernelContext Context(params float[][] tensors)
    {
        var buffers = tensors.Select(FloatTestModels.Bytes).ToArray();
        return new KernelContext(buffers, new int[buffers.Length], buffers.Select(b => b.Length).ToArray(),
            buffers.Select(_ => TensorType.Float32).ToArray());
    }

    private static float[] Floats(KernelContext ctx, int t) =>
        Enumerable.Range(0, ctx.ByteSize(t) / 4).Select(i => BitConverter.ToSingle(ctx.Buffer(t), 4 * i)).ToArray();

    private static int[] ConvParams(int inH = 3, int inW = 3, int inC = 1, int fH = 2, int fW = 2, int fC = 1, int outH = 2,
        int outW = 2, int outC = 1, int stride = 1, int pad = 0, float min = float.MinValue, float max = float.MaxValue) =>
        KernelParams.ConvF32(batches: 1, inputHeight: inH, inputWidth: inW, inputDepth: inC, filterHeight: fH,
            filterWidth: fW, filterDepth: fC, outputHeight: outH, outputWidth: outW, outputDepth: outC,
            strideHeight: stride, strideWidth: stride, dilationHeight: 1, dilationWidth: 1, paddingTop: pad,
            paddingLeft: pad, activationMin: Bits(min), activationMax: Bits(max));

    [Fact]
    public void ConvF32_HandWorked2x2OverA3x3Image()
    {
        // Input 1..9 row-major, filter [[1, 0.5], [-1, 2]], bias 0.25: out(0,0) = 1 + 1 - 4 + 10 + 0.25 = 8.25.
        var ctx = Context([1, 2, 3, 4, 5, 6, 7, 8, 9], [1f, 0.5f, -1f, 2f], [0.25f], new float[4]);
        var op = new OpRecord { Code = OpCode.ConvF32, Inputs = [0, 1, 2], Outputs = [3], Params = ConvParams() };
        Assert.Null(ConvF32.Validate(ctx, op));
        ConvF32.Run(ctx, op);
        Assert.Equal([8.25f, 10.75f, 15.75f, 18.25f], Floats(ctx, 3));
    }

    [Fact]
    public void ConvF32_PaddingTapsSkippedAndActivationClamps()
    {
        // SAME-style padding 1 on a 2x2 image with a 3x3 all-ones filter: each output sums the whole image (10),
        // clamped to [0, 6] (RELU6).
        var ctx = Context([1, 2, 3, 4], Enumerable.Repeat(1f, 9).ToArray(), [0f], new float[4]);
        var op = new OpRecord
        {
            Code = OpCode.ConvF32, Inputs = [0, 1, 2], Outputs = [3],
            Params = ConvParams(inH: 2, inW: 2, fH: 3, fW: 3, pad: 1, min: 0f, max: 6f)
        };
        Assert.Null(ConvF32.Validate(ctx, op));
        ConvF32.Run(ctx, op);
        Assert.Equal([6f, 6f, 6f, 6f], Floats(ctx, 3));
    }

    [Fact]
    public void FullyConnectedF32_SumsInDepthOrder()
    {
        // 1e8 + 1 - 1e8 in float, in order: (0 + 1e8) + 1 = 1e8 (1 is lost), - 1e8 = 0; then + bias 0.5.
        var ctx = Context([1e8f, 1f, -1e8f], [1f, 1f, 1f], [0.5f], new float[1]);
        var op = new OpRecord
        {
            Code = OpCode.FullyConnectedF32, Inputs = [0, 1, 2], Outputs = [3],
            Params = KernelParams.FullyConnectedF32(batches: 1, inputDepth: 3, outputDepth: 1,
                activationMin: Bits(float.MinValue), activationMax: Bits(float.MaxValue))
        };
        Assert.Null(FullyConnectedF32.Validate(ctx, op));
        FullyConnectedF32.Run(ctx, op);
        Assert.Equal([0.5f], Floats(ctx, 3));
    }

    [Fact]
    public void AverageAndMaxPoolF32_ClampWindowsToTheInput()
    {
        // 3x3 image 1..9, 2x2 windows at stride 2 with padding 0: windows {1,2,4,5}, {3,6}, {7,8}, {9}.
        int[] p = KernelParams.PoolF32(batches: 1, inputHeight: 3, inputWidth: 3, depth: 1, outputHeight: 2,
            outputWidth: 2, strideHeight: 2, strideWidth: 2, filterHeight: 2, filterWidth: 2, paddingTop: 0,
            paddingLeft: 0, activationMin: Bits(float.MinValue), activationMax: Bits(float.MaxValue));
        var ctx = Context([1, 2, 3, 4, 5, 6, 7, 8, 9], new float[4]);
        var avg = new OpRecord { Code = OpCode.AveragePoolF32, Inputs = [0], Outputs = [1], Params = p };
        Assert.Null(PoolF32.ValidateAveragePoolF32(ctx, avg));
        PoolF32.RunAveragePoolF32(ctx, avg);
        Assert.Equal([3f, 4.5f, 7.5f, 9f], Floats(ctx, 1));
        PoolF32.RunMaxPoolF32(ctx, avg);
        Assert.Equal([5f, 6f, 8f, 9f], Floats(ctx, 1));
    }

    [Fact]
    public void MeanF32_ReducesTheMaskedAxes()
    {
        // [1, 2, 3] over axis 1 (mask bit 2 of the padded dims [1, 1, 2, 3]): column means 2.5, 3.5, 4.5.
        var ctx = Context([1, 2, 3, 4, 5, 6], new float[3]);
        var op = new OpRecord
        {
            Code = OpCode.MeanF32, Inputs = [0], Outputs = [1],
            Params = KernelParams.MeanF32(dims: [1, 1, 2, 3], axesMask: 4)
        };
        Assert.Null(MeanF32.Validate(ctx, op));
        MeanF32.Run(ctx, op);
        Assert.Equal([2.5f, 3.5f, 4.5f], Floats(ctx, 1));
    }

    [Fact]
    public void SoftmaxF32_EqualInputsGiveEqualShares()
    {
        var ctx = Context([3, 3, 3, 3], new float[4]);
        var op = new OpRecord
        {
            Code = OpCode.SoftmaxF32, Inputs = [0], Outputs = [1],
            Params = KernelParams.SoftmaxF32(rows: 1, depth: 4, beta: Bits(1f))
        };
        Assert.Null(SoftmaxF32.Validate(ctx, op));
        SoftmaxF32.Run(ctx, op);
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], Floats(ctx, 1));
    }

    [Fact]
    public void LogisticF32_FollowsTflmsCutoffs()
    {
        // Above 16.619047: exactly 1; at 0: 1 / (1 + 1) = 0.5.
        var ctx = Context([17f, 0f], new float[2]);
        var op = new OpRecord { Code = OpCode.LogisticF32, Inputs = [0], Outputs = [1], Params = KernelParams.ActivationF32(count: 2) };
        Assert.Null(ActivationF32.ValidateLogisticF32(ctx, op));
        ActivationF32.RunLogisticF32(ctx, op);
        Assert.Equal([1f, 0.5f], Floats(ctx, 1));
    }

    public static IEnumerable<object[]> BadConvParams() =>
    [
        [ConvParams(fC: 2)],                                  // filter depth does not divide the input depth
        [ConvParams(inH: 4)],                                 // input larger than its tensor
        [ConvParams(outC: 2)],                                // filter, bias and output too small
        [ConvParams(stride: 0)],                              // zero stride
        [ConvParams(pad: -1)],                                // negative padding
        [ConvParams(min: 1f, max: 0f)],                       // empty activation range
        [ConvParams(min: float.NaN)],                         // NaN activation bound
        [ConvParams()[..^1]],                                 // a param short
    ];

    [Theory]
    [MemberData(nameof(BadConvParams))]
    public void ConvF32Validate_RefusesInconsistentRecords(int[] p)
    {
        var ctx = Context(new float[9], new float[4], new float[1], new float[4]);
        Assert.NotNull(ConvF32.Validate(ctx, new OpRecord { Code = OpCode.ConvF32, Inputs = [0, 1, 2], Outputs = [3], Params = p }));
    }

    [Fact]
    public void FloatValidate_RefusesNonFloatTensorsAndOverlappingMeanOutput()
    {
        var buffers = new[] { new byte[36], new byte[16], new byte[4], new byte[16] };
        var ints = new KernelContext(buffers, new int[4], [36, 16, 4, 16], [TensorType.Int32, TensorType.Float32, TensorType.Float32, TensorType.Float32]);
        Assert.NotNull(ConvF32.Validate(ints, new OpRecord { Code = OpCode.ConvF32, Inputs = [0, 1, 2], Outputs = [3], Params = ConvParams() }));

        // MEAN keeps running sums in its output: the output may not share the input's bytes.
        var shared = new byte[24];
        var overlap = new KernelContext([shared, shared], [0, 8], [24, 12], [TensorType.Float32, TensorType.Float32]);
        Assert.NotNull(MeanF32.Validate(overlap, new OpRecord
        {
            Code = OpCode.MeanF32, Inputs = [0], Outputs = [1],
            Params = KernelParams.MeanF32(dims: [1, 1, 2, 3], axesMask: 4)
        }));
    }

    [Fact]
    public void FloatConvLowering_RefusesMixedDtypes()
    {
        var b = new GraphBuilder("mixed.tflite");
        int x = b.AddInput("x", DataType.Float32, [1, 3, 3, 1]);
        int w = b.AddConstantInt8("w", [1, 2, 2, 1], [1, 2, 3, 4], [0.1f]);
        int y = b.AddTensor("y", DataType.Float32, [1, 2, 2, 1]);
        b.AddOperator(BuiltinOperator.Conv2D, [x, w, -1], [y], new Conv2DOptions(Padding.Valid, 1, 1, Activation.None, 1, 1)).MarkOutput(y);
        var e = Assert.Throws<TinyLite.Codegen.CompileException>(() => TinyLite.Codegen.Compiler.Compile(b.Build()));
        Assert.Contains("FLOAT32", e.Message);
    }

    [SkippableFact]
    public void KernelDispatch_RefusesACodeInAGapOfTheFamilyNumbers()
    {
        // The Float family took number 6 while 5 is reserved for a family built elsewhere; a code of an unnamed
        // number is unknown (not "family  is not registered").
        int gap = Enumerable.Range(1, KernelFamilies.Slots - 1).FirstOrDefault(n => KernelFamilies.Name(n) == null);
        Skip.If(gap == 0, "the family numbers have no gap");
        var ctx = Context(new float[1], new float[1]);
        string? error = KernelDispatch.Validate(ctx, new OpRecord { Code = gap * OpCode.FamilyRange, Inputs = [0], Outputs = [1], Params = [1] });
        Assert.Equal("unknown kernel code " + gap * OpCode.FamilyRange, error);
    }
}
