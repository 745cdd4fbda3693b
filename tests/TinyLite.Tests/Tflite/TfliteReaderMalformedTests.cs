using Google.FlatBuffers;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Tflite;

/// <summary>Specific malformed, hostile and legacy files, built with <see cref="RawTflite"/>; exact error texts.</summary>
public class TfliteReaderMalformedTests
{
    private static string ReadError(byte[] bytes) =>
        Assert.Throws<CompileException>(() => TfliteReader.Read(bytes, "/some/dir/bad.tflite")).Message;

    [Fact]
    public void Read_ValidRawModel_DecodesEveryField()
    {
        var m = RawTflite.AddModel();
        m.Description = "tiny add";
        var graph = TfliteReader.Read(m.Build(), "/some/dir/good.tflite");

        Assert.Equal("/some/dir/good.tflite", graph.Source);
        Assert.Equal("tiny add", graph.Description);
        Assert.Equal(3, graph.Tensors.Count);
        Assert.Equal([1, 3], graph.Tensors[0].Shape);
        Assert.Equal(DataType.Int8, graph.Tensors[0].Type);
        Assert.Null(graph.Tensors[0].Data);
        Assert.Equal([0.5f], graph.Tensors[0].Quantization!.Scales);
        Assert.Equal(-1, graph.Tensors[0].Quantization!.ZeroPoint);
        Assert.Equal([1, 2, 3], graph.Tensors[1].Data);
        Assert.Equal(BuiltinOperator.Add, graph.Operators[0].Op);
        Assert.Equal([0, 1], graph.Operators[0].Inputs);
        // No options table: ADD gets the schema defaults (pot_scale_int16 = true).
        Assert.Equal(new AddSubOptions(Activation.None, true), graph.Operators[0].Options);
        Assert.Equal([0], graph.Inputs);
        Assert.Equal([2], graph.Outputs);
        Assert.Equal(64, graph.SourceSha256.Length);
    }

    [Fact]
    public void Read_TinyFile_ReportsSize()
    {
        Assert.Equal("bad.tflite: file is 3 bytes, too small to be a TFLite model", ReadError([1, 2, 3]));
    }

    [Fact]
    public void Read_WrongIdentifier_ReportsIdentifier()
    {
        var m = RawTflite.AddModel();
        m.Identifier = "ABCD";
        Assert.Equal("bad.tflite: not a TFLite model: file identifier is \"ABCD\", expected \"TFL3\"", ReadError(m.Build()));
    }

    [Fact]
    public void Read_NoIdentifier_IsAccepted()
    {
        var m = RawTflite.AddModel();
        m.Identifier = null;
        Assert.Equal(3, TfliteReader.Read(m.Build(), "x.tflite").Tensors.Count);
    }

    [Fact]
    public void Read_SchemaVersion2_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Version = 2;
        Assert.Equal("bad.tflite: TFLite schema version 2 is not supported (expected 3)", ReadError(m.Build()));
    }

    [Fact]
    public void Read_ZeroSubgraphs_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.SubgraphCount = 0;
        Assert.Equal("bad.tflite: the model has no subgraphs", ReadError(m.Build()));
    }

    [Fact]
    public void Read_TwoSubgraphs_UsesSubgraphZero()
    {
        var m = RawTflite.AddModel();
        m.SubgraphCount = 2;
        Assert.Single(TfliteReader.Read(m.Build(), "x.tflite").Operators);
    }

    [Fact]
    public void Read_BufferIndexOutOfRange_NamesTensorAndBuffer()
    {
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Buffer = 99 };
        Assert.Equal("bad.tflite: tensor 1 (w) refers to buffer 99 but the model has 2 buffers", ReadError(m.Build()));
    }

    [Fact]
    public void Read_BufferSizeMismatch_NamesBothSizes()
    {
        var m = RawTflite.AddModel();
        m.Buffers[1] = new RawTflite.RawBuffer(Data: [1, 2, 3, 4, 5]);
        Assert.Equal("bad.tflite: tensor 1 (w): INT8 [3] needs 3 bytes but buffer 1 holds 5", ReadError(m.Build()));
    }

    [Fact]
    public void Read_Int32DataOfWrongLength_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Type = 2 };
        Assert.Equal("bad.tflite: tensor 1 (w): INT32 [3] needs 12 bytes but buffer 1 holds 3", ReadError(m.Build()));
    }

    [Fact]
    public void Read_Int4Data_KeepsPackedBytes()
    {
        // 5 int4 elements pack into 3 bytes (element 2i low nibble, 2i+1 high nibble).
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Type = 17, Shape = [5] };
        m.Buffers[1] = new RawTflite.RawBuffer(Data: [0x21, 0x43, 0x0F]);
        var w = TfliteReader.Read(m.Build(), "x.tflite").Tensors[1];
        Assert.Equal(DataType.Int4, w.Type);
        Assert.Equal([0x21, 0x43, 0x0F], w.Data);
    }

    [Fact]
    public void Read_NegativeDimension_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Shape = [1, -1] };
        Assert.Equal("bad.tflite: tensor 0 (x) has negative dimension -1 in shape [1, -1]", ReadError(m.Build()));
    }

    [Fact]
    public void Read_AbsurdShape_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[2] = m.Tensors[2] with { Shape = [65536, 65536] };
        Assert.Equal("bad.tflite: tensor 2 (y) shape [65536, 65536] has more than 2147483647 elements", ReadError(m.Build()));
    }

    [Fact]
    public void Read_UnknownTensorType_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Type = 42 };
        Assert.Equal("bad.tflite: tensor 0 (x) has type 42, which is not a TFLite tensor type", ReadError(m.Build()));
    }

    [Fact]
    public void Read_SparseTensor_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Sparse = true };
        Assert.Equal("bad.tflite: tensor 1 (w) is stored sparse, which TinyLite does not support", ReadError(m.Build()));
    }

    [Fact]
    public void Read_NameWithNewline_GivesOneLineMessage()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Name = "evil\nname", Shape = [-2] };
        Assert.Equal("bad.tflite: tensor 0 (evil?name) has negative dimension -2 in shape [-2]", ReadError(m.Build()));
    }

    [Fact]
    public void Read_StringTensor_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Type = 5 };
        Assert.Equal("bad.tflite: tensor 0 (x) has type STRING, which TinyLite does not support", ReadError(m.Build()));
    }

    [Fact]
    public void Read_HostileVectorLength_IsRejectedWithoutAllocating()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Shape = [0x0A0B0C0D, 0x01020304] };
        byte[] bytes = m.Build();
        int at = bytes.AsSpan().IndexOf(new byte[] { 0x0D, 0x0C, 0x0B, 0x0A, 0x04, 0x03, 0x02, 0x01 });
        Assert.True(at >= 4);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at - 4), int.MaxValue);
        Assert.Equal("bad.tflite: tensor 0 (x) shape: vector of 2147483647 elements runs past the end of the file", ReadError(bytes));
    }

    [Fact]
    public void Read_RootOffsetOutsideFile_IsRejected()
    {
        byte[] bytes = RawTflite.AddModel().Build();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 0x7FFFFFF0);
        Assert.Equal($"bad.tflite: model: offset {0x7FFFFFF0} points outside the file ({bytes.Length} bytes)", ReadError(bytes));
    }

    [Fact]
    public void Read_ManyBufferEntriesSharingOneLargeTable_IsRejectedBeforeAllocatingGigabytes()
    {
        // 20,000 tensors, each on its own buffer index, all pointing at one 50 kB buffer table: copying the data
        // for each would allocate 1 GB from a file of about 1 MB.
        const int count = 20_000, size = 50_000;
        var m = new RawTflite();
        m.Buffers.Add(new RawTflite.RawBuffer(Data: new byte[size]));
        m.RepeatLastBuffer = count;
        for (int i = 0; i < count; i++) m.Tensors.Add(new RawTflite.RawTensor([size], 9, (uint)(1 + i), ""));
        byte[] bytes = m.Build();
        Assert.True(bytes.Length < 2_000_000);

        string message = ReadError(bytes);
        Assert.Matches(@"^bad\.tflite: buffer \d+: decoded contents exceed 8 times the file size; tables or buffers overlap$", message);
    }

    [Fact]
    public void Read_TensorsSharingABuffer_ShareItsData()
    {
        var m = RawTflite.AddModel();
        m.Tensors[2] = m.Tensors[2] with { Buffer = 1, Shape = [3] };
        var graph = TfliteReader.Read(m.Build(), "x.tflite");
        Assert.Same(graph.Tensors[1].Data, graph.Tensors[2].Data);
    }

    [Fact]
    public void Read_OpcodeIndexOutOfRange_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Operators[0] = m.Operators[0] with { OpcodeIndex = 5 };
        Assert.Equal("bad.tflite: operator 0 refers to operator code 5 but the model has 1 operator codes", ReadError(m.Build()));
    }

    [Fact]
    public void Read_OperatorInputOutOfRange_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Operators[0] = m.Operators[0] with { Inputs = [0, 7] };
        Assert.Equal("bad.tflite: operator 0 (ADD) input 1 refers to tensor 7 but subgraph 0 has 3 tensors", ReadError(m.Build()));
    }

    [Fact]
    public void Read_OmittedOptionalInput_IsMinusOne()
    {
        var m = RawTflite.AddModel();
        m.Operators[0] = m.Operators[0] with { Inputs = [0, 1, -1] };
        Assert.Equal([0, 1, -1], TfliteReader.Read(m.Build(), "x.tflite").Operators[0].Inputs);
    }

    [Fact]
    public void Read_OperatorOutputMinusOne_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Operators[0] = m.Operators[0] with { Outputs = [-1] };
        Assert.Equal("bad.tflite: operator 0 (ADD) output 0 refers to tensor -1 but subgraph 0 has 3 tensors", ReadError(m.Build()));
    }

    [Fact]
    public void Read_GraphOutputOutOfRange_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Outputs = [3];
        Assert.Equal("bad.tflite: graph output 0 refers to tensor 3 but subgraph 0 has 3 tensors", ReadError(m.Build()));
    }

    [Fact]
    public void Read_PerChannelScalesNotMatchingDimension_IsLeftToTheOperatorThatUsesThem()
    {
        // TFLM's allocator copies the scales without looking at the shape; only kernels that read per-channel
        // scales check them. ADD reads a per-tensor scale, so its lowering is the one to refuse.
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Scales = [0.1f, 0.2f], ZeroPoints = [0, 0] };
        var graph = TfliteReader.Read(m.Build(), "/some/dir/bad.tflite");
        Assert.Equal([0.1f, 0.2f], graph.Tensors[1].Quantization!.Scales);
        var e = Assert.Throws<CompileException>(() => TinyLite.Codegen.Compiler.Compile(graph));
        Assert.Equal("bad.tflite: operator 0 (ADD, inputs INT8, INT8 -> outputs INT8): input 2 INT8 [3] is quantized per channel; only per-tensor quantization is supported", e.Message);
    }

    [Fact]
    public void Read_PerChannelQuantization_KeepsScalesAndDimension()
    {
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Shape = [1, 3], Scales = [0.1f, 0.2f, 0.3f], ZeroPoints = [0, 0, 0], QuantizedDimension = 1 };
        var q = TfliteReader.Read(m.Build(), "x.tflite").Tensors[1].Quantization!;
        Assert.Equal([0.1f, 0.2f, 0.3f], q.Scales);
        Assert.Equal(1, q.QuantizedDimension);
        Assert.True(q.IsPerChannel);
    }

    [Fact]
    public void Read_ZeroPointCountMismatch_TakesTheFirstZeroPointForEveryChannel()
    {
        // TFLM (InitializeTfLiteTensorFromFlatbuffer): a zero-point vector whose length differs from the scales'
        // is read as its first element repeated.
        var m = RawTflite.AddModel();
        m.Tensors[1] = m.Tensors[1] with { Shape = [1, 3], Scales = [0.1f, 0.2f, 0.3f], ZeroPoints = [5, 7], QuantizedDimension = 1 };
        var q = TfliteReader.Read(m.Build(), "x.tflite").Tensors[1].Quantization!;
        Assert.Equal([5L, 5L, 5L], q.ZeroPoints);
    }

    [Fact]
    public void Read_ZeroPointBeyondInt32_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { ZeroPoints = [1L << 40] };
        Assert.Equal($"bad.tflite: tensor 0 (x) has zero point {1L << 40}, outside the int32 range", ReadError(m.Build()));
    }

    [Fact]
    public void Read_NaNScale_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Scales = [float.NaN] };
        Assert.Equal("bad.tflite: tensor 0 (x) has invalid quantization scale NaN", ReadError(m.Build()));
    }

    [Fact]
    public void Read_SeveralUnsupportedTensors_ListsThemAll()
    {
        var m = RawTflite.AddModel();
        m.Tensors[0] = m.Tensors[0] with { Type = 5 }; // STRING
        m.Tensors[1] = m.Tensors[1] with { Sparse = true };
        m.Tensors[2] = m.Tensors[2] with { Type = 13 }; // RESOURCE
        string expected = string.Join(Environment.NewLine,
            "bad.tflite: 3 tensors use what TinyLite does not support:",
            "  tensor 0 (x) has type STRING, which TinyLite does not support",
            "  tensor 1 (w) is stored sparse, which TinyLite does not support",
            "  tensor 2 (y) has type RESOURCE, which TinyLite does not support");
        Assert.Equal(expected, ReadError(m.Build()));
    }

    [Fact]
    public void Read_ExternalBuffer_ReadsDataAfterTheFlatbuffer()
    {
        var m = RawTflite.AddModel();
        m.Buffers[1] = new RawTflite.RawBuffer(External: [7, 8, 9]);
        Assert.Equal([7, 8, 9], TfliteReader.Read(m.Build(), "x.tflite").Tensors[1].Data);
    }

    [Fact]
    public void Read_ExternalBufferOutsideFile_IsRejected()
    {
        var m = RawTflite.AddModel();
        m.Buffers[1] = new RawTflite.RawBuffer(External: [7, 8, 9], SizeOverride: 1UL << 40);
        byte[] bytes = m.Build();
        long offset = bytes.Length - 3;
        Assert.Equal($"bad.tflite: buffer 1 lies outside the file (offset {offset}, size {1UL << 40}, file {bytes.Length} bytes)", ReadError(bytes));
    }

    [Fact]
    public void Read_LegacyDeprecatedCodeOnly_GivesBuiltin()
    {
        var m = RawTflite.AddModel();
        m.OpCodes[0] = new RawTflite.RawOpCode(Deprecated: 41, Builtin: 0); // SUB, written by an old converter
        Assert.Equal(BuiltinOperator.Sub, TfliteReader.Read(m.Build(), "x.tflite").Operators[0].Op);
    }

    [Fact]
    public void Read_ExtendedBuiltinCode_UsesBuiltinCodeField()
    {
        var m = RawTflite.AddModel();
        m.OpCodes[0] = new RawTflite.RawOpCode(Deprecated: 127, Builtin: 150); // GELU
        var op = TfliteReader.Read(m.Build(), "x.tflite").Operators[0];
        Assert.Equal(150, (int)op.Op);
        Assert.Null(op.Options);
    }

    [Fact]
    public void Read_CustomOperator_KeepsCodeAndOptions()
    {
        var m = RawTflite.AddModel();
        m.OpCodes[0] = new RawTflite.RawOpCode(Deprecated: 32, Builtin: 32, Custom: "MyOp");
        m.Operators[0] = m.Operators[0] with { CustomOptions = [5, 6, 7] };
        var op = TfliteReader.Read(m.Build(), "x.tflite").Operators[0];
        Assert.Equal(BuiltinOperator.Custom, op.Op);
        Assert.Equal("MyOp", op.CustomCode);
        Assert.Equal("MyOp", op.OpName);
        Assert.Equal([5, 6, 7], op.CustomOptions);
    }

    [Fact]
    public void Read_OptionsOfWrongKind_IsRejected()
    {
        var m = ConvModel(b => ConvOptions(b, padding: 0, stride: 1));
        m.Operators[0] = m.Operators[0] with { OptionsType = 8 };
        Assert.Equal("bad.tflite: operator 0 (CONV_2D) has builtin options of union type 8, expected 1", ReadError(m.Build()));
    }

    [Fact]
    public void Read_BadPadding_IsRejected()
    {
        var m = ConvModel(b => ConvOptions(b, padding: 7, stride: 1));
        Assert.Equal("bad.tflite: operator 0 (CONV_2D) has padding 7, which is neither SAME nor VALID", ReadError(m.Build()));
    }

    [Fact]
    public void Read_ZeroStride_IsRejected()
    {
        var m = ConvModel(b => ConvOptions(b, padding: 1, stride: 0));
        Assert.Equal("bad.tflite: operator 0 (CONV_2D) has stride_w 0; it must be positive", ReadError(m.Build()));
    }

    [Fact]
    public void Read_ConvOptionsWithoutDilation_DefaultsDilationToOne()
    {
        var m = ConvModel(b => ConvOptions(b, padding: 1, stride: 2, activation: 3));
        Assert.Equal(new Conv2DOptions(Padding.Valid, 2, 2, Activation.Relu6, 1, 1), TfliteReader.Read(m.Build(), "x.tflite").Operators[0].Options);
    }

    [Fact]
    public void Read_BadActivation_IsRejected()
    {
        var m = ConvModel(b => ConvOptions(b, padding: 0, stride: 1, activation: 9));
        Assert.Equal("bad.tflite: operator 0 (CONV_2D) has fused activation 9, which is not a TFLite activation", ReadError(m.Build()));
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsFileName()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tinylite-missing-{Guid.NewGuid():N}.tflite");
        var e = Assert.Throws<CompileException>(() => TfliteReader.ReadFile(path));
        Assert.StartsWith($"{Path.GetFileName(path)}: cannot read the file: ", e.Message);
    }

    /// <summary>The ADD model with its operator turned into CONV_2D carrying the given options table.</summary>
    private static RawTflite ConvModel(Func<FlatBufferBuilder, int> options)
    {
        var m = RawTflite.AddModel();
        m.OpCodes[0] = new RawTflite.RawOpCode(3, 3);
        m.Operators[0] = m.Operators[0] with { OptionsType = 1, Options = options };
        return m;
    }

    /// <summary>Conv2DOptions with padding, equal strides and activation; the dilation fields are left out.</summary>
    private static int ConvOptions(FlatBufferBuilder b, sbyte padding, int stride, sbyte activation = 0)
    {
        b.StartTable(4);
        b.AddSbyte(0, padding, 0);
        b.AddInt(1, stride, 0);
        b.AddInt(2, stride, 0);
        b.AddSbyte(3, activation, 0);
        return b.EndTable();
    }
}
