using TinyLite.Runtime.Kernels.Dense;
using static TinyLite.Tests.Support.KernelRecords;

namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// Error paths: the lowerings reject what TFLM rejects (naming the dtypes), and the kernels' load-time
/// validation refuses records whose params would index outside the tensors.
/// </summary>
public class DenseValidationTests
{
    private static KernelContext FcContext(int weightBytes)
    {
        var ctx = Context((TensorType.Int8, 6), (TensorType.Int8, weightBytes), (TensorType.Int32, 8), (TensorType.Int32, 16), (TensorType.Int8, 4));
        // Valid requantization pairs: multiplier 2^30, shift -3.
        var quant = ctx.Buffer(3);
        for (int o = 0; o < 2; o++) { quant[o * 8 + 3] = 0x40; quant[o * 8 + 4] = 0xFD; quant[o * 8 + 5] = 0xFF; quant[o * 8 + 6] = 0xFF; quant[o * 8 + 7] = 0xFF; }
        return ctx;
    }

    private static OpRecord Fc(int code, int[] p) => new() { Code = code, Inputs = [0, 1, 2, 3], Outputs = [4], Params = p };

    /// <summary>FULLY_CONNECTED Params: output zero point 0, the whole int8 range.</summary>
    private static int[] FcParams(int batches, int inputDepth, int outputDepth, int perChannel = 1) =>
        KernelParams.FullyConnected(batches: batches, inputDepth: inputDepth, outputDepth: outputDepth, outputOffset: 0,
            activationMin: -128, activationMax: 127, perChannel: perChannel);

    [Fact]
    public void FullyConnectedS8Validate_AcceptsConsistentRecord()
    {
        // 2 batches x 3 inputs -> 2 outputs: input 6 bytes, weights 6, bias 8, pairs 16, output 4.
        Assert.Null(DenseFamily.Validate(FcContext(6), Fc(OpCode.FullyConnectedS8, FcParams(2, 3, 2))));
    }

    [Theory]
    [InlineData(2, 4, 2, 0, -128, 127, 1)]   // input 2 x 4 exceeds 6 bytes
    [InlineData(3, 3, 2, 0, -128, 127, 1)]   // 3 batches
    [InlineData(2, 3, 3, 0, -128, 127, 1)]   // 3 outputs: weights, bias, pairs too small
    [InlineData(2, 3, 2, 0, -200, 127, 1)]   // activation below int8
    [InlineData(0, 3, 2, 0, -128, 127, 1)]   // zero batches
    [InlineData(2, 3, 2, 0, -128, 127, 2)]   // per-channel flag neither 0 nor 1
    public void FullyConnectedS8Validate_RejectsOutOfBoundsParams(int batches, int inputDepth, int outputDepth,
        int outputOffset, int activationMin, int activationMax, int perChannel)
    {
        int[] p = KernelParams.FullyConnected(batches: batches, inputDepth: inputDepth, outputDepth: outputDepth,
            outputOffset: outputOffset, activationMin: activationMin, activationMax: activationMax, perChannel: perChannel);
        Assert.NotNull(DenseFamily.Validate(FcContext(6), Fc(OpCode.FullyConnectedS8, p)));
    }

    [Fact]
    public void FullyConnectedS8Validate_RejectsMissingParam()
    {
        Assert.NotNull(DenseFamily.Validate(FcContext(6), Fc(OpCode.FullyConnectedS8, FcParams(2, 3, 2)[..^1])));
    }

    [Fact]
    public void FullyConnectedS8Validate_PerTensorNeedsOnePair()
    {
        var ctx = Context((TensorType.Int8, 6), (TensorType.Int8, 6), (TensorType.Int32, 8), (TensorType.Int32, 8), (TensorType.Int8, 4));
        ctx.Buffer(3)[3] = 0x40;
        Assert.Null(DenseFamily.Validate(ctx, Fc(OpCode.FullyConnectedS8, FcParams(2, 3, 2, perChannel: 0))));
        // One pair is not enough when each of the 2 output channels needs its own.
        Assert.NotNull(DenseFamily.Validate(ctx, Fc(OpCode.FullyConnectedS8, FcParams(2, 3, 2, perChannel: 1))));
    }

    [Fact]
    public void FullyConnectedS4Validate_NeedsRowAlignedPackedBytes()
    {
        // 3 inputs per row pack into 2 bytes, so 2 rows need 4 bytes: 3 are refused, 4 accepted.
        Assert.NotNull(DenseFamily.Validate(FcContext(3), Fc(OpCode.FullyConnectedS4, FcParams(2, 3, 2))));
        Assert.Null(DenseFamily.Validate(FcContext(4), Fc(OpCode.FullyConnectedS4, FcParams(2, 3, 2))));
    }

    [Fact]
    public void FullyConnectedLayouts_AgreeWhereTheSharedCheckReadsThem()
    {
        // DenseValidation.FullyConnected reads both layouts' records through FullyConnectedParams/Slots and the
        // per-channel flag as the last param; ActivationValidation.Lookup reads both lookup layouts through LookupS8's.
        Assert.Equal(
            (FullyConnectedParams.Batches, FullyConnectedParams.InputDepth, FullyConnectedParams.OutputDepth),
            (FullyConnectedS16Params.Batches, FullyConnectedS16Params.InputDepth, FullyConnectedS16Params.OutputDepth));
        Assert.Equal(FullyConnectedParams.Length - 1, FullyConnectedParams.PerChannel);
        Assert.Equal(FullyConnectedS16Params.Length - 1, FullyConnectedS16Params.PerChannel);
        Assert.Equal(
            (FullyConnectedSlots.InInput, FullyConnectedSlots.InWeights, FullyConnectedSlots.InBias,
                FullyConnectedSlots.InMultipliers, FullyConnectedSlots.OutOutput),
            (FullyConnectedS16Slots.InInput, FullyConnectedS16Slots.InWeights, FullyConnectedS16Slots.InBias,
                FullyConnectedS16Slots.InMultipliers, FullyConnectedS16Slots.OutOutput));
        Assert.Equal(
            (LookupS8Params.Count, LookupS8Slots.InInput, LookupS8Slots.InTable, LookupS8Slots.OutOutput),
            (LookupS16Params.Count, LookupS16Slots.InInput, LookupS16Slots.InSigmoidTable, LookupS16Slots.OutOutput));
    }

    [Fact]
    public void PoolValidate_RejectsWindowOutsideInput()
    {
        var ctx = Context((TensorType.Int8, 16), (TensorType.Int8, 16));
        // 4x4 -> 2x2, 2x2 windows at stride 2, no padding.
        int[] ok = KernelParams.Pool(batches: 1, inputHeight: 4, inputWidth: 4, depth: 1, outputHeight: 2, outputWidth: 2,
            strideHeight: 2, strideWidth: 2, filterHeight: 2, filterWidth: 2, paddingTop: 0, paddingLeft: 0,
            activationMin: -128, activationMax: 127);
        Assert.Null(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.AveragePoolS8, Inputs = [0], Outputs = [1], Params = ok }));
        int[] padded = (int[])ok.Clone();
        padded[PoolParams.PaddingTop] = 2; // top padding as large as the filter: the first window is all padding
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.AveragePoolS8, Inputs = [0], Outputs = [1], Params = padded }));
        int[] big = (int[])ok.Clone();
        big[PoolParams.InputHeight] = 5; // input rows beyond the 16 bytes
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.MaxPoolS8, Inputs = [0], Outputs = [1], Params = big }));
    }

    [Fact]
    public void SoftmaxValidate_RejectsShortTableAndWrongType()
    {
        var ctx = Context((TensorType.Int8, 8), (TensorType.Int32, 1024), (TensorType.Int8, 8), (TensorType.Int32, 1020));
        int[] p = KernelParams.SoftmaxS8(rows: 2, depth: 4);
        Assert.Null(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.SoftmaxS8, Inputs = [0, 1], Outputs = [2], Params = p }));
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.SoftmaxS8, Inputs = [0, 3], Outputs = [2], Params = p }));
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.SoftmaxS8S16, Inputs = [0, 1], Outputs = [2], Params = p }));
    }

    [Fact]
    public void SoftmaxValidate_CmsisNnValues_AcceptedOnlyInRange()
    {
        var ctx = Context((TensorType.Int8, 8), (TensorType.Int32, 1024), (TensorType.Int8, 8));
        // Two rows of 4 with CMSIS-NN's values (a missing diff_min leaves four params).
        string Check(int multiplier, int shift, int? diffMin) => DenseFamily.Validate(ctx, new OpRecord
        {
            Code = OpCode.SoftmaxS8, Inputs = [0, 1], Outputs = [2],
            Params = KernelParams.SoftmaxS8(rows: 2, depth: 4, betaMultiplier: multiplier, betaShift: shift, diffMin: diffMin),
        });
        Assert.Null(Check(1717986918, 23, -248));
        Assert.Null(Check(1 << 30, 0, -100000)); // diff_min below -255 only excludes nothing
        Assert.NotNull(Check(1717986918, 23, null)); // three or four params: neither layout
        Assert.NotNull(Check(0, 23, -248)); // multiplier must be positive
        Assert.NotNull(Check(1717986918, 31, -1)); // 1 << 31 is no int32 scale
        Assert.NotNull(Check(1717986918, -1, -248));
        Assert.NotNull(Check(1717986918, 23, 1)); // the maximum itself must pass diff_min
        Assert.NotNull(Check(1717986918, 24, -255)); // -255 * 2^24 < -2^31
        Assert.Null(Check(1717986918, 23, -255)); // -255 * 2^23 fits
    }

    [Fact]
    public void MeanValidate_RejectsBadMaskAndShortOutput()
    {
        var ctx = Context((TensorType.Int8, 24), (TensorType.Int8, 6));
        // [1, 2, 2, 6] averaged over axes 1 and 2 (mask 6): six outputs.
        int[] ok = KernelParams.Mean(dims: [1, 2, 2, 6], axesMask: 6, multiplier: 1 << 30, shift: -1, outputOffset: 0,
            foldedInputTerm: 0);
        Assert.Null(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.MeanS8, Inputs = [0], Outputs = [1], Params = ok }));
        int[] mask = (int[])ok.Clone();
        mask[MeanParams.AxesMask] = 16;
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.MeanS8, Inputs = [0], Outputs = [1], Params = mask }));
        int[] keepAll = (int[])ok.Clone();
        keepAll[MeanParams.AxesMask] = 0; // 24 outputs do not fit 6 bytes
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord { Code = OpCode.MeanS8, Inputs = [0], Outputs = [1], Params = keepAll }));
    }

    [Fact]
    public void LookupValidate_RejectsShortTable()
    {
        var ctx = Context((TensorType.Int8, 10), (TensorType.Int8, 255), (TensorType.Int8, 10));
        Assert.NotNull(DenseFamily.Validate(ctx, new OpRecord
        {
            Code = OpCode.LookupS8, Inputs = [0, 1], Outputs = [2], Params = KernelParams.LookupS8(count: 10),
        }));
    }

    [Fact]
    public void CompileFullyConnected_HybridFloatInputInt8Weights_NamesDtypes()
    {
        // Float FULLY_CONNECTED is supported (Float family); float activations with int8 weights (hybrid) are not.
        var g = new GraphBuilder("fc_float.tflite");
        int x = g.AddInput("x", DataType.Float32, [1, 4]);
        int w = g.AddConstantInt8("w", [2, 4], new sbyte[8], [0.1f]);
        int y = g.AddTensor("y", DataType.Float32, [1, 2]);
        g.AddOperator(BuiltinOperator.FullyConnected, [x, w, -1], [y], new FullyConnectedOptions(Activation.None, 0, false, false));
        g.MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(g.Build()));
        Assert.Contains("fc_float.tflite: operator 0 (FULLY_CONNECTED, inputs FLOAT32, INT8, - -> outputs FLOAT32)", e.Message);
        Assert.Contains("must be FLOAT32", e.Message);
    }

    [Fact]
    public void CompileSoftmax_Int8OutputWithWrongScale_IsRejected()
    {
        var g = new GraphBuilder("sm.tflite");
        int x = g.AddInput("x", DataType.Int8, [1, 4], 0.1f, 0);
        int y = g.AddTensor("y", DataType.Int8, [1, 4], 1f / 128, -128);
        g.AddOperator(BuiltinOperator.Softmax, [x], [y], new SoftmaxOptions(1f));
        g.MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(g.Build()));
        Assert.Contains("scale 1/256", e.Message);
    }

    [Fact]
    public void CompileFullyConnected_PerChannelInt4_IsRejectedAsTflmDoes()
    {
        var g = new GraphBuilder("fc4.tflite");
        int x = g.AddInput("x", DataType.Int8, [1, 4], 0.1f, 0);
        int w = g.Add("w", DataType.Int4, [2, 4], new Quantization([0.1f, 0.2f], [0, 0], 0), new byte[4]);
        int y = g.AddTensor("y", DataType.Int8, [1, 2], 0.1f, 0);
        g.AddOperator(BuiltinOperator.FullyConnected, [x, w, -1], [y], new FullyConnectedOptions(Activation.None, 0, false, false));
        g.MarkOutput(y);
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(g.Build()));
        Assert.Contains("per-channel INT4", e.Message);
    }
}
