using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Tests.Kernels.Conv;

namespace TinyLite.Tests.Native;

/// <summary>
/// The compiler's int16 CMSIS-NN routing (codegen's Lowering/CmsisNnInt16.cs): which records it marks as proven
/// bit-exact (a fifth input, the split requantization arrays, plus the scratch for CONV_2D / DEPTHWISE_CONV_2D),
/// the bound itself at its edges, and a weight pattern (-128 over 512 columns) that would overflow CMSIS-NN's int32
/// partial sums and so must not be marked. The shapes' bytes through the CMSIS-NN routes are compared with the
/// managed kernels in <see cref="CmsisNnRouteTests"/>.
/// </summary>
public class CmsisNnInt16Tests
{
    [Theory]
    // 32768 * 65535 = 2^31 - 32768 fits int32; 32768 * 65536 = 2^31 does not.
    [InlineData(65535L, 0L, true)]
    [InlineData(65536L, 0L, false)]
    // A bias adds to the requantized magnitude only (int64 path): still exact when small.
    [InlineData(65535L, 1L << 40, true)]
    public void Exact_Int64PathColumnBound_IsTheInt32Range(long absWeightSum, long bias, bool expected)
    {
        // Multiplier 2^30 (0.5), shift -10: the requantization bound is far from binding here.
        Assert.Equal(expected, CmsisNnInt16.Exact(absWeightSum, bias, int32Bias: false, 1 << 30, -10));
    }

    [Fact]
    public void Exact_RequantizedMagnitudeAtTheTruncationLimit_IsRefused()
    {
        // reduced multiplier = (2^30 + 2^15) >> 16 = 16384 = 2^14; shift 0: CMSIS-NN truncates v * 2^14 >> 14 = v to
        // int32 and adds 1 before its last rounding step, so |v| must stay at most 2^31 - 2.
        const int half = 1 << 30;
        long sum = 65535; // 32768 * 65535 = 2147450880
        Assert.True(CmsisNnInt16.Exact(sum, int.MaxValue - 1 - 2147450880L, false, half, 0));
        Assert.False(CmsisNnInt16.Exact(sum, int.MaxValue - 2147450880L, false, half, 0));
        // Shifts beyond 14 would make CMSIS-NN shift by a negative count.
        Assert.False(CmsisNnInt16.Exact(1, 0, false, half, 15));
    }

    [Fact]
    public void Exact_Int32BiasPath_CountsBiasAndLeftShift()
    {
        // int32 path: 32768 * sum + |bias| <= 2^31 - 1, times 2^shift for a left shift.
        // 32768 * 65534 = 2^31 - 65536.
        Assert.True(CmsisNnInt16.Exact(65534, 65535, true, 1 << 30, 0));
        Assert.False(CmsisNnInt16.Exact(65534, 65536, true, 1 << 30, 0));
        Assert.False(CmsisNnInt16.Exact(65534, -65536, true, 1 << 30, 0));
        Assert.True(CmsisNnInt16.Exact(32767, 0, true, 1 << 30, 1));
        Assert.False(CmsisNnInt16.Exact(32768, 0, true, 1 << 30, 1));
    }

    [Fact]
    public void Split_InterleavedPairs_TwoArrays()
    {
        Assert.Equal([11, 12, 13, -1, -2, -3], CmsisNnInt16.Split([11, -1, 12, -2, 13, -3]));
    }

    public static TheoryData<string, bool> Marked() => new()
    {
        { "conv_s16_3x3_same_odd_pixels", true },
        { "conv_s16_1x1_valid_stride2_int32_bias", true },
        { "conv_s16_dilated_relu_no_bias", true },
        { "conv_s16_600_columns_odd_channels", true },
        // Marked (the bound holds); the adapter leaves it to the reference kernel (DSP odd-channel left-over bug).
        { "conv_s16_601_columns_odd_channels", true },
        // Grouped: arm_convolve_s16 reads the whole input depth.
        { "conv_s16_grouped", false },
        { "depthwise_s16_3x3_same", true },
        { "depthwise_s16_5x5_valid_stride2_odd_channels", true },
        { "depthwise_s16_multiplier2_no_bias", true },
        { "depthwise_s16_dilated_relu6", true },
        { "fc_s16_per_tensor", true },
        { "fc_s16_600_columns_odd_rows", true },
        // arm_fully_connected_s16 takes one requantization pair and int64 bias only.
        { "fc_s16_per_channel", false },
        { "fc_s16_int32_bias", false },
    };

    /// <summary>The slot of the split requantization arrays that mark an int16 record for CMSIS-NN.</summary>
    private static int CmsisMultipliersSlot(KernelCall call) => call.Code switch
    {
        OpCode.ConvS16 => ConvS16Slots.InCmsisMultipliers,
        OpCode.DepthwiseConvS16 => DepthwiseConvS16Slots.InCmsisMultipliers,
        OpCode.FullyConnectedS16 => FullyConnectedS16Slots.InCmsisMultipliers,
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Code, "not an int16 record CMSIS-NN routes"),
    };

    /// <summary>The slot of the CMSIS-NN scratch of an int16 convolution.</summary>
    private static int ScratchSlot(KernelCall call) => call.Code switch
    {
        OpCode.ConvS16 => ConvS16Slots.OutScratch,
        OpCode.DepthwiseConvS16 => DepthwiseConvS16Slots.OutScratch,
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Code, "not an int16 convolution"),
    };

    [Theory]
    [MemberData(nameof(Marked))]
    public void Compile_Int16RecordUnderCmsisNn_MarkedExactlyWhenProven(string name, bool marked)
    {
        var graph = RouteModel(name);
        var call = Compiler.Compile(graph, new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true }).Calls.Single();
        bool dense = call.Code == OpCode.FullyConnectedS16;
        // Unmarked, the inputs end before the split arrays' slot.
        Assert.Equal(marked ? CmsisMultipliersSlot(call) + 1 : CmsisMultipliersSlot(call), call.Inputs.Length);
        Assert.Equal(marked && !dense ? ScratchSlot(call) + 1 : 1, call.Outputs.Length);
        var plain = Compiler.Compile(RouteModel(name), new CompileOptions { Plan = PlanStrategy.Layer }).Calls.Single();
        Assert.Equal(CmsisMultipliersSlot(plain), plain.Inputs.Length);
        Assert.Single(plain.Outputs);
    }

    /// <summary>
    /// A 1x1 int16 CONV_2D over 512 input channels: with one channel's weights all -128, the most negative input
    /// gives 512 products of 2^22, a sum of 2^31, which wraps in CMSIS-NN's int32 accumulation (its portable build
    /// sums every column of the odd left-over pixel in int32), so the compiler must not mark the record; with -127
    /// the same sum is 2^31 - 2^24 and the record is marked. Either way the native bytes equal the managed ones.
    /// </summary>
    [SkippableTheory]
    [InlineData(-128, false)]
    [InlineData(-127, true)]
    public void Compile_WeightMinus128Over512Columns_NotMarkedAndExact(int weight, bool marked)
    {
        var graph = Minus128Conv(weight);
        var compiled = Compiler.Compile(graph, new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true });
        Assert.Equal(marked ? ConvS16Slots.InCmsisMultipliers + 1 : ConvS16Slots.InCmsisMultipliers, compiled.Calls.Single().Inputs.Length);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var extreme = new byte[3 * 512 * 2];
        for (int i = 0; i < extreme.Length; i += 2) extreme[i + 1] = 0x80; // -32768
        foreach (var inputs in new[] { new[] { extreme }, NativeSupport.RandomInputs(compiled.Image, 5) })
        {
            var (managed, native) = NativeSupport.RunBoth(compiled.Image, inputs, $"weight {weight}");
            ByteAssert.Equal(managed[0], native[0], $"weight {weight}");
        }
        // The extreme input saturates channel 0 at the top of the range (-32768 * w > 0): the managed kernel is TFLM's.
        var (m, _) = NativeSupport.RunBoth(compiled.Image, [extreme], "extreme");
        Assert.Equal(32767, BitConverter.ToInt16(m[0], 0));
    }

    public static TheoryData<string, long> ScratchShapes() => new()
    {
        // Worked out by hand. CONV 3x3, inC 3: im2col of 2 columns * 27 int16 = 108.
        { "conv_s16_3x3_same_odd_pixels", 108 },
        // DEPTHWISE 3x3, 6 channels: filter 54 -> 56 bytes + fast kernel's 6 * 9 int16 = 56 + 108.
        { "depthwise_s16_3x3_same", 164 },
        // DEPTHWISE 3x3, multiplier 2 (3 -> 6 channels): filter 54 -> 56, generic kernel: no buffer.
        { "depthwise_s16_multiplier2_no_bias", 56 },
    };

    private static (CompiledModel Model, int Scratch) CompileScratch(string name)
    {
        var compiled = Compiler.Compile(RouteModel(name), new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true });
        var call = compiled.Calls.Single();
        Assert.Equal(ScratchSlot(call) + 1, call.Outputs.Length);
        return (compiled, call.Outputs[ScratchSlot(call)]);
    }

    [Theory]
    [MemberData(nameof(ScratchShapes))]
    public void Compile_Int16CmsisNn_ReservesScratchOfExpectedSize(string name, long expected)
    {
        var (compiled, scratch) = CompileScratch(name);
        Assert.Equal(expected, compiled.Graph.Tensors[scratch].ByteSize);
    }

    [Theory]
    [MemberData(nameof(ScratchShapes))]
    public void ManagedLoad_ShrunkInt16CmsisNnScratch_Refused(string name, long expected)
    {
        var (compiled, scratch) = CompileScratch(name);
        _ = new TinyLite.Runtime.Interpreter((byte[])compiled.Image.Clone());
        var e = Assert.Throws<TinyLite.Runtime.Image.ImageException>(() =>
            new TinyLite.Runtime.Interpreter(CmsisNnScratchTests.Resize(compiled.Image, scratch, (int)expected - 4)));
        Assert.Contains("CMSIS-NN scratch", e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(ScratchShapes))]
    public void NativeLoad_ShrunkInt16CmsisNnScratch_RefusedLikeManaged(string name, long expected)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var (compiled, scratch) = CompileScratch(name);
        Assert.Equal(NativeKernels.StatusOk, CmsisNnScratchTests.NativeLoad(compiled.Image, out _));
        Assert.NotEqual(NativeKernels.StatusOk, CmsisNnScratchTests.NativeLoad(CmsisNnScratchTests.Resize(compiled.Image, scratch, (int)expected - 4), out _));
    }

    /// <summary>
    /// The marker input must hold exactly (conv, depthwise) or at least (fully connected, like its other inputs) the
    /// split table: both loaders refuse the record when it is one int32 short.
    /// </summary>
    [SkippableTheory]
    [InlineData("conv_s16_3x3_same_odd_pixels")]
    [InlineData("depthwise_s16_3x3_same")]
    [InlineData("fc_s16_per_tensor")]
    public void Load_ShortCmsisNnQuantArrays_RefusedByBothLoaders(string name)
    {
        var compiled = Compiler.Compile(RouteModel(name), new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true });
        var call = compiled.Calls.Single();
        int marker = call.Inputs[CmsisMultipliersSlot(call)];
        int record = ImageEdits.TensorRecord(compiled.Image, marker);
        // docs/FORMAT.md: byte size at +8, first dimension at +12.
        int count = BitConverter.ToInt32(compiled.Image, record + 12);
        Assert.Equal(count * 4, BitConverter.ToInt32(compiled.Image, record + 8));
        // One int32 short; ResizeRank1 also asserts the record is int32 (type 2) and rank 1.
        byte[] image = ImageEdits.ResizeRank1(compiled.Image, marker, 2, (count - 1) * 4, count - 1);
        _ = new TinyLite.Runtime.Interpreter((byte[])compiled.Image.Clone());
        var e = Assert.Throws<TinyLite.Runtime.Image.ImageException>(() => new TinyLite.Runtime.Interpreter(image));
        Assert.Contains("CMSIS-NN requantization arrays", e.Message);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        Assert.Equal(NativeKernels.StatusOk, CmsisNnScratchTests.NativeLoad(compiled.Image, out _));
        Assert.NotEqual(NativeKernels.StatusOk, CmsisNnScratchTests.NativeLoad(image, out _));
    }

    private static Graph Minus128Conv(int weight)
    {
        const int depth = 512, outC = 3;
        var w = new sbyte[outC * depth];
        var rng = new Random(7);
        for (int i = 0; i < w.Length; i++) w[i] = i < depth ? (sbyte)weight : (sbyte)rng.Next(-20, 21);
        var b = new GraphBuilder("conv_s16_minus128.tflite");
        int x = b.AddInput("x", DataType.Int16, [1, 1, 3, depth], 0.001f, 0);
        int f = b.AddConstantInt8("w", [outC, 1, 1, depth], w, [0.00001f, 0.00001f, 0.00001f]);
        int bias = b.AddConstantInt64("b", [outC], [5, -7, 9], new Quantization([1e-8f, 1e-8f, 1e-8f], [0, 0, 0], 0));
        int y = b.AddTensor("y", DataType.Int16, [1, 1, 3, outC], 0.0005f, 0);
        b.AddOperator(BuiltinOperator.Conv2D, [x, f, bias], [y], new Conv2DOptions(Padding.Valid, 1, 1, Activation.None, 1, 1))
            .MarkOutput(y);
        return b.Build();
    }

    private static Graph RouteModel(string name) => CmsisNnRouteTests.Model(name);
}
