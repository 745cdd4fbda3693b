using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Tests.Kernels.Conv;
using Kind = TinyLite.Tests.Kernels.Conv.ConvTestModel.Kind;

namespace TinyLite.Tests.Native;

/// <summary>
/// The raw bias (the model's bias, without the folded input-offset term) that <c>compile --cmsis-nn</c> adds as an
/// optional fifth input to int8 CONV_2D (int8 / int4 weights) and DEPTHWISE_CONV_2D records whose windows reach into
/// the padding, so that the CMSIS-NN adapters need not rebuild it from the weights on every call: when it is added,
/// its values, and the load verdicts of both loaders when it is resized. The records stay bit-exact (native and
/// managed agree; with TINYLITE_NATIVE_LIB pointing at a CMSIS-NN build the native side reads the constant).
/// </summary>
public class CmsisNnRawBiasTests
{
    private static readonly CompileOptions Cmsis = new() { Plan = PlanStrategy.Layer, CmsisNn = true };

    public static TheoryData<Kind, DataType, bool> Padded() => new()
    {
        { Kind.Conv, DataType.Int8, true },
        { Kind.Conv, DataType.Int8, false },
        { Kind.Conv, DataType.Int4, true },
        { Kind.Depthwise, DataType.Int8, true },
        { Kind.Depthwise, DataType.Int8, false },
    };

    private static ConvTestModel Model(Kind kind, DataType weights, bool withBias, Padding padding) =>
        ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = kind, InH = 6, InW = 5, InC = 4, OutC = kind == Kind.Depthwise ? 4 : 5, FC = kind == Kind.Depthwise ? 1 : 0,
            WeightType = weights, BiasType = withBias ? DataType.Int32 : null, Padding = padding, Seed = 31,
        });

    private static KernelCall Routed(CompiledModel compiled) =>
        compiled.Calls.Single(c => c.Code is OpCode.ConvS8 or OpCode.ConvS4 or OpCode.DepthwiseConvS8 or OpCode.DepthwiseConvS4);

    // The conv and depthwise layouts put the raw bias, the folded bias and the output depth at the same indexes.
    private static int RawBiasSlot(Kind kind) => kind == Kind.Depthwise ? DepthwiseConvSlots.InRawBias : ConvSlots.InRawBias;
    private static int BiasSlot(Kind kind) => kind == Kind.Depthwise ? DepthwiseConvSlots.InBias : ConvSlots.InBias;
    private static int OutputDepth(Kind kind, KernelCall call) => call.Params[kind == Kind.Depthwise ? DepthwiseConvParams.OutputDepth : ConvParams.OutputDepth];

    [Theory]
    [MemberData(nameof(Padded))]
    public void Compile_CmsisNnPaddedWindows_AddsModelBiasAsFifthInput(Kind kind, DataType weights, bool withBias)
    {
        var model = Model(kind, weights, withBias, Padding.Same);
        var compiled = Compiler.Compile(model.Graph, Cmsis);
        var call = Routed(compiled);
        Assert.Equal(RawBiasSlot(kind) + 1, call.Inputs.Length);
        var raw = compiled.Graph.Tensors[call.Inputs[RawBiasSlot(kind)]];
        Assert.Equal(DataType.Int32, raw.Type);
        Assert.NotNull(raw.Data);
        int outC = kind == Kind.Depthwise ? 4 : 5;
        Assert.Equal(outC * 4, raw.Data!.Length);
        for (int c = 0; c < outC; c++)
        {
            long expected = withBias ? model.Bias![c] : 0;
            Assert.Equal(expected, BitConverter.ToInt32(raw.Data, 4 * c));
        }
        // The folded bias differs from it whenever the input zero point is not 0.
        if (model.Spec.InputZeroPoint != 0) Assert.NotEqual(raw.Data, compiled.Graph.Tensors[call.Inputs[BiasSlot(kind)]].Data);
    }

    [Theory]
    [InlineData(Kind.Conv, DataType.Int8)]
    [InlineData(Kind.Conv, DataType.Int4)]
    [InlineData(Kind.Depthwise, DataType.Int8)]
    public void Compile_CmsisNnValidWindows_KeepsFourInputs(Kind kind, DataType weights)
    {
        var call = Routed(Compiler.Compile(Model(kind, weights, true, Padding.Valid).Graph, Cmsis));
        Assert.Equal(RawBiasSlot(kind), call.Inputs.Length); // the inputs end before the raw bias slot
    }

    [Theory]
    [InlineData(Kind.Conv, DataType.Int8)]
    [InlineData(Kind.Conv, DataType.Int4)]
    [InlineData(Kind.Depthwise, DataType.Int8)]
    [InlineData(Kind.Depthwise, DataType.Int4)]
    public void Compile_WithoutCmsisNn_KeepsFourInputs(Kind kind, DataType weights)
    {
        var call = Routed(Compiler.Compile(Model(kind, weights, true, Padding.Same).Graph, new CompileOptions { Plan = PlanStrategy.Layer }));
        Assert.Equal(RawBiasSlot(kind), call.Inputs.Length); // the inputs end before the raw bias slot
    }

    [Theory]
    [MemberData(nameof(Padded))]
    public void ManagedLoad_ResizedRawBias_Refused(Kind kind, DataType weights, bool withBias)
    {
        var compiled = Compiler.Compile(Model(kind, weights, withBias, Padding.Same).Graph, Cmsis);
        var call = Routed(compiled);
        int outC = OutputDepth(kind, call);
        _ = new Interpreter((byte[])compiled.Image.Clone());
        var e = Assert.Throws<ImageException>(() => new Interpreter(ResizeInt32(compiled.Image, call.Inputs[RawBiasSlot(kind)], outC - 1)));
        Assert.Contains("raw bias", e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(Padded))]
    public void NativeLoad_ResizedRawBias_RefusedLikeManaged(Kind kind, DataType weights, bool withBias)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var compiled = Compiler.Compile(Model(kind, weights, withBias, Padding.Same).Graph, Cmsis);
        var call = Routed(compiled);
        Assert.Equal(NativeKernels.StatusOk, NativeLoad(compiled.Image));
        Assert.NotEqual(NativeKernels.StatusOk, NativeLoad(ResizeInt32(compiled.Image, call.Inputs[RawBiasSlot(kind)], OutputDepth(kind, call) - 1)));
    }

    [SkippableTheory]
    [MemberData(nameof(Padded))]
    public void NativeRun_RawBiasImages_MatchManagedAndReference(Kind kind, DataType weights, bool withBias)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var model = Model(kind, weights, withBias, Padding.Same);
        var compiled = Compiler.Compile(model.Graph, Cmsis);
        var (managed, native) = NativeSupport.RunBoth(compiled.Image, [model.InputBytes()], $"raw bias {kind} {weights} {withBias}");
        Assert.Equal(model.Expected(), model.Decode(managed[0]));
        Assert.Equal(managed[0], native[0]);
    }

    /// <summary>
    /// int4 DEPTHWISE_CONV_2D under --cmsis-nn: six inputs, the fifth the raw bias (SAME, windows in the padding) or
    /// -1 (VALID), the sixth the filter in TFLite's packed [f_h][f_w][out_c] order (the model's filter as built),
    /// which arm_depthwise_conv_wrapper_s4 reads; the image's input 1 stays channel-major.
    /// </summary>
    [Theory]
    [InlineData(Padding.Same)]
    [InlineData(Padding.Valid)]
    public void Compile_CmsisNnDepthwiseInt4_AddsTfliteOrderFilterAsSixthInput(Padding padding)
    {
        var model = Model(Kind.Depthwise, DataType.Int4, true, padding);
        var compiled = Compiler.Compile(model.Graph, Cmsis);
        var call = Routed(compiled);
        Assert.Equal(OpCode.DepthwiseConvS4, call.Code);
        Assert.Equal(DepthwiseConvSlots.InTfliteFilter + 1, call.Inputs.Length);
        Assert.Equal(DepthwiseConvSlots.OutScratch + 1, call.Outputs.Length);
        if (padding == Padding.Same)
        {
            var raw = compiled.Graph.Tensors[call.Inputs[DepthwiseConvSlots.InRawBias]].Data!;
            for (int c = 0; c < 4; c++) Assert.Equal(model.Bias![c], BitConverter.ToInt32(raw, 4 * c));
        }
        else
        {
            Assert.Equal(-1, call.Inputs[DepthwiseConvSlots.InRawBias]);
        }
        var tfliteOrder = compiled.Graph.Tensors[call.Inputs[DepthwiseConvSlots.InTfliteFilter]];
        Assert.Equal(DataType.Int4, tfliteOrder.Type);
        Assert.Equal(ConvTestModel.PackInt4(model.Filter), tfliteOrder.Data);
        Assert.NotEqual(tfliteOrder.Data, compiled.Graph.Tensors[call.Inputs[DepthwiseConvSlots.InFilter]].Data);
    }

    [Theory]
    [InlineData(Padding.Same)]
    [InlineData(Padding.Valid)]
    public void ManagedLoad_ResizedTfliteOrderFilter_Refused(Padding padding)
    {
        var compiled = Compiler.Compile(Model(Kind.Depthwise, DataType.Int4, true, padding).Graph, Cmsis);
        var call = Routed(compiled);
        _ = new Interpreter((byte[])compiled.Image.Clone());
        // 36 nibbles in 18 bytes; claim 34 in 17.
        var e = Assert.Throws<ImageException>(() => new Interpreter(ImageEdits.ResizeRank1(compiled.Image, call.Inputs[DepthwiseConvSlots.InTfliteFilter], 17, 17, 34)));
        Assert.Contains("TFLite order", e.Message);
    }

    [SkippableTheory]
    [InlineData(Padding.Same)]
    [InlineData(Padding.Valid)]
    public void NativeLoad_ResizedTfliteOrderFilter_RefusedLikeManaged(Padding padding)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var model = Model(Kind.Depthwise, DataType.Int4, true, padding);
        var compiled = Compiler.Compile(model.Graph, Cmsis);
        var call = Routed(compiled);
        Assert.Equal(NativeKernels.StatusOk, NativeLoad(compiled.Image));
        Assert.NotEqual(NativeKernels.StatusOk, NativeLoad(ImageEdits.ResizeRank1(compiled.Image, call.Inputs[DepthwiseConvSlots.InTfliteFilter], 17, 17, 34)));
        var (managed, native) = NativeSupport.RunBoth(compiled.Image, [model.InputBytes()], $"depthwise int4 {padding}");
        Assert.Equal(model.Expected(), model.Decode(managed[0]));
        Assert.Equal(managed[0], native[0]);
    }

    /// <summary>
    /// An int4 depthwise record whose windows reach into the padding, with its fifth input edited to -1 (as the compiler
    /// writes it for windows inside the input): both loaders accept it, and the CMSIS-NN adapter rebuilds the raw bias
    /// from the channel-major nibbles (bytes equal to the managed kernel's and the reference). A sixth input of -1 (no
    /// filter in TFLite's order) is refused by both loaders.
    /// </summary>
    [SkippableFact]
    public void NativeRun_DepthwiseInt4RawBiasRemoved_RebuildsItAndMatchesManaged()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var model = Model(Kind.Depthwise, DataType.Int4, true, Padding.Same);
        var compiled = Compiler.Compile(model.Graph, Cmsis);
        var call = Routed(compiled);
        int at = ImageEdits.FindParams(compiled.Image, call.Params);
        int rawBiasAt = InputAt(at, call, DepthwiseConvSlots.InRawBias), tfliteFilterAt = InputAt(at, call, DepthwiseConvSlots.InTfliteFilter);
        Assert.Equal(call.Inputs[DepthwiseConvSlots.InRawBias], BitConverter.ToInt32(compiled.Image, rawBiasAt));
        Assert.Equal(call.Inputs[DepthwiseConvSlots.InTfliteFilter], BitConverter.ToInt32(compiled.Image, tfliteFilterAt));
        byte[] noRawBias = EditInt32(compiled.Image, rawBiasAt, -1);
        _ = new Interpreter((byte[])noRawBias.Clone());
        Assert.Equal(NativeKernels.StatusOk, NativeLoad(noRawBias));
        var (managed, native) = NativeSupport.RunBoth(noRawBias, [model.InputBytes()], "depthwise int4 without raw bias");
        Assert.Equal(model.Expected(), model.Decode(managed[0]));
        Assert.Equal(managed[0], native[0]);

        byte[] noFilter = EditInt32(compiled.Image, tfliteFilterAt, -1);
        Assert.Throws<ImageException>(() => new Interpreter(noFilter));
        Assert.NotEqual(NativeKernels.StatusOk, NativeLoad(noFilter));
    }

    /// <summary>
    /// Byte offset in the image of input <paramref name="slot"/> of <paramref name="call"/>, whose params start at
    /// <paramref name="paramsAt"/>: a record holds its inputs, then its outputs, then its params, 4 bytes each.
    /// </summary>
    private static int InputAt(int paramsAt, KernelCall call, int slot) => paramsAt - 4 * (call.Outputs.Length + call.Inputs.Length - slot);

    private static byte[] EditInt32(byte[] original, int offset, int value)
    {
        byte[] image = (byte[])original.Clone();
        BitConverter.TryWriteBytes(image.AsSpan(offset), value);
        ImageEdits.Reseal(image);
        return image;
    }

    private static int NativeLoad(byte[] image)
    {
        int arenaBytes = BitConverter.ToInt32(image, 24);
        var text = new byte[NativeKernels.MessageBytes];
        return NativeKernels.Load(image, image.Length, new byte[arenaBytes], arenaBytes, text, text.Length);
    }

    /// <summary>
    /// A copy of <paramref name="original"/> whose rank-1 int32 tensor <paramref name="tensor"/> claims
    /// <paramref name="elements"/> elements (dimension and byte size edited, CRC recomputed; the bytes stay where they are).
    /// </summary>
    private static byte[] ResizeInt32(byte[] original, int tensor, int elements) => ImageEdits.ResizeRank1(original, tensor, 2, elements * 4, elements);
}
