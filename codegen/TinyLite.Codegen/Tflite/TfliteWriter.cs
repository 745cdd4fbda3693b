using Google.FlatBuffers;
using TinyLite.Codegen.Ir;
using S = TinyLite.Codegen.Tflite.TfliteSchema;

namespace TinyLite.Codegen.Tflite;

/// <summary>
/// Writes a <see cref="Graph"/> as a standard TFLite flatbuffer: schema version 3, file identifier "TFL3", one
/// subgraph ("main"), buffer 0 empty and one buffer per constant tensor (data 16-byte aligned), operator codes
/// with both <c>deprecated_builtin_code</c> (clamped to 127) and <c>builtin_code</c>, the builtin options records
/// of <c>Ir/Options.cs</c>, quantization, and int4 data packed as it is in <see cref="Tensor.Data"/>.
/// <see cref="TfliteReader"/> reads the result back to an equal graph.
/// </summary>
public static class TfliteWriter
{
    /// <summary>The model as .tflite bytes. Throws <see cref="ArgumentException"/> for an inconsistent graph.</summary>
    public static byte[] Write(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        long dataBytes = graph.Tensors.Sum(t => (long)(t.Data?.Length ?? 0));
        var b = new FlatBufferBuilder((int)System.Math.Min(int.MaxValue / 2, 4096 + dataBytes + 32L * graph.Tensors.Count));

        // Buffers: 0 is the empty sentinel every activation refers to; each constant gets its own.
        var buffers = new List<int> { EmptyTable(b) };
        var tensorBuffer = new uint[graph.Tensors.Count];
        for (int i = 0; i < graph.Tensors.Count; i++)
        {
            if (graph.Tensors[i].Data is not { } data) continue;
            tensorBuffer[i] = (uint)buffers.Count;
            buffers.Add(DataBuffer(b, data));
        }

        var codeIndex = new Dictionary<(BuiltinOperator, string?), uint>();
        var codes = new List<int>();
        var operators = new int[graph.Operators.Count];
        for (int i = 0; i < graph.Operators.Count; i++)
        {
            var op = graph.Operators[i];
            var key = (op.Op, op.Op == BuiltinOperator.Custom ? op.CustomCode : null);
            if (!codeIndex.TryGetValue(key, out uint code))
            {
                code = (uint)codes.Count;
                codeIndex.Add(key, code);
                codes.Add(OperatorCode(b, op.Op, key.Item2));
            }
            operators[i] = Operator(b, graph, op, code);
        }

        var tensors = new int[graph.Tensors.Count];
        for (int i = 0; i < graph.Tensors.Count; i++) tensors[i] = Tensor(b, graph.Tensors[i], tensorBuffer[i]);

        int subgraph = SubGraph(b, graph, tensors, operators);

        var codesVector = Offsets(b, codes);
        var subgraphsVector = Offsets(b, [subgraph]);
        var buffersVector = Offsets(b, buffers);
        StringOffset description = graph.Description.Length > 0 ? b.CreateString(graph.Description) : default;
        b.StartTable(S.Model.FieldCount);
        b.AddUint(S.Model.Version, S.Version, 0);
        b.AddOffset(S.Model.OperatorCodes, codesVector.Value, 0);
        b.AddOffset(S.Model.Subgraphs, subgraphsVector.Value, 0);
        b.AddOffset(S.Model.Description, description.Value, 0);
        b.AddOffset(S.Model.Buffers, buffersVector.Value, 0);
        int model = b.EndTable();
        b.Finish(model, S.FileIdentifier);
        return b.SizedByteArray();
    }

    private static int EmptyTable(FlatBufferBuilder b)
    {
        b.StartTable(0);
        return b.EndTable();
    }

    private static int DataBuffer(FlatBufferBuilder b, byte[] data)
    {
        b.StartVector(1, data.Length, S.Buffer.DataAlignment);
        for (int i = data.Length - 1; i >= 0; i--) b.AddByte(data[i]);
        var vector = b.EndVector();
        b.StartTable(S.Buffer.FieldCount);
        b.AddOffset(S.Buffer.Data, vector.Value, 0);
        return b.EndTable();
    }

    private static int OperatorCode(FlatBufferBuilder b, BuiltinOperator op, string? customCode)
    {
        StringOffset custom = customCode != null ? b.CreateString(customCode) : default;
        int code = (int)op;
        b.StartTable(S.OperatorCode.FieldCount);
        b.AddSbyte(S.OperatorCode.DeprecatedBuiltinCode, (sbyte)System.Math.Min(code, S.PlaceholderForGreaterOpCodes), 0);
        b.AddOffset(S.OperatorCode.CustomCode, custom.Value, 0);
        b.AddInt(S.OperatorCode.Version, 1, 1);
        b.AddInt(S.OperatorCode.BuiltinCode, code, 0);
        return b.EndTable();
    }

    private static int Tensor(FlatBufferBuilder b, Tensor t, uint buffer)
    {
        // Catch hand-built graphs that the reader would refuse, with the reason, at the point of writing.
        if (t.Data != null && t.Data.Length != t.ByteSize)
            throw new ArgumentException($"tensor {t.Index} ({t.Name}): {t.Describe()} needs {t.ByteSize} bytes but has {t.Data.Length}");
        var shape = Ints(b, t.Shape);
        var name = b.CreateString(t.Name);
        int quantization = t.Quantization is { } q ? Quantization(b, q) : 0;
        b.StartTable(S.Tensor.FieldCount);
        b.AddOffset(S.Tensor.Shape, shape.Value, 0);
        b.AddSbyte(S.Tensor.Type, (sbyte)t.Type, 0);
        b.AddUint(S.Tensor.Buffer, buffer, 0);
        b.AddOffset(S.Tensor.Name, name.Value, 0);
        b.AddOffset(S.Tensor.Quantization, quantization, 0);
        b.AddBool(S.Tensor.IsVariable, t.IsVariable, false);
        return b.EndTable();
    }

    private static int Quantization(FlatBufferBuilder b, Quantization q)
    {
        b.StartVector(4, q.Scales.Length, 4);
        for (int i = q.Scales.Length - 1; i >= 0; i--) b.AddFloat(q.Scales[i]);
        var scales = b.EndVector();
        b.StartVector(8, q.ZeroPoints.Length, 8);
        for (int i = q.ZeroPoints.Length - 1; i >= 0; i--) b.AddLong(q.ZeroPoints[i]);
        var zeroPoints = b.EndVector();
        b.StartTable(S.QuantizationParameters.FieldCount);
        b.AddOffset(S.QuantizationParameters.Scale, scales.Value, 0);
        b.AddOffset(S.QuantizationParameters.ZeroPoint, zeroPoints.Value, 0);
        b.AddInt(S.QuantizationParameters.QuantizedDimension, q.QuantizedDimension, 0);
        return b.EndTable();
    }

    private static int Operator(FlatBufferBuilder b, Graph graph, Operator op, uint code)
    {
        foreach (int t in op.Inputs.Concat(op.Outputs))
        {
            if (t < -1 || t >= graph.Tensors.Count)
                throw new ArgumentException($"operator {op.Index} ({op.OpName}) refers to tensor {t} of {graph.Tensors.Count}");
        }
        var inputs = Ints(b, op.Inputs);
        var outputs = Ints(b, op.Outputs);
        var (optionsType, options) = Options(b, op);
        VectorOffset custom = default;
        if (op.CustomOptions is { } bytes)
        {
            b.StartVector(1, bytes.Length, 1);
            for (int i = bytes.Length - 1; i >= 0; i--) b.AddByte(bytes[i]);
            custom = b.EndVector();
        }
        b.StartTable(S.Operator.FieldCount);
        b.AddUint(S.Operator.OpcodeIndex, code, 0);
        b.AddOffset(S.Operator.Inputs, inputs.Value, 0);
        b.AddOffset(S.Operator.Outputs, outputs.Value, 0);
        b.AddByte(S.Operator.BuiltinOptionsType, optionsType, 0);
        b.AddOffset(S.Operator.BuiltinOptions, options, 0);
        b.AddOffset(S.Operator.CustomOptions, custom.Value, 0);
        return b.EndTable();
    }

    /// <summary>The union type and table of the operator's options (None, 0 when it has none).</summary>
    private static (byte Type, int Table) Options(FlatBufferBuilder b, Operator op)
    {
        if (op.Options is null) return (S.Options.None, 0);
        byte type = S.OptionsTypeOf(op.Op);
        bool matches = (type, op.Options) switch
        {
            (S.Options.Conv2D, Conv2DOptions) or (S.Options.DepthwiseConv2D, DepthwiseConv2DOptions) or (S.Options.Pool2D, Pool2DOptions)
                or (S.Options.FullyConnected, FullyConnectedOptions) or (S.Options.Softmax, SoftmaxOptions)
                or (S.Options.Concatenation, ConcatenationOptions) or (S.Options.Add, AddSubOptions) or (S.Options.Sub, AddSubOptions)
                or (S.Options.Reshape, ReshapeOptions) or (S.Options.Mul, MulOptions) or (S.Options.Reducer, ReducerOptions)
                or (S.Options.Squeeze, SqueezeOptions) or (S.Options.StridedSlice, StridedSliceOptions)
                or (S.Options.TransposeConv, TransposeConvOptions) or (S.Options.LeakyRelu, LeakyReluOptions)
                or (S.Options.UnidirectionalSequenceLstm, UnidirectionalSequenceLstmOptions)
                or (S.Options.Div, DivOptions) or (S.Options.Svdf, SvdfOptions) => true,
            _ => false,
        };
        if (!matches)
            throw new ArgumentException($"operator {op.Index} ({op.OpName}) cannot carry {op.Options.GetType().Name}");
        if (op.Options is Conv2DOptions { Explicit: not null } or DepthwiseConv2DOptions { Explicit: not null } or Pool2DOptions { Explicit: not null })
            throw new ArgumentException($"operator {op.Index} ({op.OpName}) has a folded explicit padding, which TFLite cannot express");

        // Vectors must be built before the table is started.
        VectorOffset vector = op.Options switch
        {
            ReshapeOptions { NewShape.Length: > 0 } r => Ints(b, r.NewShape),
            SqueezeOptions { SqueezeDims.Length: > 0 } s => Ints(b, s.SqueezeDims),
            _ => default,
        };

        switch (op.Options)
        {
            case Conv2DOptions c:
                b.StartTable(6);
                b.AddSbyte(0, (sbyte)c.Padding, 0);
                b.AddInt(1, c.StrideW, 0);
                b.AddInt(2, c.StrideH, 0);
                b.AddSbyte(3, (sbyte)c.Activation, 0);
                b.AddInt(4, c.DilationW, 1);
                b.AddInt(5, c.DilationH, 1);
                break;
            case DepthwiseConv2DOptions c:
                b.StartTable(7);
                b.AddSbyte(0, (sbyte)c.Padding, 0);
                b.AddInt(1, c.StrideW, 0);
                b.AddInt(2, c.StrideH, 0);
                b.AddInt(3, c.DepthMultiplier, 0);
                b.AddSbyte(4, (sbyte)c.Activation, 0);
                b.AddInt(5, c.DilationW, 1);
                b.AddInt(6, c.DilationH, 1);
                break;
            case Pool2DOptions p:
                b.StartTable(6);
                b.AddSbyte(0, (sbyte)p.Padding, 0);
                b.AddInt(1, p.StrideW, 0);
                b.AddInt(2, p.StrideH, 0);
                b.AddInt(3, p.FilterW, 0);
                b.AddInt(4, p.FilterH, 0);
                b.AddSbyte(5, (sbyte)p.Activation, 0);
                break;
            case FullyConnectedOptions f:
                b.StartTable(4);
                b.AddSbyte(0, (sbyte)f.Activation, 0);
                b.AddSbyte(1, (sbyte)f.WeightsFormat, 0);
                b.AddBool(2, f.KeepNumDims, false);
                b.AddBool(3, f.AsymmetricQuantizeInputs, false);
                break;
            case SoftmaxOptions s:
                b.StartTable(1);
                b.AddFloat(0, s.Beta, 0.0);
                break;
            case ConcatenationOptions c:
                b.StartTable(2);
                b.AddInt(0, c.Axis, 0);
                b.AddSbyte(1, (sbyte)c.Activation, 0);
                break;
            case AddSubOptions a:
                b.StartTable(2);
                b.AddSbyte(0, (sbyte)a.Activation, 0);
                b.AddBool(1, a.PotScaleInt16, true);
                break;
            case ReshapeOptions:
            case SqueezeOptions:
                b.StartTable(1);
                b.AddOffset(0, vector.Value, 0);
                break;
            case MulOptions m:
                b.StartTable(1);
                b.AddSbyte(0, (sbyte)m.Activation, 0);
                break;
            case DivOptions d:
                b.StartTable(1);
                b.AddSbyte(0, (sbyte)d.Activation, 0);
                break;
            case SvdfOptions v:
                b.StartTable(3);
                b.AddInt(0, v.Rank, 0);
                b.AddSbyte(1, (sbyte)v.Activation, 0);
                b.AddBool(2, v.AsymmetricQuantizeInputs, false);
                break;
            case ReducerOptions r:
                b.StartTable(1);
                b.AddBool(0, r.KeepDims, false);
                break;
            case StridedSliceOptions s:
                b.StartTable(6);
                b.AddInt(0, s.BeginMask, 0);
                b.AddInt(1, s.EndMask, 0);
                b.AddInt(2, s.EllipsisMask, 0);
                b.AddInt(3, s.NewAxisMask, 0);
                b.AddInt(4, s.ShrinkAxisMask, 0);
                b.AddBool(5, s.Offset, false);
                break;
            case TransposeConvOptions c:
                b.StartTable(4);
                b.AddSbyte(0, (sbyte)c.Padding, 0);
                b.AddInt(1, c.StrideW, 0);
                b.AddInt(2, c.StrideH, 0);
                b.AddSbyte(3, (sbyte)c.Activation, 0);
                break;
            case LeakyReluOptions l:
                b.StartTable(1);
                b.AddFloat(0, l.Alpha, 0.0);
                break;
            case UnidirectionalSequenceLstmOptions u:
                b.StartTable(6);
                b.AddSbyte(0, (sbyte)u.Activation, 0);
                b.AddFloat(1, u.CellClip, 0.0);
                b.AddFloat(2, u.ProjClip, 0.0);
                b.AddBool(3, u.TimeMajor, false);
                b.AddBool(4, u.AsymmetricQuantizeInputs, false);
                b.AddBool(5, u.DiagonalRecurrentTensors, false);
                break;
            default:
                throw new ArgumentException($"operator {op.Index}: no encoder for {op.Options.GetType().Name}");
        }
        return (type, b.EndTable());
    }

    private static int SubGraph(FlatBufferBuilder b, Graph graph, int[] tensors, int[] operators)
    {
        foreach (int t in graph.Inputs.Concat(graph.Outputs))
        {
            if (t < 0 || t >= graph.Tensors.Count)
                throw new ArgumentException($"graph input/output refers to tensor {t} of {graph.Tensors.Count}");
        }
        var tensorsVector = Offsets(b, tensors);
        var inputs = Ints(b, graph.Inputs);
        var outputs = Ints(b, graph.Outputs);
        var operatorsVector = Offsets(b, operators);
        var name = b.CreateString("main");
        b.StartTable(S.SubGraph.FieldCount);
        b.AddOffset(S.SubGraph.Tensors, tensorsVector.Value, 0);
        b.AddOffset(S.SubGraph.Inputs, inputs.Value, 0);
        b.AddOffset(S.SubGraph.Outputs, outputs.Value, 0);
        b.AddOffset(S.SubGraph.Operators, operatorsVector.Value, 0);
        b.AddOffset(S.SubGraph.Name, name.Value, 0);
        return b.EndTable();
    }

    private static VectorOffset Ints(FlatBufferBuilder b, IReadOnlyList<int> values)
    {
        b.StartVector(4, values.Count, 4);
        for (int i = values.Count - 1; i >= 0; i--) b.AddInt(values[i]);
        return b.EndVector();
    }

    private static VectorOffset Offsets(FlatBufferBuilder b, IReadOnlyList<int> tables)
    {
        b.StartVector(4, tables.Count, 4);
        for (int i = tables.Count - 1; i >= 0; i--) b.AddOffset(tables[i]);
        return b.EndVector();
    }
}
