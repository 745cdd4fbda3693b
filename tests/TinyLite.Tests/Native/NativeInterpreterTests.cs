namespace TinyLite.Tests.Native;

/// <summary>
/// Interpreter.UseNativeKernels: the native side keeps nothing between calls, so every Invoke re-checks the image
/// it is given; an image array changed after loading must be refused, never run out of bounds.
/// </summary>
public class NativeInterpreterTests
{
    /// <summary>A PAD of an int8 [2, 3] input by one row above, as a compiled image.</summary>
    private static byte[] PadImage()
    {
        var b = new GraphBuilder("pad.tflite");
        int x = b.AddInput("x", DataType.Int8, [2, 3], 0.5f, 0);
        int paddings = b.AddConstantInt32("paddings", [2, 2], [1, 0, 0, 0]);
        int y = b.AddTensor("y", DataType.Int8, [3, 3], 0.5f, 0);
        b.AddOperator(BuiltinOperator.Pad, [x, paddings], [y]).MarkOutput(y);
        return Compiler.Compile(b.Build(), NativeGoldenModelTests.NativePlan).Image;
    }

    /// <summary>Offset of the first int32 parameter of the first operator record.</summary>
    private static int FirstOpParams(byte[] image)
    {
        int record = ImageWalk.Section(image, ImageLayout.SectionOps).Start + 4;
        int inputs = BitConverter.ToInt32(image, record + ImageLayout.OpOffInputCount);
        int outputs = BitConverter.ToInt32(image, record + ImageLayout.OpOffOutputCount);
        return record + ImageLayout.OpRecordHeaderBytes + 4 * (inputs + outputs);
    }

    [SkippableFact]
    public void UseNativeKernels_Invoke_WritesPaddedOutput()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var interpreter = new Interpreter(PadImage());
        interpreter.UseNativeKernels();
        Assert.True(interpreter.UsesNativeKernels);
        interpreter.SetInput(0, [1, 2, 3, 4, 5, 6]);
        interpreter.Invoke();
        Assert.Equal(new byte[] { 0, 0, 0, 1, 2, 3, 4, 5, 6 }, interpreter.GetOutput(0));
    }

    [SkippableFact]
    public void UseNativeKernels_ArenaAtAnOffset_IsRefusedRatherThanWrittenFromIndexZero()
    {
        // The native side addresses the arena from index 0 of its array: before this check, an interpreter whose
        // arena starts at index 16 ran its kernels over bytes [0, arena) and so wrote 16 bytes before its arena.
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = PadImage();
        int arenaBytes = new Interpreter(image).ArenaBytes;
        var memory = new byte[16 + arenaBytes];
        var interpreter = new Interpreter(image, memory, 16);
        var e = Assert.Throws<ImageException>(interpreter.UseNativeKernels);
        Assert.Contains("arena must start at index 0", e.Message);
        Assert.False(interpreter.UsesNativeKernels);
    }

    [SkippableFact]
    public void Invoke_ParamsEditedAfterLoad_ThrowsInsteadOfWritingOutOfBounds()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = PadImage();
        var interpreter = new Interpreter(image);
        interpreter.UseNativeKernels();
        // PAD params: [0] element size, [1] pad value, [2..6] output dims: make the outermost one 1000.
        BitConverter.TryWriteBytes(image.AsSpan(FirstOpParams(image) + 8), 1000);
        var e = Assert.Throws<ImageException>(interpreter.Invoke);
        Assert.Contains("parameters do not fit its tensors", e.Message);
    }

    [SkippableFact]
    public void Invoke_ArenaSizeEditedAfterLoad_ThrowsArenaMessage()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = PadImage();
        var interpreter = new Interpreter(image);
        interpreter.UseNativeKernels();
        BitConverter.TryWriteBytes(image.AsSpan(24), interpreter.ArenaBytes + 4096);
        var e = Assert.Throws<ImageException>(interpreter.Invoke);
        Assert.Contains("bytes given but the image needs " + (interpreter.ArenaBytes + 4096), e.Message);
    }

    [SkippableFact]
    public void UseNativeKernels_CorruptedImage_RefusedWithCrcMessage()
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = PadImage();
        var interpreter = new Interpreter(image);
        image[^1] ^= 0x40; // after the managed load, so only the native load sees it
        var e = Assert.Throws<ImageException>(interpreter.UseNativeKernels);
        Assert.Contains("CRC32 mismatch", e.Message);
        Assert.False(interpreter.UsesNativeKernels);
    }
}
