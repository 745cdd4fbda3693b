using TinyLite.Tests.Native;

namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// The native int16x8 LSTM sums its products in int32 over chunks of 511 inputs (|w * x| &lt;= 2^22, so a chunk
/// cannot overflow) and adds each chunk into TFLM's int64 accumulator; the managed kernel sums in int64 directly.
/// </summary>
public class NativeLstmS16Tests
{
    /// <summary>
    /// 600 inputs of -32768 against weights of -128: the input products of every gate sum to 600 * 2^22 (more than
    /// int32 holds), so a native kernel that summed a whole row in int32 would wrap and differ from the managed one.
    /// </summary>
    [SkippableFact]
    public void NativeLstmS16_RowSumBeyondInt32_MatchesManaged()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var spec = new LstmSpec("deep", DataType.Int16, Batches: 1, Steps: 2, InputDepth: 600, StateDepth: 5, AllWeights: -128);
        byte[] image = Compiler.Compile(LstmTestModels.Build(spec)).Image;
        var managed = new Interpreter((byte[])image.Clone());
        var native = new Interpreter((byte[])image.Clone());
        NativeSupport.UseNative(native, "deep int16 LSTM");
        byte[] input = new byte[managed.TensorByteSize(managed.InputTensor(0))];
        for (int i = 1; i < input.Length; i += 2) input[i] = 0x80; // every element -32768
        foreach (var interpreter in new[] { managed, native })
        {
            interpreter.SetInput(0, input);
            interpreter.Invoke();
        }
        byte[] expected = managed.GetOutput(0);
        // Saturated gates: the forget, input and output gates are fully open, so the hidden state is not all zero.
        Assert.Contains(expected, b => b != 0);
        ByteAssert.Equal(expected, native.GetOutput(0), "deep int16 LSTM output");
    }
}
