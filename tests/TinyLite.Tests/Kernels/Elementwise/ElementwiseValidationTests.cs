using TinyLite.Runtime.Math;
using TinyLite.Runtime.Kernels.Elementwise;
using static TinyLite.Tests.Kernels.Elementwise.ElementwiseHarness;

namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>Load-time validation of hostile records, in-place execution, compile-time rejections, float bit helpers.</summary>
public class ElementwiseValidationTests
{
    /// <summary>The one kernel call of a compiled one-operator graph.</summary>
    private static KernelCall Lowered(Graph graph) => Compiler.Compile(graph).Calls.Single();

    /// <summary>A context with one byte[] per tensor: a, b, out (int8, sizes given).</summary>
    private static KernelContext Context(int aBytes, int bBytes, int outBytes, int type = TensorType.Int8) =>
        new([new byte[aBytes], new byte[bBytes], new byte[outBytes]], [0, 0, 0], [aBytes, bBytes, outBytes], [type, type, type]);

    private static OpRecord Record(int code, int[] p, int inputs = 2) => new()
    {
        Code = code,
        Inputs = inputs == 2 ? [0, 1] : [0],
        Outputs = [2],
        Params = p,
    };

    private static int[] AddS8Params()
    {
        var graph = Binary(BuiltinOperator.Add, DataType.Int8, [4, 4], [4], [4, 4], (0.1f, 0), (0.2f, 0), (0.3f, 0));
        return Lowered(graph).Params;
    }

    [Fact]
    public void Validate_LoweredAddS8_IsAccepted()
    {
        int[] p = AddS8Params();
        // [4,4] + [4]: one outer dimension (extent 4, strides 4 and 0) over rows of 4.
        Assert.Equal([1, 4, 1, 1, 4, 4, 0], p[AddSubParams.Broadcast..]);
        Assert.Null(ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, p)));
    }

    [Fact]
    public void Validate_BroadcastStrideReadingPastInput_IsRejected()
    {
        int[] p = AddS8Params();
        // Input 2 advancing per row: reads 4 + 3 elements of a 4-element tensor.
        p[AddSubParams.Broadcast + Broadcast.HeaderLength + Broadcast.DimStride2] = 1;
        Assert.Contains("reads past", ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, p)));
    }

    [Fact]
    public void Validate_RowsCoveringMoreThanTheOutput_IsRejected()
    {
        int[] p = AddS8Params();
        Assert.Contains("output has", ElementwiseFamily.Validate(Context(16, 4, 12), Record(OpCode.AddS8, p)));
        p[AddSubParams.Broadcast + Broadcast.HeaderLength + Broadcast.DimExtent] = 5;
        Assert.NotNull(ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, p)));
    }

    [Fact]
    public void Validate_BadActivationRangeOrShiftOrLength_IsRejected()
    {
        int[] p = AddS8Params();
        int[] bad = (int[])p.Clone();
        bad[AddSubParams.ActivationMin] = 100;
        bad[AddSubParams.ActivationMax] = 20;
        Assert.Equal("bad activation range", ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, bad)));
        bad = (int[])p.Clone();
        bad[AddSubParams.OutputShift] = 3;
        Assert.Equal("bad multiplier or shift", ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, bad)));
        Assert.NotNull(ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, p[..^1])));
        Assert.NotNull(ElementwiseFamily.Validate(Context(16, 4, 16), Record(OpCode.AddS8, [.. p, 0])));
    }

    [Fact]
    public void Validate_WrongTensorTypeOrIndex_IsRejected()
    {
        int[] p = AddS8Params();
        Assert.Contains("type", ElementwiseFamily.Validate(Context(32, 8, 32, TensorType.Int16), Record(OpCode.AddS8, p)));
        var record = Record(OpCode.AddS8, p);
        record.Inputs = [0, 7];
        Assert.Contains("out of range", ElementwiseFamily.Validate(Context(16, 4, 16), record));
        // The last code of the Elementwise family's range, which no kernel uses.
        int unused = (OpCode.AddS8 / OpCode.FamilyRange + 1) * OpCode.FamilyRange - 1;
        Assert.Contains("unknown kernel code", ElementwiseFamily.Validate(Context(16, 4, 16), Record(unused, p)));
    }

    [Fact]
    public void Validate_UnaryCountBeyondTensor_IsRejected()
    {
        var graph = Unary(BuiltinOperator.LeakyRelu, DataType.Int16, [10], (0.001f, 0), (0.001f, 0), new LeakyReluOptions(0.2f));
        int[] p = Lowered(graph).Params;
        var ctx = new KernelContext([new byte[20], null!, new byte[20]], [0, 0, 0], [20, 0, 20], [TensorType.Int16, 0, TensorType.Int16]);
        Assert.Null(ElementwiseFamily.Validate(ctx, Record(OpCode.LeakyReluS16, p, inputs: 1)));
        p[LeakyReluParams.Count] = 11;
        Assert.Contains("exceeds", ElementwiseFamily.Validate(ctx, Record(OpCode.LeakyReluS16, p, inputs: 1)));
    }

    [Fact]
    public void InPlace_AddS8OverFirstInput_GivesTheSameResult()
    {
        var graph = Binary(BuiltinOperator.Add, DataType.Int8, [4, 8], [4, 8], [4, 8], (0.1f, 3), (0.05f, -7), (0.12f, 1));
        var call = Lowered(graph);
        Assert.Equal([(0, 0), (0, 1)], call.InPlace);
        var a = Int8Bytes(ElementwiseHarness.Random(51, 32, -128, 127));
        var b = Int8Bytes(ElementwiseHarness.Random(52, 32, -128, 127));
        byte[] expected = Run(graph, a, b);

        // One arena: a at 0 (also the output), b at 32.
        byte[] arena = new byte[64];
        a.CopyTo(arena, 0);
        b.CopyTo(arena, 32);
        var ctx = new KernelContext([arena, arena, arena], [0, 32, 0], [32, 32, 32], [TensorType.Int8, TensorType.Int8, TensorType.Int8]);
        var record = Record(call.Code, call.Params);
        Assert.Null(ElementwiseFamily.Validate(ctx, record));
        ElementwiseFamily.Run(ctx, record);
        Assert.Equal(expected, arena[..32]);
    }

    public static TheoryData<string> InPlaceCases => new() { "mul_s8_broadcast", "sub_s16", "add_f32", "max_s32", "leaky_relu_s16", "hard_swish_s8", "relu_s8" };

    /// <summary>Each kernel run with its output at the same arena offset as input 0 gives the out-of-place result.</summary>
    [Theory]
    [MemberData(nameof(InPlaceCases))]
    public void InPlace_OutputOverFirstInput_GivesTheSameResult(string scenario)
    {
        Graph graph = scenario switch
        {
            "mul_s8_broadcast" => Binary(BuiltinOperator.Mul, DataType.Int8, [4, 8], [8], [4, 8], (0.1f, 3), (0.05f, -7), (0.02f, 1)),
            "sub_s16" => Binary(BuiltinOperator.Sub, DataType.Int16, [3, 7], [3, 7], [3, 7], (0.001f, 0), (0.002f, 0), (0.0015f, 0)),
            "add_f32" => Binary(BuiltinOperator.Add, DataType.Float32, [2, 5], [1, 5], [2, 5]),
            "max_s32" => Binary(BuiltinOperator.Maximum, DataType.Int32, [9], [9], [9]),
            "leaky_relu_s16" => Unary(BuiltinOperator.LeakyRelu, DataType.Int16, [33], (0.001f, 0), (0.0007f, 0), new LeakyReluOptions(0.2f)),
            "hard_swish_s8" => Unary(BuiltinOperator.HardSwish, DataType.Int8, [256], (0.05f, -10), (0.03f, -100)),
            _ => Unary(BuiltinOperator.Relu, DataType.Int8, [50], (0.05f, -10), (0.03f, -100)),
        };
        var call = Lowered(graph);
        Assert.Contains((0, 0), call.InPlace);
        var inputs = call.Inputs.Select((t, i) => ElementwiseHarness.Random(60 + i, graph.Tensors[t].ByteSize, 0, 255).Select(v => (byte)v).ToArray()).ToArray();
        if (graph.Tensors[call.Inputs[0]].Type == DataType.Float32)
            inputs = inputs.Select(b => FloatBytes(ElementwiseHarness.Random(70, b.Length / 4, -1000, 1000).Select(v => v / 7f).ToArray())).ToArray();
        byte[] expected = Run(graph, inputs);

        // One arena holding the inputs back to back; the output shares input 0's offset.
        int tensors = graph.Tensors.Count;
        var buffers = new byte[tensors][];
        var offsets = new int[tensors];
        var sizes = new int[tensors];
        var types = new int[tensors];
        byte[] arena = new byte[inputs.Sum(b => b.Length)];
        int at = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            int t = call.Inputs[i];
            inputs[i].CopyTo(arena, at);
            (buffers[t], offsets[t], sizes[t], types[t]) = (arena, at, inputs[i].Length, (int)graph.Tensors[t].Type);
            at += inputs[i].Length;
        }
        int o = call.Outputs[0];
        (buffers[o], offsets[o], sizes[o], types[o]) = (arena, 0, expected.Length, (int)graph.Tensors[o].Type);
        var ctx = new KernelContext(buffers, offsets, sizes, types);
        var record = new OpRecord { Code = call.Code, Inputs = call.Inputs, Outputs = call.Outputs, Params = call.Params };
        Assert.Null(ElementwiseFamily.Validate(ctx, record));
        ElementwiseFamily.Run(ctx, record);
        Assert.Equal(expected, arena[..expected.Length]);
    }

    [Fact]
    public void Lowering_SameShapes_IsOneFlatRow()
    {
        var graph = Binary(BuiltinOperator.Sub, DataType.Int16, [1, 5, 64], [5, 64], [1, 5, 64], (0.001f, 0), (0.002f, 0), (0.0015f, 0));
        Assert.Equal([0, 320, 1, 1], Lowered(graph).Params[AddSubParams.Broadcast..]);
    }

    [Fact]
    public void InPlace_BroadcastInput_IsNotOffered()
    {
        var graph = Binary(BuiltinOperator.Mul, DataType.Int8, [4, 8], [8], [4, 8], (0.1f, 3), (0.05f, -7), (0.12f, 1));
        Assert.Equal([(0, 0)], Lowered(graph).InPlace);
    }

    [Theory]
    [InlineData("shapes", "do not broadcast")]
    [InlineData("dtypes", "must have one dtype")]
    [InlineData("uint8", "is not supported")]
    [InlineData("unquantized", "no quantization")]
    [InlineData("unquantized_shapes", "no quantization")]
    [InlineData("mul_int16_zero_point", "zero points of 0")]
    [InlineData("tanh", "fused activation Tanh is not supported")]
    [InlineData("hard_swish_int16", "dtype INT16 is not supported (int8, float32 are)")]
    [InlineData("relu_int32", "dtype INT32 is not supported (int8, int16, float32 are)")]
    public void Compile_UnsupportedCombination_FailsNamingTheOperator(string scenario, string message)
    {
        Graph graph = scenario switch
        {
            "shapes" => Binary(BuiltinOperator.Add, DataType.Int8, [2, 3], [3, 2], [2, 3], (0.1f, 0), (0.1f, 0), (0.1f, 0)),
            "dtypes" => Mixed(),
            "uint8" => Binary(BuiltinOperator.Add, DataType.UInt8, [4], [4], [4], (0.1f, 0), (0.1f, 0), (0.1f, 0)),
            "unquantized" => Binary(BuiltinOperator.Sub, DataType.Int8, [4], [4], [4]),
            // Both wrong: the quantization is checked before the broadcast is planned.
            "unquantized_shapes" => Binary(BuiltinOperator.Add, DataType.Int8, [2, 3], [3, 2], [2, 3]),
            "mul_int16_zero_point" => Binary(BuiltinOperator.Mul, DataType.Int16, [4], [4], [4], (0.1f, 2), (0.1f, 0), (0.1f, 0)),
            "tanh" => Binary(BuiltinOperator.Add, DataType.Int8, [4], [4], [4], (0.1f, 0), (0.1f, 0), (0.1f, 0), new AddSubOptions(Activation.Tanh, false)),
            "relu_int32" => Unary(BuiltinOperator.Relu, DataType.Int32, [4], (0.1f, 0), (0.1f, 0)),
            _ => Unary(BuiltinOperator.HardSwish, DataType.Int16, [4], (0.1f, 0), (0.1f, 0)),
        };
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(graph));
        Assert.Contains("operator 0 (", e.Message);
        Assert.Contains(message, e.Message);
    }

    private static Graph Mixed()
    {
        var g = new GraphBuilder("mixed.tflite");
        int a = g.AddInput("a", DataType.Int8, [4], 0.1f, 0);
        int b = g.AddInput("b", DataType.Int16, [4], 0.1f, 0);
        int o = g.AddTensor("o", DataType.Int8, [4], 0.1f, 0);
        g.AddOperator(BuiltinOperator.Add, [a, b], [o]).MarkOutput(o);
        return g.Build();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    [InlineData(0x3FC00000)]
    [InlineData(unchecked((int)0x9FC00000))]
    [InlineData(0x7F7FFFFF)]
    [InlineData(1)]
    [InlineData(unchecked((int)0x807FFFFF))]
    [InlineData(0x00800000)]
    [InlineData(0x7F800000)]
    [InlineData(unchecked((int)0xFF800000))]
    [InlineData(0x7FC00000)]
    [InlineData(unchecked((int)0xFFC12345))]
    public void Float32Bits_RoundTripsEveryKindOfFloat(int bits)
    {
        // Zeros, normals, subnormals, extremes, infinities and quiet NaNs with payloads.
        float value = BitConverter.Int32BitsToSingle(bits);
        Assert.Equal(bits, FloatBits.ToBits(value));
        Assert.Equal(bits, BitConverter.SingleToInt32Bits(FloatBits.FromBits(bits)));
    }
}
