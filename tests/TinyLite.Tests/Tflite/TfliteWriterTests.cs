using System.Text;
using Google.FlatBuffers;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Tflite;

/// <summary>TfliteWriter on graphs built by hand: every options record, every kind of tensor, the file layout.</summary>
public class TfliteWriterTests
{
    [Fact]
    public void Write_EveryOptionsRecordAndTensorKind_ReadsBackEqual()
    {
        var graph = RichGraph();
        var reread = TfliteReader.Read(TfliteWriter.Write(graph), "rich.tflite");
        GraphAssert.Equal(graph, reread);
    }

    [Fact]
    public void Write_RichGraph_HasTfliteHeaderAndBufferLayout()
    {
        var graph = RichGraph();
        byte[] bytes = TfliteWriter.Write(graph);
        var probe = new Probe(bytes);

        Assert.Equal("TFL3", Encoding.ASCII.GetString(bytes, 4, 4));
        var model = probe.Root();
        Assert.Equal(3u, probe.UInt(model, 0));
        Assert.Equal(1, probe.VectorLength(model, 2)); // one subgraph
        Assert.Equal("rich graph", probe.String(model, 3));

        // Buffer 0 is the empty sentinel; then one buffer per constant, its data 16-byte aligned.
        int constants = graph.Tensors.Count(t => t.Data != null);
        Assert.Equal(1 + constants, probe.VectorLength(model, 4));
        Assert.Equal(0, probe.Field(probe.TableAt(model, 4, 0), 0));
        for (int i = 1; i <= constants; i++)
        {
            var buffer = probe.TableAt(model, 4, i);
            Assert.Equal(0, probe.VectorStart(buffer, 0) % 16);
        }
    }

    [Fact]
    public void Write_ExtendedBuiltinCode_ClampsDeprecatedCodeTo127()
    {
        var b = new GraphBuilder("gelu.tflite");
        int x = b.AddInput("x", DataType.Int8, [4], 0.1f);
        int y = b.AddTensor("y", DataType.Int8, [4], 0.1f);
        int z = b.AddTensor("z", DataType.Int8, [4], 0.1f);
        b.AddOperator((BuiltinOperator)150, [x], [y]); // GELU
        b.AddOperator(BuiltinOperator.Logistic, [y], [z]);
        b.MarkOutput(z);
        var probe = new Probe(TfliteWriter.Write(b.Build()));

        var model = probe.Root();
        Assert.Equal(2, probe.VectorLength(model, 1));
        var gelu = probe.TableAt(model, 1, 0);
        Assert.Equal(127, probe.SByte(gelu, 0));
        Assert.Equal(150, probe.Int(gelu, 3));
        var logistic = probe.TableAt(model, 1, 1);
        Assert.Equal(14, probe.SByte(logistic, 0));
        Assert.Equal(14, probe.Int(logistic, 3));
    }

    [Fact]
    public void Write_OptionsOfAnotherOperator_Throws()
    {
        var b = new GraphBuilder("bad.tflite");
        int x = b.AddInput("x", DataType.Int8, [4], 0.1f);
        int y = b.AddTensor("y", DataType.Int8, [4], 0.1f);
        b.AddOperator(BuiltinOperator.Conv2D, [x], [y], new MulOptions(Activation.None));
        var e = Assert.Throws<ArgumentException>(() => TfliteWriter.Write(b.Build()));
        Assert.Equal("operator 0 (CONV_2D) cannot carry MulOptions", e.Message);
    }

    [Fact]
    public void Write_DataOfWrongLength_Throws()
    {
        var b = new GraphBuilder("bad.tflite");
        b.AddConstantInt32("bias", [3], [1, 2]);
        var e = Assert.Throws<ArgumentException>(() => TfliteWriter.Write(b.Build()));
        Assert.Equal("tensor 0 (bias): INT32 [3] needs 12 bytes but has 8", e.Message);
    }

    /// <summary>A graph (not meant to run) that uses every options record with non-default values and every tensor kind.</summary>
    private static Graph RichGraph()
    {
        var b = new GraphBuilder("rich.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 8, 8, 4], 0.5f, -3);
        int a = b.AddTensor("a", DataType.Int8, [1, 8, 8, 4], 0.25f, 7);
        int s16 = b.AddTensor("s16", DataType.Int16, [1, 8, 8, 4], 0.001f);
        int w4 = b.Add("w4", DataType.Int4, [2, 1, 1, 3], new Quantization([0.1f, 0.2f], [0, 0], 0), [0x21, 0xF3, 0x7E]);
        int w8 = b.AddConstantInt8("w8", [1, 3, 3, 4], Enumerable.Range(0, 36).Select(i => (sbyte)(i - 18)).ToArray(),
            [0.1f, 0.2f, 0.3f, 0.4f], axis: 3);
        int bias = b.AddConstantInt32("bias", [4], [1, -2, 3, -4], new Quantization([0.01f, 0.02f, 0.03f, 0.04f], [0, 0, 0, 0], 0));
        int bias64 = b.AddConstantInt64("bias64", [2], [1L << 40, -5]);
        int shape = b.AddConstantInt32("shape", [2], [1, -1]);
        int state = b.Add("state", DataType.Int16, [1, 16], new Quantization([0.003f], [0], 0), null, isVariable: true);
        int f = b.AddTensor("f", DataType.Float32, [1, 4]);
        int u = b.AddTensor("u", DataType.UInt8, [3]);

        b.AddOperator(BuiltinOperator.Conv2D, [x, w4, bias64], [a], new Conv2DOptions(Padding.Valid, 2, 3, Activation.Relu6, 2, 1));
        b.AddOperator(BuiltinOperator.DepthwiseConv2D, [a, w8, bias], [a],
            new DepthwiseConv2DOptions(Padding.Same, 1, 2, 2, Activation.Relu, 1, 3));
        b.AddOperator(BuiltinOperator.AveragePool2D, [a], [a], new Pool2DOptions(Padding.Valid, 2, 2, 3, 4, Activation.ReluN1To1));
        b.AddOperator(BuiltinOperator.MaxPool2D, [a], [a], new Pool2DOptions(Padding.Same, 1, 1, 2, 2, Activation.None));
        b.AddOperator(BuiltinOperator.FullyConnected, [a, w8, -1], [a], new FullyConnectedOptions(Activation.Tanh, 1, true, true));
        b.AddOperator(BuiltinOperator.TransposeConv, [shape, w8, a, -1], [a], new TransposeConvOptions(Padding.Valid, 3, 2, Activation.Relu));
        b.AddOperator(BuiltinOperator.Add, [a, a], [a], new AddSubOptions(Activation.Relu6, false));
        b.AddOperator(BuiltinOperator.Sub, [s16, s16], [s16], new AddSubOptions(Activation.None, true));
        b.AddOperator(BuiltinOperator.Mul, [a, a], [a], new MulOptions(Activation.SignBit));
        b.AddOperator(BuiltinOperator.Concatenation, [a, a], [a], new ConcatenationOptions(-1, Activation.Relu));
        b.AddOperator(BuiltinOperator.Reshape, [a, shape], [a], new ReshapeOptions([1, -1]));
        b.AddOperator(BuiltinOperator.Reshape, [a], [a], new ReshapeOptions([]));
        b.AddOperator(BuiltinOperator.Softmax, [a], [a], new SoftmaxOptions(0.5f));
        b.AddOperator(BuiltinOperator.StridedSlice, [a, shape, shape, shape], [a], new StridedSliceOptions(1, 2, 4, 8, 16, true));
        b.AddOperator(BuiltinOperator.LeakyRelu, [s16], [s16], new LeakyReluOptions(0.2f));
        b.AddOperator(BuiltinOperator.Mean, [a, shape], [a], new ReducerOptions(true));
        b.AddOperator(BuiltinOperator.ReduceMax, [a, shape], [a], new ReducerOptions(false));
        b.AddOperator(BuiltinOperator.Squeeze, [a], [a], new SqueezeOptions([1, 2]));
        b.AddOperator(BuiltinOperator.Dequantize, [a], [f]);
        b.AddOperator(BuiltinOperator.Svdf, [s16, w8, w8, bias, state], [s16], new SvdfOptions(2, Activation.Relu, true));
        b.AddOperator(BuiltinOperator.Div, [bias, bias], [bias], new DivOptions(Activation.Relu6));
        b.AddOperator(BuiltinOperator.Cast, [a], [u]);
        b.MarkOutput(f);
        var g = b.Build();
        var custom = new Operator
        {
            Index = g.Operators.Count, Op = BuiltinOperator.Custom, CustomCode = "SignalWindow", Inputs = [s16], Outputs = [s16],
            CustomOptions = [0x10, 0x20, 0x30, 0x01],
        };
        return new Graph
        {
            Source = g.Source, Tensors = g.Tensors, Operators = [.. g.Operators, custom], Inputs = g.Inputs, Outputs = g.Outputs,
            Description = "rich graph",
        };
    }

    /// <summary>Minimal Table-style access to check raw fields of the written flatbuffer (trusted input).</summary>
    private sealed class Probe(byte[] bytes)
    {
        private readonly ByteBuffer _bb = new(bytes);

        public int Root() => _bb.GetInt(0);

        /// <summary>Absolute position of field <paramref name="id"/> of the table at <paramref name="table"/>, or 0.</summary>
        public int Field(int table, int id)
        {
            int vtable = table - _bb.GetInt(table);
            int slot = 4 + 2 * id;
            if (slot >= _bb.GetUshort(vtable)) return 0;
            int offset = _bb.GetUshort(vtable + slot);
            return offset == 0 ? 0 : table + offset;
        }

        public uint UInt(int table, int id) => _bb.GetUint(Field(table, id));

        public int Int(int table, int id) => Field(table, id) is var p and not 0 ? _bb.GetInt(p) : 0;

        public sbyte SByte(int table, int id) => Field(table, id) is var p and not 0 ? _bb.GetSbyte(p) : (sbyte)0;

        private int Vector(int table, int id)
        {
            int p = Field(table, id);
            return p + _bb.GetInt(p);
        }

        public int VectorLength(int table, int id) => _bb.GetInt(Vector(table, id));

        /// <summary>Position of the first element of a vector field.</summary>
        public int VectorStart(int table, int id) => Vector(table, id) + 4;

        public int TableAt(int table, int id, int index)
        {
            int element = VectorStart(table, id) + 4 * index;
            return element + _bb.GetInt(element);
        }

        public string String(int table, int id) =>
            Encoding.UTF8.GetString(bytes, VectorStart(table, id), VectorLength(table, id));
    }
}
