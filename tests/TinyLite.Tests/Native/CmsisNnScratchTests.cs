using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Tests.Kernels.Conv;
using Kind = TinyLite.Tests.Kernels.Conv.ConvTestModel.Kind;

namespace TinyLite.Tests.Native;

/// <summary>
/// The CMSIS-NN scratch that <c>compile --cmsis-nn</c> gives int8 CONV_2D / DEPTHWISE_CONV_2D (int8 or int4 weights) / AVERAGE_POOL_2D (their second output):
/// its size, and the load verdicts of the managed and the native loaders on images whose scratch was shrunk. Both
/// loaders must refuse a scratch smaller than the compiler reserves, whichever native build is loaded (with or
/// without the CMSIS-NN backend).
/// </summary>
public class CmsisNnScratchTests
{
    private static readonly CompileOptions Cmsis = new() { Plan = PlanStrategy.Layer, CmsisNn = true };

    public static TheoryData<Kind, int, int, int, int, int, long> Shapes() => new()
    {
        // Kind.Conv with fc = -1 below means int4 weights (arm_convolve_wrapper_s4's buffer, no 4-alignment):
        // CONV int4 3x3 SAME, inC 3, outC 4: 12*4 + 2 columns * 27 int16 = 48 + 108.
        { Kind.Conv, 3, 4, 3, 3, -1, 156 },
        // CONV int4 1x1, inC 8, outC 6: 12*6, no buffer.
        { Kind.Conv, 8, 6, 1, 1, -1, 72 },
        // kind, inC, outC, fH, fW, multiplier/filter depth (0 = default), expected scratch bytes (worked out by hand):
        // CONV 3x3 SAME, inC 3, outC 4: 12*4 + im2col 2 columns * align4(3*3*3 = 27 -> 28) int16 = 48 + 112.
        { Kind.Conv, 3, 4, 3, 3, 0, 160 },
        // CONV 1x1 unit stride, inC 8, outC 6: 12*6 + 2*8 int16 = 72 + 32.
        { Kind.Conv, 8, 6, 1, 1, 0, 104 },
        // DEPTHWISE 3x3 SAME (padding 1), 4 channels: 12*4 + filter 36 bytes, no buffer (CMSIS-NN's 3x3 kernel).
        { Kind.Depthwise, 4, 4, 3, 3, 1, 84 },
        // DEPTHWISE 5x5 SAME (padding 2), 4 channels: 12*4 + filter 100 + 4*25 int16 = 48 + 100 + 200.
        { Kind.Depthwise, 4, 4, 5, 5, 1, 348 },
        // DEPTHWISE 3x3, multiplier 2 (2 -> 4 channels): 12*4 + filter 36, no buffer (generic kernel).
        { Kind.Depthwise, 2, 4, 3, 3, 2, 84 },
        // Kind.Depthwise with fc = -m means int4 weights, multiplier m (arm_depthwise_conv_wrapper_s4; the filter in
        // TFLite's order is a constant input, not scratch):
        // DEPTHWISE int4 3x3, 4 channels: 12*4 + arm_depthwise_conv_s4_opt's im2col 4*9 int16 = 48 + 72.
        { Kind.Depthwise, 4, 4, 3, 3, -1, 120 },
        // DEPTHWISE int4 5x5, 5 channels: 12*5 + 5*25 int16 = 60 + 250.
        { Kind.Depthwise, 5, 5, 5, 5, -1, 310 },
        // DEPTHWISE int4 3x3, multiplier 2 (2 -> 4 channels): 12*4, no buffer (generic kernel).
        { Kind.Depthwise, 2, 4, 3, 3, -2, 48 },
    };

    private static (CompiledModel Model, int Scratch) Compile(Kind kind, int inC, int outC, int fH, int fW, int fc)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = kind, InH = 6, InW = 6, InC = inC, OutC = outC, FH = fH, FW = fW,
            FC = kind == Kind.Depthwise && fc < 0 ? -fc : Math.Max(fc, 0),
            WeightType = fc < 0 ? DataType.Int4 : DataType.Int8,
        });
        var compiled = Compiler.Compile(model.Graph, Cmsis);
        var call = compiled.Calls.Single(c => c.Code is OpCode.ConvS8 or OpCode.ConvS4 or OpCode.DepthwiseConvS8 or OpCode.DepthwiseConvS4);
        int slot = kind == Kind.Depthwise ? DepthwiseConvSlots.OutScratch : ConvSlots.OutScratch;
        Assert.Equal(slot + 1, call.Outputs.Length);
        return (compiled, call.Outputs[slot]);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Compile_CmsisNn_ReservesScratchOfExpectedSize(Kind kind, int inC, int outC, int fH, int fW, int fc, long expected)
    {
        var (compiled, scratch) = Compile(kind, inC, outC, fH, fW, fc);
        Assert.Equal(expected, compiled.Graph.Tensors[scratch].ByteSize);
        Assert.Equal(DataType.Int8, compiled.Graph.Tensors[scratch].Type);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ManagedLoad_ShrunkCmsisNnScratch_Refused(Kind kind, int inC, int outC, int fH, int fW, int fc, long expected)
    {
        var (compiled, scratch) = Compile(kind, inC, outC, fH, fW, fc);
        _ = new Interpreter((byte[])compiled.Image.Clone());
        byte[] shrunk = Resize(compiled.Image, scratch, (int)expected - 4);
        var e = Assert.Throws<ImageException>(() => new Interpreter(shrunk));
        Assert.Contains("CMSIS-NN scratch", e.Message);
        // Larger than reserved is accepted (the native CMSIS-NN adapter asks only for at least its size).
        if (FitsGrown(compiled.Image, scratch, (int)expected + 4)) _ = new Interpreter(Resize(compiled.Image, scratch, (int)expected + 4));
    }

    [SkippableTheory]
    [MemberData(nameof(Shapes))]
    public void NativeLoad_ShrunkCmsisNnScratch_RefusedLikeManaged(Kind kind, int inC, int outC, int fH, int fW, int fc, long expected)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var (compiled, scratch) = Compile(kind, inC, outC, fH, fW, fc);
        Assert.Equal(NativeKernels.StatusOk, NativeLoad(compiled.Image, out string message));
        Assert.NotEqual(NativeKernels.StatusOk, NativeLoad(Resize(compiled.Image, scratch, (int)expected - 4), out message));
        if (FitsGrown(compiled.Image, scratch, (int)expected + 4))
            Assert.Equal(NativeKernels.StatusOk, NativeLoad(Resize(compiled.Image, scratch, (int)expected + 4), out message));
    }

    [SkippableFact]
    public void NativeRun_CmsisNnImages_MatchManaged()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        foreach (var row in Shapes())
        {
            var (compiled, _) = Compile((Kind)row[0], (int)row[1], (int)row[2], (int)row[3], (int)row[4], (int)row[5]);
            var input = new byte[compiled.Graph.Tensors[compiled.Graph.Inputs[0]].ByteSize];
            new Random(7).NextBytes(input);
            var (m, n) = NativeSupport.RunBoth(compiled.Image, [input], "cmsis scratch " + string.Join(",", row));
            Assert.Equal(m[0], n[0]);
        }
    }

    /// <summary>An int8 AVERAGE_POOL_2D, 3x3 SAME over [1, 6, 5, 7], compiled with --cmsis-nn, and its scratch tensor.</summary>
    private static (CompiledModel Model, int Scratch) AveragePool()
    {
        var b = new GraphBuilder("avgpool_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 6, 5, 7], 0.05f, 2);
        int y = b.AddTensor("y", DataType.Int8, [1, 6, 5, 7], 0.05f, 2);
        b.AddOperator(BuiltinOperator.AveragePool2D, [x], [y], new Pool2DOptions(Padding.Same, 1, 1, 3, 3, Activation.None)).MarkOutput(y);
        var compiled = Compiler.Compile(b.Build(), Cmsis);
        var call = compiled.Calls.Single();
        Assert.Equal(OpCode.AveragePoolS8, call.Code);
        Assert.Equal(PoolSlots.OutScratch + 1, call.Outputs.Length);
        return (compiled, call.Outputs[PoolSlots.OutScratch]);
    }

    [Fact]
    public void ManagedLoad_AveragePoolShrunkCmsisNnScratch_Refused()
    {
        var (compiled, scratch) = AveragePool();
        // arm_avgpool_s8's DSP buffer: one int32 per channel, 7 channels.
        Assert.Equal(28, compiled.Graph.Tensors[scratch].ByteSize);
        _ = new Interpreter((byte[])compiled.Image.Clone());
        var e = Assert.Throws<ImageException>(() => new Interpreter(Resize(compiled.Image, scratch, 24)));
        Assert.Contains("CMSIS-NN scratch", e.Message);
    }

    [SkippableFact]
    public void NativeLoad_AveragePoolShrunkCmsisNnScratch_RefusedLikeManaged()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var (compiled, scratch) = AveragePool();
        Assert.Equal(NativeKernels.StatusOk, NativeLoad(compiled.Image, out string message));
        Assert.NotEqual(NativeKernels.StatusOk, NativeLoad(Resize(compiled.Image, scratch, 24), out message));
        var input = new byte[7 * 30];
        new Random(3).NextBytes(input);
        var (m, n) = NativeSupport.RunBoth(compiled.Image, [input], "average pool --cmsis-nn");
        Assert.Equal(m[0], n[0]);
    }

    internal static int NativeLoad(byte[] image, out string message)
    {
        int arenaBytes = BitConverter.ToInt32(image, 24);
        var text = new byte[NativeKernels.MessageBytes];
        int status = NativeKernels.Load(image, image.Length, new byte[arenaBytes], arenaBytes, text, text.Length);
        message = NativeKernels.MessageText(text);
        return status;
    }

    /// <summary>True when tensor <paramref name="tensor"/> (an arena tensor) with <paramref name="bytes"/> bytes still ends inside the arena.</summary>
    private static bool FitsGrown(byte[] image, int tensor, int bytes)
    {
        int record = ImageEdits.TensorRecord(image, tensor);
        return (long)BitConverter.ToInt32(image, record + 4) + bytes <= BitConverter.ToInt32(image, 24);
    }

    /// <summary>
    /// A copy of <paramref name="image"/> whose tensor <paramref name="tensor"/> (a rank-1 int8 arena tensor) has
    /// <paramref name="bytes"/> bytes (dimension and byte size edited, CRC recomputed). Growing it stays inside
    /// the arena only when the tensor is not at its end (see FitsGrown).
    /// </summary>
    internal static byte[] Resize(byte[] original, int tensor, int bytes) => ImageEdits.ResizeRank1(original, tensor, 9, bytes, bytes);
}
