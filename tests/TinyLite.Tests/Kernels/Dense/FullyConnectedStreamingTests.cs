using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// The streaming FULLY_CONNECTED kernels (FullyConnectedS8Accumulate over slices of the input, then
/// FullyConnectedS8Finish) against FullyConnectedS8 on the whole input and against the plain reference of
/// <see cref="StreamingFcCase"/>: the bytes must be identical. Plus their load-time refusals.
/// </summary>
public class FullyConnectedStreamingTests
{
    /// <summary>Per-tensor (buffer, offset, size, type) tables for a <see cref="KernelContext"/>.</summary>
    private sealed class Tensors
    {
        private readonly List<byte[]> _buffers = new();
        private readonly List<int> _offsets = new(), _sizes = new(), _types = new();

        public int Add(byte[] buffer, int offset, int size, int type)
        {
            _buffers.Add(buffer);
            _offsets.Add(offset);
            _sizes.Add(size);
            _types.Add(type);
            return _buffers.Count - 1;
        }

        public int Add(byte[] data, int type) => Add(data, 0, data.Length, type);

        public void Move(int t, byte[] buffer, int offset)
        {
            _buffers[t] = buffer;
            _offsets[t] = offset;
        }

        public KernelContext Build() => new(_buffers.ToArray(), _offsets.ToArray(), _sizes.ToArray(), _types.ToArray());
    }

    private static void ValidateAndRun(KernelContext ctx, OpRecord op)
    {
        Assert.Null(DenseFamily.Validate(ctx, op));
        DenseFamily.Run(ctx, op);
    }

    /// <summary>FullyConnectedS8 on the whole input (one batch).</summary>
    private static byte[] Whole(StreamingFcCase c)
    {
        var t = new Tensors();
        int x = t.Add(DenseTestSupport.Bytes(c.X), TensorType.Int8);
        int w = t.Add(DenseTestSupport.Bytes(c.W), TensorType.Int8);
        int bias = t.Add(c.BiasBytes(), TensorType.Int32);
        int quant = t.Add(c.PairBytes(), TensorType.Int32);
        int y = t.Add(new byte[c.OutDepth], TensorType.Int8);
        var ctx = t.Build();
        ValidateAndRun(ctx, new OpRecord
        {
            Code = OpCode.FullyConnectedS8, Inputs = [x, w, bias, quant], Outputs = [y],
            Params = KernelParams.FullyConnected(batches: 1, inputDepth: c.InDepth, outputDepth: c.OutDepth,
                outputOffset: c.OutZp, activationMin: c.ActMin, activationMax: c.ActMax, perChannel: c.PerChannel ? 1 : 0),
        });
        return ctx.Buffer(y)[..c.OutDepth];
    }

    /// <summary>
    /// One Accumulate per slice in <paramref name="order"/> (the first starts from the bias, the others add to the
    /// accumulators: start -1, or the accumulators themselves when <paramref name="startIsAcc"/>), then Finish; the
    /// input lives in an arena array with each slice a view of it, the accumulators after it (filled with garbage
    /// first), the output after those or, when <paramref name="finishInPlace"/>, over the accumulators.
    /// </summary>
    private static byte[] Streamed(StreamingFcCase c, int[] order, bool startIsAcc = false, bool finishInPlace = false)
    {
        int accOffset = (c.InDepth + 7) & ~7;
        int yOffset = finishInPlace ? accOffset : accOffset + 4 * c.OutDepth;
        var arena = new byte[accOffset + 4 * c.OutDepth + c.OutDepth];
        DenseTestSupport.Bytes(c.X).CopyTo(arena, 0);
        arena.AsSpan(accOffset, 4 * c.OutDepth).Fill(0xA5);
        var t = new Tensors();
        var slices = Enumerable.Range(0, c.Slices).Select(s => t.Add(arena, c.Cuts[s], c.SliceLength(s), TensorType.Int8)).ToArray();
        var weights = Enumerable.Range(0, c.Slices).Select(s => t.Add(c.SliceWeights(s), TensorType.Int8)).ToArray();
        int bias = t.Add(c.BiasBytes(), TensorType.Int32);
        int quant = t.Add(c.PairBytes(), TensorType.Int32);
        int acc = t.Add(arena, accOffset, 4 * c.OutDepth, TensorType.Int32);
        int y = t.Add(arena, yOffset, c.OutDepth, TensorType.Int8);
        var ctx = t.Build();
        for (int i = 0; i < order.Length; i++)
        {
            int s = order[i];
            ValidateAndRun(ctx, new OpRecord
            {
                Code = OpCode.FullyConnectedS8Accumulate,
                Inputs = [slices[s], weights[s], i == 0 ? bias : startIsAcc ? acc : -1],
                Outputs = [acc],
                Params = KernelParams.FullyConnectedAccumulate(sliceLength: c.SliceLength(s), outputDepth: c.OutDepth),
            });
        }
        ValidateAndRun(ctx, new OpRecord
        {
            Code = OpCode.FullyConnectedS8Finish, Inputs = [acc, quant], Outputs = [y],
            Params = KernelParams.FullyConnectedFinish(outputDepth: c.OutDepth, outputOffset: c.OutZp,
                activationMin: c.ActMin, activationMax: c.ActMax, perChannel: c.PerChannel ? 1 : 0),
        });
        return arena[yOffset..(yOffset + c.OutDepth)];
    }

    [Theory]
    [InlineData(1, 40, 4, false, false)]
    [InlineData(2, 40, 4, true, false)]
    [InlineData(3, 97, 7, true, false)]
    [InlineData(4, 97, 7, false, true)]
    [InlineData(5, 5, 1, true, true)]
    [InlineData(6, 300, 13, true, true)]
    [InlineData(7, 300, 13, false, false)]
    public void AccumulateThenFinish_MatchesFullyConnectedS8(int seed, int inDepth, int outDepth, bool perChannel, bool wrapBias)
    {
        var c = StreamingFcCase.Random(seed, inDepth, outDepth, perChannel, 3, wrapBias);
        byte[] expected = c.Reference();
        ByteAssert.Equal(expected, Whole(c), "FullyConnectedS8 vs reference");
        ByteAssert.Equal(expected, Streamed(c, [0, 1, 2]), "streamed vs reference");
    }

    [Fact]
    public void AccumulateThenFinish_MicroSpeechBands_MatchesFullyConnectedS8()
    {
        // micro_speech's FULLY_CONNECTED 4000 -> 4 consumed in 25 bands of one output row (20 x 8 = 160 bytes).
        var c = StreamingFcCase.Random(42, 4000, 4, false, 1).WithCuts(Enumerable.Range(0, 26).Select(i => i * 160).ToArray());
        ByteAssert.Equal(c.Reference(), Streamed(c, Enumerable.Range(0, 25).ToArray()), "25 bands");
        ByteAssert.Equal(Whole(c), Streamed(c, Enumerable.Range(0, 25).ToArray()), "25 bands vs FullyConnectedS8");
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void AccumulateThenFinish_AnySliceOrder_SameBytes(int seed, bool perChannel)
    {
        // Int32 sums wrap, so the slices may come in any order (the first one starting from the bias).
        var c = StreamingFcCase.Random(seed, 61, 6, perChannel, 4, wrapBias: true);
        byte[] expected = c.Reference();
        ByteAssert.Equal(expected, Streamed(c, [3, 1, 0, 2]), "order 3 1 0 2");
        ByteAssert.Equal(expected, Streamed(c, [2, 3, 1, 0]), "order 2 3 1 0");
    }

    [Fact]
    public void Accumulate_StartIsAccumulators_SameAsOmittedStart()
    {
        var c = StreamingFcCase.Random(21, 50, 5, true);
        ByteAssert.Equal(c.Reference(), Streamed(c, [0, 1, 2], startIsAcc: true), "start = accumulators");
    }

    [Fact]
    public void Finish_InPlaceOverAccumulators_SameBytes()
    {
        var c = StreamingFcCase.Random(22, 50, 9, true);
        ByteAssert.Equal(c.Reference(), Streamed(c, [0, 1, 2], finishInPlace: true), "finish in place");
    }

    [Fact]
    public void Accumulate_WithStart_ComputesStartPlusDotProduct()
    {
        // Hand values: start [10, -7], x [1, -2, 3], rows [1 2 3] and [-1 0 4].
        var t = new Tensors();
        int x = t.Add([1, unchecked((byte)-2), 3], TensorType.Int8);
        int w = t.Add([1, 2, 3, unchecked((byte)-1), 0, 4], TensorType.Int8);
        int start = t.Add(StreamingFcCase.Int32Bytes([10, -7]), TensorType.Int32);
        int acc = t.Add(StreamingFcCase.Int32Bytes([1000, 1000]), TensorType.Int32);
        var ctx = t.Build();
        var op = new OpRecord
        {
            Code = OpCode.FullyConnectedS8Accumulate, Inputs = [x, w, start], Outputs = [acc],
            Params = KernelParams.FullyConnectedAccumulate(sliceLength: 3, outputDepth: 2),
        };
        ValidateAndRun(ctx, op);
        // 10 + (1 - 4 + 9) = 16; -7 + (-1 + 0 + 12) = 4.
        Assert.Equal(StreamingFcCase.Int32Bytes([16, 4]), ctx.Buffer(acc));
        op.Inputs = [x, w, -1];
        ValidateAndRun(ctx, op);
        Assert.Equal(StreamingFcCase.Int32Bytes([22, 15]), ctx.Buffer(acc));
    }

    // ---- Validation ----------------------------------------------------------------------------------------

    /// <summary>
    /// Arena array: slice int8 [4] at 0, start int32 [3] at 16, accumulators int32 [3] at 28, output int8 [3]
    /// at 40; weights int8 [12] and requantization int32 [3 pairs] in their own arrays (image constants).
    /// Tensors: 0 slice, 1 weights, 2 start, 3 accumulators, 4 requantization, 5 output.
    /// </summary>
    private static (Tensors T, byte[] Arena, byte[] Weights, byte[] Quant) ValidationTensors(int quantBytes = 24)
    {
        var arena = new byte[64];
        var weights = new byte[16];
        var quant = StreamingFcCase.Int32Bytes([1 << 30, -2, 1 << 30, -2, 1 << 30, -2])[..quantBytes];
        var t = new Tensors();
        t.Add(arena, 0, 4, TensorType.Int8);
        t.Add(weights, 0, 12, TensorType.Int8);
        t.Add(arena, 16, 12, TensorType.Int32);
        t.Add(arena, 28, 12, TensorType.Int32);
        t.Add(quant, TensorType.Int32);
        t.Add(arena, 40, 3, TensorType.Int8);
        return (t, arena, weights, quant);
    }

    private static OpRecord Accumulate(int[] p, int start = 2) =>
        new() { Code = OpCode.FullyConnectedS8Accumulate, Inputs = [0, 1, start], Outputs = [3], Params = p };

    private static OpRecord Accumulate(int sliceLength, int outputDepth, int start = 2) =>
        Accumulate(KernelParams.FullyConnectedAccumulate(sliceLength: sliceLength, outputDepth: outputDepth), start);

    private static OpRecord Finish(int[] p) =>
        new() { Code = OpCode.FullyConnectedS8Finish, Inputs = [3, 4], Outputs = [5], Params = p };

    private static OpRecord Finish(int outputDepth, int outputOffset, int activationMin, int activationMax, int perChannel) =>
        Finish(KernelParams.FullyConnectedFinish(outputDepth: outputDepth, outputOffset: outputOffset,
            activationMin: activationMin, activationMax: activationMax, perChannel: perChannel));

    [Fact]
    public void AccumulateValidate_AcceptsConsistentRecords()
    {
        var ctx = ValidationTensors().T.Build();
        Assert.Null(DenseFamily.Validate(ctx, Accumulate(4, 3)));
        Assert.Null(DenseFamily.Validate(ctx, Accumulate(4, 3, start: -1)));
        Assert.Null(DenseFamily.Validate(ctx, Accumulate(4, 3, start: 3)));
        Assert.Null(DenseFamily.Validate(ctx, Accumulate(1, 1)));
    }

    [Theory]
    [InlineData(5, 3)]      // slice longer than input 0
    [InlineData(4, 4)]      // 4 channels: weights, start and accumulators too small
    [InlineData(0, 3)]      // empty slice
    [InlineData(4, 0)]      // no channels
    [InlineData(4, -1)]     // negative channels
    [InlineData(int.MaxValue, int.MaxValue)]   // products beyond int32
    public void AccumulateValidate_RejectsOutOfBoundsParams(int sliceLength, int outputDepth)
    {
        Assert.NotNull(DenseFamily.Validate(ValidationTensors().T.Build(), Accumulate(sliceLength, outputDepth)));
    }

    [Fact]
    public void AccumulateValidate_RejectsMissingOrExtraParam()
    {
        var ctx = ValidationTensors().T.Build();
        int[] p = KernelParams.FullyConnectedAccumulate(sliceLength: 4, outputDepth: 3);
        Assert.NotNull(DenseFamily.Validate(ctx, Accumulate(p[..^1])));
        Assert.NotNull(DenseFamily.Validate(ctx, Accumulate([.. p, 0])));
    }

    [Fact]
    public void AccumulateValidate_RejectsWrongTypesAndTensors()
    {
        var ctx = ValidationTensors().T.Build();
        Assert.NotNull(DenseFamily.Validate(ctx, Accumulate(4, 3, start: 5)));   // int8 start values
        Assert.NotNull(DenseFamily.Validate(ctx, Accumulate(4, 3, start: -2)));  // no such tensor
        Assert.NotNull(DenseFamily.Validate(ctx, Accumulate(4, 3, start: 9)));   // no such tensor
        var op = Accumulate(4, 3);
        op.Outputs = [5];   // int8 accumulators
        Assert.NotNull(DenseFamily.Validate(ctx, op));
        op = Accumulate(4, 3);
        op.Inputs = [0, 1];   // the start input must be present in the record (as -1 when omitted)
        Assert.NotNull(DenseFamily.Validate(ctx, op));
    }

    [Theory]
    [InlineData(2, "slice")]       // accumulators [2, 14) over the slice's last bytes (and nothing else)
    [InlineData(20, "start")]      // accumulators [20, 32) partly over the start values [16, 28)
    public void AccumulateValidate_RejectsAccumulatorsOverlappingArenaTensors(int accOffset, string what)
    {
        var (t, arena, _, _) = ValidationTensors();
        t.Move(3, arena, accOffset);
        Assert.True(DenseFamily.Validate(t.Build(), Accumulate(4, 3)) != null, "accumulators over the " + what + " accepted");
        // The same accumulators between the slice and the start values are fine.
        t.Move(3, arena, 4);
        Assert.Null(DenseFamily.Validate(t.Build(), Accumulate(4, 3)));
    }

    [Fact]
    public void AccumulateValidate_RejectsAccumulatorsOverlappingWeights()
    {
        var (t, _, weights, _) = ValidationTensors();
        t.Move(3, weights, 4);   // as if the weights were in the arena under the accumulators
        Assert.NotNull(DenseFamily.Validate(t.Build(), Accumulate(4, 3, start: -1)));
    }

    [Fact]
    public void FinishValidate_AcceptsConsistentRecords()
    {
        Assert.Null(DenseFamily.Validate(ValidationTensors().T.Build(), Finish(3, 0, -128, 127, 1)));
        Assert.Null(DenseFamily.Validate(ValidationTensors(8).T.Build(), Finish(3, 5, -20, 100, 0)));
    }

    [Theory]
    [InlineData(4, 0, -128, 127, 1)]    // 4 channels: accumulators, pairs and output too small
    [InlineData(0, 0, -128, 127, 1)]    // no channels
    [InlineData(3, 0, -128, 127, 2)]    // per-channel flag neither 0 nor 1
    [InlineData(3, 0, -128, 127, -1)]   // per-channel flag neither 0 nor 1
    [InlineData(3, 0, 5, 4, 1)]         // empty activation range
    [InlineData(3, 0, -129, 127, 1)]    // activation below int8
    [InlineData(3, 0, -128, 128, 1)]    // activation above int8
    public void FinishValidate_RejectsOutOfBoundsParams(int outputDepth, int outputOffset, int activationMin,
        int activationMax, int perChannel)
    {
        Assert.NotNull(DenseFamily.Validate(ValidationTensors().T.Build(),
            Finish(outputDepth, outputOffset, activationMin, activationMax, perChannel)));
    }

    [Fact]
    public void FinishValidate_RejectsMissingParam()
    {
        int[] p = KernelParams.FullyConnectedFinish(outputDepth: 3, outputOffset: 0, activationMin: -128,
            activationMax: 127, perChannel: 1);
        Assert.NotNull(DenseFamily.Validate(ValidationTensors().T.Build(), Finish(p[..^1])));
    }

    [Fact]
    public void FinishValidate_PerChannelNeedsOnePairPerChannel()
    {
        var ctx = ValidationTensors(8).T.Build();
        Assert.Null(DenseFamily.Validate(ctx, Finish(3, 0, -128, 127, 0)));
        Assert.NotNull(DenseFamily.Validate(ctx, Finish(3, 0, -128, 127, 1)));
    }

    [Fact]
    public void FinishValidate_RejectsBadMultiplier()
    {
        var (t, _, _, quant) = ValidationTensors();
        var ctx = t.Build();
        BinaryPrimitives.WriteInt32LittleEndian(quant.AsSpan(20), 31);   // last pair's shift 31
        Assert.NotNull(DenseFamily.Validate(ctx, Finish(3, 0, -128, 127, 1)));
        // One pair for all channels: only the first pair is read, so the bad last pair does not matter.
        Assert.Null(DenseFamily.Validate(ctx, Finish(3, 0, -128, 127, 0)));
        BinaryPrimitives.WriteInt32LittleEndian(quant.AsSpan(20), 30);
        Assert.Null(DenseFamily.Validate(ctx, Finish(3, 0, -128, 127, 1)));
        BinaryPrimitives.WriteInt32LittleEndian(quant.AsSpan(16), -5);   // last pair's multiplier negative
        Assert.NotNull(DenseFamily.Validate(t.Build(), Finish(3, 0, -128, 127, 1)));
    }

    [Fact]
    public void FinishValidate_InPlaceOnlyFromFirstAccumulatorByte()
    {
        var (t, arena, _, _) = ValidationTensors();
        t.Move(5, arena, 28);
        Assert.Null(DenseFamily.Validate(t.Build(), Finish(3, 0, -128, 127, 1)));
        t.Move(5, arena, 30);
        Assert.NotNull(DenseFamily.Validate(t.Build(), Finish(3, 0, -128, 127, 1)));
        t.Move(5, arena, 26);
        Assert.NotNull(DenseFamily.Validate(t.Build(), Finish(3, 0, -128, 127, 1)));
    }
}
