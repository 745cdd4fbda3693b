namespace TinyLite.Tests.Image;

/// <summary>The .tlm header, sections and the loader's refusals (docs/FORMAT.md).</summary>
public class ImageFormatTests
{
    /// <summary>A graph whose only tensor is both input and output: the image has no kernel calls.</summary>
    private static CompiledModel PassThrough()
    {
        var b = new GraphBuilder("pass.tflite");
        int x = b.AddInput("x", DataType.Int16, [1, 3, 5], 0.25f, -7);
        b.MarkOutput(x);
        return Compiler.Compile(b.Build());
    }

    private static int SectionOffset(byte[] image, int kind)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(ImageLayout.OffSectionCount));
        for (int s = 0; s < count; s++)
        {
            int entry = ImageLayout.HeaderBytes + s * ImageLayout.SectionEntryBytes;
            if (BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(entry)) == kind)
                return BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(entry + 4));
        }
        throw new InvalidOperationException("no such section");
    }

    [Fact]
    public void Load_PassThroughImage_ExposesTensorsAndProvenance()
    {
        var model = PassThrough();
        var it = new Interpreter(model.Image);
        Assert.Equal(30, it.ArenaBytes);
        Assert.Equal(new[] { 1, 3, 5 }, it.TensorShape(it.InputTensor(0)));
        Assert.Equal(-7, it.TensorZeroPoint(it.InputTensor(0)));
        Assert.Equal(0.25f, BitConverter.Int32BitsToSingle(it.TensorScaleBits(it.InputTensor(0))));
        Assert.Equal(CompilerInfo.VersionAndCommit().Version, it.CompilerVersion);
        Assert.Equal(CompilerInfo.VersionAndCommit().Commit, it.GitCommit);
        Assert.Equal("pass.tflite", it.ModelName);
        var data = Enumerable.Range(0, 30).Select(i => (byte)(i * 7)).ToArray();
        it.SetInput(0, data);
        it.Invoke();
        Assert.Equal(data, it.GetOutput(0));
    }

    [Fact]
    public void CompilerInfo_HasTheGitCommitStampedAtBuildTime()
    {
        // The repository is a git checkout, so the build must have stamped a 40-hex commit.
        Assert.Matches("^[0-9a-f]{40}$", CompilerInfo.VersionAndCommit().Commit);
    }

    [Fact]
    public void Load_FlippedByte_IsRefusedByCrc()
    {
        var image = PassThrough().Image;
        image[^1] ^= 0x10;
        var e = Assert.Throws<ImageException>(() => new Interpreter(image));
        Assert.Contains("CRC32 mismatch", e.Message);
    }

    [Fact]
    public void Load_TruncatedImage_IsRefused()
    {
        var image = PassThrough().Image[..^8];
        var e = Assert.Throws<ImageException>(() => new Interpreter(image));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Load_ShorterThanHeader_IsRefused()
    {
        var e = Assert.Throws<ImageException>(() => new Interpreter(new byte[10]));
        Assert.Contains("header", e.Message);
    }

    [Fact]
    public void Load_BadMagic_IsRefused()
    {
        var image = PassThrough().Image;
        image[0] = (byte)'X';
        var e = Assert.Throws<ImageException>(() => new Interpreter(image));
        Assert.Contains("not a TinyLite image", e.Message);
    }

    [Fact]
    public void Load_OtherMajorVersion_IsRefused()
    {
        var image = PassThrough().Image;
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(ImageLayout.OffVersionMajor), 2);
        var e = Assert.Throws<ImageException>(() => new Interpreter(image));
        Assert.Contains("format version 2", e.Message);
    }

    [Fact]
    public void Load_TensorOutsideArenaWithValidCrc_IsRefused()
    {
        var image = PassThrough().Image;
        int record = SectionOffset(image, ImageLayout.SectionTensors) + 4;
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(record + 4), 8);   // offset 8 + 30 bytes > 30-byte arena
        ImageEdits.Reseal(image);
        var e = Assert.Throws<ImageException>(() => new Interpreter(image));
        Assert.Contains("tensor 0 at arena offset 8", e.Message);
    }

    [Fact]
    public void Load_TensorSizeNotMatchingShape_IsRefused()
    {
        var image = PassThrough().Image;
        int record = SectionOffset(image, ImageLayout.SectionTensors) + 4;
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(record + 8), 16);
        ImageEdits.Reseal(image);
        var e = Assert.Throws<ImageException>(() => new Interpreter(image));
        Assert.Contains("does not match its shape", e.Message);
    }

    [Fact]
    public void Load_ArenaSmallerThanPlan_IsRefusedWithBothSizes()
    {
        var image = PassThrough().Image;
        var e = Assert.Throws<ImageException>(() => new Interpreter(image, new byte[29]));
        Assert.Equal("arena: 29 bytes given but the image needs 30", e.Message);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        Assert.Equal(PassThrough().Image, PassThrough().Image);
    }
}
