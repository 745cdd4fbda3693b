using TinyLite.Runtime.Kernels.Conv;
using Kind = TinyLite.Tests.Kernels.Conv.ConvTestModel.Kind;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>Compile-time rejections of the Conv lowerings and load-time rejections of the Conv kernels.</summary>
public class ConvErrorTests
{
    private static CompileException LowerFails(Graph graph)
    {
        var op = graph.Operators.Single();
        var lowering = LoweringRegistry.Default.Find(op.Op)!;
        return Assert.Throws<CompileException>(() => lowering.Lower(new LoweringContext(graph, op)));
    }

    [Fact]
    public void Lower_FloatConvRejectedNamingDtypes()
    {
        var g = new GraphBuilder("float_conv.tflite");
        int x = g.AddInput("x", DataType.Float32, [1, 4, 4, 2]);
        int w = g.Add("w", DataType.Float32, [3, 1, 1, 2], null, new byte[24]);
        int y = g.AddTensor("y", DataType.Float32, [1, 4, 4, 3]);
        g.MarkOutput(y).AddOperator(BuiltinOperator.Conv2D, [x, w], [y], new Conv2DOptions(Padding.Same, 1, 1, Activation.None, 1, 1));
        var e = LowerFails(g.Build());
        Assert.Contains("float_conv.tflite: operator 0 (CONV_2D", e.Message);
        Assert.Contains("unsupported dtypes input FLOAT32, filter FLOAT32, output FLOAT32", e.Message);
    }

    [Fact]
    public void Lower_Int16DepthwiseWithInt32BiasRejected()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = Kind.Depthwise, ActivationType = DataType.Int16, BiasType = DataType.Int32,
        });
        var e = LowerFails(model.Graph);
        Assert.Contains("bias type INT32 is not supported with INT16 activations", e.Message);
    }

    [Fact]
    public void Lower_TransposeConvWithInt4WeightsRejected()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Kind = Kind.Transpose, WeightType = DataType.Int4 });
        var e = LowerFails(model.Graph);
        Assert.Contains("unsupported dtypes input INT8, filter INT4, output INT8", e.Message);
    }

    [Fact]
    public void Lower_FusedTanhRejected()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Activation = Activation.Tanh });
        var e = LowerFails(model.Graph);
        Assert.Contains("fused activation Tanh is not supported", e.Message);
    }

    [Fact]
    public void Lower_DepthMultiplierInconsistentWithShapesRejected()
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Kind = Kind.Depthwise, InC = 3, FC = 2 });
        var op = model.Graph.Operators[0];
        var broken = new Graph
        {
            Source = model.Graph.Source, Tensors = model.Graph.Tensors, Inputs = model.Graph.Inputs, Outputs = model.Graph.Outputs,
            Operators = [new Operator
            {
                Index = 0, Op = op.Op, Inputs = op.Inputs, Outputs = op.Outputs,
                Options = (DepthwiseConv2DOptions)op.Options! with { DepthMultiplier = 3 },
            }],
        };
        var e = LowerFails(broken);
        Assert.Contains("output depth 6 is not input depth 3 x depth multiplier 3", e.Message);
    }

    [Theory]
    [InlineData(1e30f)]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    public void Lower_UnusableOutputScaleRejected(float filterScale)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options { Kind = Kind.Depthwise, PerChannel = false });
        var filter = model.Graph.Tensors[model.Graph.Operators[0].Inputs[1]];
        model.Graph.Tensors[filter.Index] = new Tensor
        {
            Index = filter.Index, Name = filter.Name, Type = filter.Type, Shape = filter.Shape, Data = filter.Data,
            Quantization = filter.Quantization! with { Scales = [filterScale] },
        };
        var e = LowerFails(model.Graph);
        Assert.Contains("channel 0: effective scale", e.Message);
    }

    public static TheoryData<Kind, DataType, DataType> Kernels => new()
    {
        { Kind.Conv, DataType.Int8, DataType.Int8 },
        { Kind.Conv, DataType.Int8, DataType.Int4 },
        { Kind.Conv, DataType.Int16, DataType.Int8 },
        { Kind.Depthwise, DataType.Int8, DataType.Int8 },
        { Kind.Depthwise, DataType.Int8, DataType.Int4 },
        { Kind.Depthwise, DataType.Int16, DataType.Int8 },
        { Kind.Transpose, DataType.Int8, DataType.Int8 },
        { Kind.Transpose, DataType.Int16, DataType.Int8 },
    };

    /// <summary>Params indexes of the kind's layout: stride height, activation min and max, dilation height (-1: none), and the first index after the dimensions.</summary>
    private static (int StrideHeight, int ActivationMin, int ActivationMax, int DilationHeight, int DimensionsEnd) Indexes(Kind kind) => kind switch
    {
        Kind.Conv => (ConvParams.StrideHeight, ConvParams.ActivationMin, ConvParams.ActivationMax, ConvParams.DilationHeight,
            ConvParams.OutputDepth + 1),
        Kind.Depthwise => (DepthwiseConvParams.StrideHeight, DepthwiseConvParams.ActivationMin, DepthwiseConvParams.ActivationMax,
            DepthwiseConvParams.DilationHeight, DepthwiseConvParams.OutputDepth + 1),
        _ => (TransposeConvParams.StrideHeight, TransposeConvParams.ActivationMin, TransposeConvParams.ActivationMax, -1,
            TransposeConvParams.OutputDepth + 1),
    };

    /// <summary>A copy of <paramref name="slots"/> with <paramref name="slot"/> set to <paramref name="tensor"/>.</summary>
    private static int[] WithSlot(int[] slots, int slot, int tensor)
    {
        int[] copy = (int[])slots.Clone();
        copy[slot] = tensor;
        return copy;
    }

    private static (KernelHarness Harness, OpRecord Record) Lowered(Kind kind, DataType activations, DataType weights)
    {
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = kind, ActivationType = activations, WeightType = weights,
            BiasType = activations == DataType.Int16 ? DataType.Int64 : DataType.Int32,
        });
        var harness = new KernelHarness(model.Graph);
        var record = KernelHarness.Record(harness.Calls.Single());
        Assert.Null(KernelDispatch.Validate(harness.Context(), record));
        return (harness, record);
    }

    [Theory]
    [InlineData(Kind.Conv, DataType.Int8)]
    [InlineData(Kind.Conv, DataType.Int4)]
    [InlineData(Kind.Depthwise, DataType.Int8)]
    [InlineData(Kind.Depthwise, DataType.Int4)]
    public void Validate_Int8KernelWithoutFoldedBiasRejected(Kind kind, DataType weights)
    {
        var (harness, record) = Lowered(kind, DataType.Int8, weights);
        Assert.Equal(4, record.Inputs.Length);
        int biasSlot = kind == Kind.Depthwise ? DepthwiseConvSlots.InBias : ConvSlots.InBias;
        var noBias = new OpRecord { Code = record.Code, Inputs = WithSlot(record.Inputs, biasSlot, -1), Outputs = record.Outputs, Params = record.Params };
        Assert.Equal("bias: required by this kernel", KernelDispatch.Validate(harness.Context(), noBias));
    }

    [Theory]
    [InlineData(Kind.Depthwise)]
    [InlineData(Kind.Conv)]
    public void Validate_WindowSpanThatWouldOverflowRejected(Kind kind)
    {
        // A tall filter with a hostile dilation: 65535 * 8199 >= 2^29, so the window arithmetic could overflow int.
        var model = ConvTestModel.Build(new ConvTestModel.Options
        {
            Kind = kind, InH = 9000, InW = 1, InC = 1, OutC = 1, FH = 8200, FW = 1, Padding = Padding.Valid, Seed = 7,
        });
        var harness = new KernelHarness(model.Graph);
        var record = KernelHarness.Record(harness.Calls.Single());
        Assert.Null(KernelDispatch.Validate(harness.Context(), record));
        var (_, _, _, dilationHeight, _) = Indexes(kind);
        record.Params[dilationHeight] = 65535;
        // The message names the output height and filter height indexes, the same in both layouts.
        Assert.Equal($"window of parameters {ConvParams.OutputHeight}/{ConvParams.FilterHeight} reaches too far",
            KernelDispatch.Validate(harness.Context(), record));
    }

    [Fact]
    public void Lower_Int8ConvWithoutBiasGetsFoldedBias()
    {
        // No model bias: the folded bias is input_offset * (sum of each channel's weights), checked by hand here.
        var model = ConvTestModel.Build(new ConvTestModel.Options { InH = 3, InW = 3, InC = 2, FH = 1, FW = 1, OutC = 2, BiasType = null, Seed = 3 });
        var harness = new KernelHarness(model.Graph);
        var call = harness.Calls.Single();
        var folded = harness.Graph.Tensors[call.Inputs[ConvSlots.InBias]];
        int offset = -model.Spec.InputZeroPoint;
        Assert.NotEqual(0, offset);
        int[] expected = [offset * (model.Filter[0] + model.Filter[1]), offset * (model.Filter[2] + model.Filter[3])];
        Assert.Equal(expected, Enumerable.Range(0, 2).Select(c => BitConverter.ToInt32(folded.Data!, c * 4)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Validate_EveryTensorOneByteShortRejected(Kind kind, DataType activations, DataType weights)
    {
        var (harness, record) = Lowered(kind, activations, weights);
        // Output [1] of int8 CONV_2D / DEPTHWISE_CONV_2D is the CMSIS-NN backend's scratch: the managed kernels never
        // touch it (the native CMSIS-NN adapter checks its size against the linked CMSIS-NN).
        var touched = record.Inputs.Concat(record.Outputs.Take(1)).Where(t => t >= 0).ToArray();
        Assert.Equal(5, touched.Length);
        foreach (int t in touched)
        {
            var sizes = (int[])harness.Sizes.Clone();
            sizes[t] -= 1;
            Assert.NotNull(KernelDispatch.Validate(harness.Context(sizes), record));
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Validate_EnlargedOrZeroDimensionRejected(Kind kind, DataType activations, DataType weights)
    {
        var (harness, record) = Lowered(kind, activations, weights);
        // Every dimension parameter (the leading ones, before strides) must agree with the tensor sizes.
        int dims = Indexes(kind).DimensionsEnd;
        for (int i = 0; i < dims; i++)
        {
            foreach (int bad in new[] { record.Params[i] + 1, 0, -1 })
            {
                var hostile = KernelHarness.Record(new KernelCall { Code = record.Code, Inputs = record.Inputs, Outputs = record.Outputs, Params = record.Params });
                hostile.Params[i] = bad;
                Assert.NotNull(KernelDispatch.Validate(harness.Context(), hostile));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Validate_BadStrideActivationOrMissingParamsRejected(Kind kind, DataType activations, DataType weights)
    {
        var (harness, record) = Lowered(kind, activations, weights);
        var (stride, actMin, actMax, _, _) = Indexes(kind);
        OpRecord With(int index, int value)
        {
            var r = KernelHarness.Record(new KernelCall { Code = record.Code, Inputs = record.Inputs, Outputs = record.Outputs, Params = record.Params });
            r.Params[index] = value;
            return r;
        }
        Assert.NotNull(KernelDispatch.Validate(harness.Context(), With(stride, 0)));
        Assert.NotNull(KernelDispatch.Validate(harness.Context(), With(actMin, record.Params[actMax] + 1)));
        Assert.NotNull(KernelDispatch.Validate(harness.Context(), With(actMin, activations == DataType.Int8 ? -129 : -32769)));
        var shortParams = new OpRecord { Code = record.Code, Inputs = record.Inputs, Outputs = record.Outputs, Params = record.Params[..^1] };
        Assert.NotNull(KernelDispatch.Validate(harness.Context(), shortParams));
        // Input and filter exchanged (slots 0 and 1 in the three layouts).
        int[] exchanged = WithSlot(WithSlot(record.Inputs, ConvSlots.InInput, record.Inputs[ConvSlots.InFilter]), ConvSlots.InFilter,
            record.Inputs[ConvSlots.InInput]);
        var swapped = new OpRecord { Code = record.Code, Inputs = exchanged, Outputs = record.Outputs, Params = record.Params };
        Assert.NotNull(KernelDispatch.Validate(harness.Context(), swapped));
    }
}
