using TinyLite.Codegen.Image;
using TinyLite.Codegen.Planning;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Tests.Kernels.Dense;

namespace TinyLite.Tests.Native;

/// <summary>
/// The streaming FULLY_CONNECTED kernels (FullyConnectedS8Accumulate, FullyConnectedS8Finish) through real
/// images: no lowering emits them yet, so each image is written here from hand-made kernel calls and a hand-made
/// arena layout (each input slice a graph input, accumulators and output in the arena). The native kernels
/// must write exactly the managed kernels' bytes, both must equal the plain FULLY_CONNECTED reference, and both
/// loaders must refuse the same hostile records.
/// </summary>
public class NativeStreamingFullyConnectedTests
{
    private static int Align8(int v) => (v + 7) & ~7;

    /// <summary>
    /// An image running Accumulate over every slice of <paramref name="c"/> in order (the first from the bias, the
    /// others with start -1), then Finish. <paramref name="accOffset"/> (-1: after the slices) places the
    /// accumulators; <paramref name="perChannelFlag"/> overrides Finish's last param.
    /// </summary>
    private static byte[] Image(StreamingFcCase c, int accOffset = -1, int? perChannelFlag = null)
    {
        var b = new GraphBuilder("streaming_fc_native.tflite");
        var offsets = new Dictionary<int, int>();
        int end = 0;
        var x = new int[c.Slices];
        var w = new int[c.Slices];
        for (int s = 0; s < c.Slices; s++)
        {
            x[s] = b.AddInput("x" + s, DataType.Int8, [c.SliceLength(s)], 0.05f, 0);
            offsets[x[s]] = end;
            end = Align8(end + c.SliceLength(s));
        }
        for (int s = 0; s < c.Slices; s++)
            w[s] = b.AddConstantInt8("w" + s, [c.OutDepth, c.SliceLength(s)], DenseTestSupport.Int8(c.SliceWeights(s)), [0.01f]);
        int bias = b.AddConstantInt32("bias", [c.OutDepth], c.Bias);
        int quant = b.AddConstantInt32("quant", [c.Pairs.Length], c.Pairs);
        int acc = b.AddTensor("acc", DataType.Int32, [c.OutDepth]);
        offsets[acc] = accOffset >= 0 ? accOffset : end;
        end = Math.Max(end, Align8(offsets[acc] + 4 * c.OutDepth));
        int y = b.AddTensor("y", DataType.Int8, [c.OutDepth], 0.1f, 0);
        offsets[y] = end;
        end = Align8(end + c.OutDepth);
        b.MarkOutput(y);
        var calls = new List<KernelCall>();
        for (int s = 0; s < c.Slices; s++)
        {
            var inputs = new int[FullyConnectedAccumulateSlots.InStart + 1];
            inputs[FullyConnectedAccumulateSlots.InInput] = x[s];
            inputs[FullyConnectedAccumulateSlots.InWeights] = w[s];
            // The first slice starts the accumulators from the bias; the others add to them (no start tensor).
            inputs[FullyConnectedAccumulateSlots.InStart] = s == 0 ? bias : -1;
            calls.Add(new KernelCall
            {
                Code = OpCode.FullyConnectedS8Accumulate, Inputs = inputs, Outputs = [acc],
                Params = KernelParams.FullyConnectedAccumulate(sliceLength: c.SliceLength(s), outputDepth: c.OutDepth),
            });
        }
        var finishInputs = new int[FullyConnectedFinishSlots.InMultipliers + 1];
        finishInputs[FullyConnectedFinishSlots.InAccumulators] = acc;
        finishInputs[FullyConnectedFinishSlots.InMultipliers] = quant;
        calls.Add(new KernelCall
        {
            Code = OpCode.FullyConnectedS8Finish, Inputs = finishInputs, Outputs = [y],
            Params = KernelParams.FullyConnectedFinish(outputDepth: c.OutDepth, outputOffset: c.OutZp, activationMin: c.ActMin,
                activationMax: c.ActMax, perChannel: perChannelFlag ?? (c.PerChannel ? 1 : 0)),
        });
        var plan = new MemoryPlan
        {
            Calls = calls, Offsets = offsets, Lifetimes = new Dictionary<int, TensorLifetime>(), ArenaBytes = end, Strategy = PlanStrategy.Layer,
        };
        return ImageWriter.Write(b.Build(), calls, plan, new ImageMetadata("test", "test", "", "streaming_fc"));
    }

    private static byte[][] SliceInputs(StreamingFcCase c) => Enumerable.Range(0, c.Slices).Select(c.SliceInput).ToArray();

    [SkippableTheory]
    [InlineData(1, 40, 4, false, false)]
    [InlineData(2, 97, 7, true, false)]
    [InlineData(3, 300, 13, true, true)]
    [InlineData(4, 33, 1, false, true)]
    public void NativeStreamedFullyConnected_MatchesManagedAndReference(int seed, int inDepth, int outDepth, bool perChannel, bool wrapBias)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = StreamingFcCase.Random(seed, inDepth, outDepth, perChannel, 3, wrapBias);
        byte[] image = Image(c);
        var (managed, native) = NativeSupport.RunBoth(image, SliceInputs(c), "streaming fc");
        ByteAssert.Equal(c.Reference(), managed[0], "managed vs reference");
        ByteAssert.Equal(managed[0], native[0], "native vs managed");
        for (int inputSeed = 1; inputSeed <= 3; inputSeed++)
        {
            (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, inputSeed), "streaming fc");
            ByteAssert.Equal(managed[0], native[0], $"native vs managed, random inputs {inputSeed}");
        }
    }

    [SkippableFact]
    public void NativeStreamedFullyConnected_MicroSpeechBands_MatchesManaged()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = StreamingFcCase.Random(42, 4000, 4, false, 1).WithCuts(Enumerable.Range(0, 26).Select(i => i * 160).ToArray());
        var (managed, native) = NativeSupport.RunBoth(Image(c), SliceInputs(c), "streaming fc, 25 bands");
        ByteAssert.Equal(c.Reference(), managed[0], "managed vs reference");
        ByteAssert.Equal(managed[0], native[0], "native vs managed");
    }

    /// <summary>Null when the managed loader accepts <paramref name="image"/>, else its message.</summary>
    private static string? ManagedError(byte[] image, out int arenaBytes)
    {
        arenaBytes = BitConverter.ToInt32(image, 24);
        try
        {
            _ = new Interpreter((byte[])image.Clone(), new byte[arenaBytes]);
            return null;
        }
        catch (ImageException e)
        {
            return e.Message;
        }
    }

    [SkippableTheory]
    [InlineData("valid", -1, null, true)]
    [InlineData("accumulators over slice 0", 4, null, false)]
    [InlineData("accumulators over slices 1 and 2", 16, null, false)]
    [InlineData("per-channel flag 2", -1, 2, false)]
    [InlineData("per-channel flag -1", -1, -1, false)]
    public void NativeLoad_StreamingRecords_AgreesWithManaged(string what, int accOffset, int? flag, bool valid)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = StreamingFcCase.Random(5, 40, 4, true).WithCuts([0, 13, 20, 40]);
        byte[] image = Image(c, accOffset, flag);
        string? managedError = ManagedError(image, out int arenaBytes);
        var message = new byte[NativeKernels.MessageBytes];
        int status = NativeKernels.Load(image, image.Length, new byte[arenaBytes], arenaBytes, message, message.Length);
        if (valid)
        {
            Assert.True(managedError == null, what + ": managed refuses: " + managedError);
            Assert.True(status == NativeKernels.StatusOk, what + ": native refuses: " + NativeKernels.MessageText(message));
        }
        else
        {
            Assert.True(managedError != null, what + ": managed accepts");
            Assert.True(status == NativeKernels.StatusParams, what + ": native status " + status + " " + NativeKernels.MessageText(message));
        }
    }
}
