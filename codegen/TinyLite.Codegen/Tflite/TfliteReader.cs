using System.Security.Cryptography;
using TinyLite.Codegen.Ir;
using S = TinyLite.Codegen.Tflite.TfliteSchema;

namespace TinyLite.Codegen.Tflite;

/// <summary>
/// Reads a TFLite flatbuffer (schema version 3) into the IR: subgraph 0's tensors with quantization and constant
/// data, its operators with decoded builtin options, the graph inputs/outputs, the description and the file's
/// SHA-256. The file is untrusted: anything malformed ends in a <see cref="CompileException"/> whose one-line
/// message names the file and the tensor, operator or buffer at fault; nothing is allocated before its size has
/// been checked against the file length.
/// </summary>
public static class TfliteReader
{
    /// <summary>Largest rank accepted; TFLite kernels use at most 6.</summary>
    public const int MaxRank = 16;

    /// <summary>Largest element count accepted for one tensor (its bytes must fit a .NET array).</summary>
    public const long MaxElements = int.MaxValue;

    /// <summary>Reads the file at <paramref name="path"/>; messages name its file name.</summary>
    public static Graph ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CompileException($"{Path.GetFileName(path)}: cannot read the file: {OneLine(e.Message)}");
        }
        return Read(bytes, path);
    }

    /// <summary>
    /// Reads a model from <paramref name="bytes"/>. <paramref name="source"/> (a path or file name) becomes
    /// <see cref="Graph.Source"/>; error messages start with its file name.
    /// </summary>
    public static Graph Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string name = Path.GetFileName(source);
        try
        {
            return new Decoder(new FlatBufferView(bytes, name), source).Decode(bytes);
        }
        catch (CompileException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Last resort: the explicit checks should have caught this first.
            throw new CompileException($"{name}: malformed TFLite file ({e.GetType().Name}: {OneLine(e.Message)})");
        }
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>A name from the file as it may appear in a one-line message: control characters replaced, at most 120 characters.</summary>
    private static string ForMessage(string name)
    {
        var chars = name.Take(120).Select(c => char.IsControl(c) ? '?' : c).ToArray();
        return name.Length > 120 ? new string(chars) + "..." : new string(chars);
    }

    /// <summary>One decoding pass over one file.</summary>
    private sealed class Decoder(FlatBufferView fb, string source)
    {
        /// <summary>Memory charged per decoded tensor or operator object (see <see cref="FlatBufferView.Charge"/>).</summary>
        private const int ObjectCost = 64;

        private int _bufferCount;
        private FlatVector _buffers;
        private readonly Dictionary<uint, byte[]?> _bufferData = new();
        private int _tensorCount;

        /// <summary>One message per tensor that is well formed but uses a type or storage TinyLite does not support.</summary>
        private readonly List<string> _unsupported = new();

        public Graph Decode(byte[] bytes)
        {
            if (fb.Length < 8)
                throw fb.Error($"file is {fb.Length} bytes, too small to be a TFLite model");
            CheckIdentifier();
            var model = fb.Root("model");
            uint version = fb.UInt(model, S.Model.Version, 0);
            if (version != S.Version)
                throw fb.Error($"TFLite schema version {version} is not supported (expected {S.Version})");

            var opCodes = ReadOperatorCodes(model);
            _buffers = fb.Vector(model, S.Model.Buffers, 4, "buffers") ?? new FlatVector(0, 0);
            _bufferCount = _buffers.Count;

            var subgraphs = fb.Vector(model, S.Model.Subgraphs, 4, "subgraphs");
            if (subgraphs is null || subgraphs.Value.Count == 0)
                throw fb.Error("the model has no subgraphs");
            var subgraph = fb.TableAt(subgraphs.Value, 0, "subgraph 0");

            var tensorVector = fb.Vector(subgraph, S.SubGraph.Tensors, 4, "subgraph 0 tensors") ?? new FlatVector(0, 0);
            _tensorCount = tensorVector.Count;
            var tensors = new List<Tensor>(_tensorCount);
            for (int i = 0; i < _tensorCount; i++) tensors.Add(ReadTensor(tensorVector, i));
            if (_unsupported.Count == 1) throw fb.Error(_unsupported[0]);
            if (_unsupported.Count > 1)
                throw fb.Error($"{_unsupported.Count} tensors use what TinyLite does not support:{Environment.NewLine}  "
                    + string.Join(Environment.NewLine + "  ", _unsupported));

            var operatorVector = fb.Vector(subgraph, S.SubGraph.Operators, 4, "subgraph 0 operators") ?? new FlatVector(0, 0);
            var operators = new List<Operator>(operatorVector.Count);
            for (int i = 0; i < operatorVector.Count; i++) operators.Add(ReadOperator(operatorVector, i, opCodes));

            return new Graph
            {
                Source = source,
                Tensors = tensors,
                Operators = operators,
                Inputs = TensorList(subgraph, S.SubGraph.Inputs, "graph input"),
                Outputs = TensorList(subgraph, S.SubGraph.Outputs, "graph output"),
                SourceSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Description = fb.String(model, S.Model.Description, "model description") ?? "",
            };
        }

        /// <summary>
        /// Bytes 4..7 hold the file identifier when the writer added one. Flatbuffers do not mark whether it is
        /// there, so only four printable characters other than "TFL3" count as a wrong identifier.
        /// </summary>
        private void CheckIdentifier()
        {
            string id = fb.Identifier();
            if (id != S.FileIdentifier && id.All(c => c >= 0x20 && c < 0x7f))
                throw fb.Error($"not a TFLite model: file identifier is \"{id}\", expected \"{S.FileIdentifier}\"");
        }

        private (BuiltinOperator Op, string? Custom)[] ReadOperatorCodes(FlatTable model)
        {
            var v = fb.Vector(model, S.Model.OperatorCodes, 4, "operator codes") ?? new FlatVector(0, 0);
            var codes = new (BuiltinOperator, string?)[v.Count];
            for (int i = 0; i < v.Count; i++)
            {
                string what = $"operator code {i}";
                var t = fb.TableAt(v, i, what);
                // Old files only set the byte-sized deprecated field, new ones both (the byte clamped to 127).
                int code = Math.Max(fb.SByte(t, S.OperatorCode.DeprecatedBuiltinCode, 0), fb.Int(t, S.OperatorCode.BuiltinCode, 0));
                if (code < 0)
                    throw fb.Error($"{what} has negative builtin code {code}");
                codes[i] = ((BuiltinOperator)code, fb.String(t, S.OperatorCode.CustomCode, what + " custom code"));
            }
            return codes;
        }

        private Tensor ReadTensor(FlatVector tensors, int index)
        {
            string what = $"tensor {index}";
            fb.Charge(ObjectCost, what);
            var t = fb.TableAt(tensors, index, what);
            string name = fb.String(t, S.Tensor.Name, what + " name") ?? "";
            if (name.Length > 0) what = $"tensor {index} ({ForMessage(name)})";

            sbyte rawType = fb.SByte(t, S.Tensor.Type, 0);
            if (rawType < 0 || rawType > (int)DataType.Int4)
                throw fb.Error($"{what} has type {rawType}, which is not a TFLite tensor type");
            var type = (DataType)rawType;
            // Well-formed but unsupported: noted, and reading goes on so that one error lists them all.
            bool unsupported = false;
            if (type is DataType.String or DataType.Resource or DataType.Variant)
            {
                _unsupported.Add($"{what} has type {DataTypes.Name(type)}, which TinyLite does not support");
                unsupported = true;
            }
            if (fb.Field(t, S.Tensor.Sparsity, 4) != 0)
            {
                _unsupported.Add($"{what} is stored sparse, which TinyLite does not support");
                unsupported = true;
            }
            int[] shape = fb.Ints(t, S.Tensor.Shape, what + " shape");
            long elements = CheckShape(shape, what);
            var quantization = ReadQuantization(t, what);

            uint buffer = fb.UInt(t, S.Tensor.Buffer, 0);
            byte[]? data = ReadBuffer(buffer, what);
            if (data != null && !unsupported)
            {
                long needed = DataTypes.ByteSize(type, elements);
                if (data.Length != needed)
                    throw fb.Error(
                        $"{what}: {DataTypes.Name(type)} [{string.Join(", ", shape)}] needs {needed} bytes but buffer {buffer} holds {data.Length}");
            }

            return new Tensor
            {
                Index = index, Name = name, Type = type, Shape = shape, Quantization = quantization, Data = data,
                IsVariable = fb.Bool(t, S.Tensor.IsVariable, false),
            };
        }

        private long CheckShape(int[] shape, string what)
        {
            if (shape.Length > MaxRank)
                throw fb.Error($"{what} has rank {shape.Length}; at most {MaxRank} is supported");
            long elements = 1;
            foreach (int d in shape)
            {
                if (d < 0)
                    throw fb.Error($"{what} has negative dimension {d} in shape [{string.Join(", ", shape)}]");
                elements *= d; // at most MaxElements * int.MaxValue: no overflow
                if (elements > MaxElements)
                    throw fb.Error($"{what} shape [{string.Join(", ", shape)}] has more than {MaxElements} elements");
            }
            return elements;
        }

        /// <summary>
        /// The tensor's affine quantization, read the way TFLM's allocator reads it
        /// (InitializeTfLiteTensorFromFlatbuffer): only the scales and zero points count. Fields TFLM ignores are
        /// ignored here too, because converters write them in ways TFLM never checks: min/max, the
        /// <c>details</c> union, a zero-point vector shorter than the scales (every channel then takes the first
        /// zero point, as TFLM does), and <c>quantized_dimension</c>, which TFLM only reads where a kernel uses
        /// per-channel scales (convolution and fully-connected filters check it in their lowerings). Biases in
        /// particular often carry the filter's dimension 3 on a rank-1 tensor.
        /// </summary>
        private Quantization? ReadQuantization(FlatTable tensor, string what)
        {
            var q = fb.Table(tensor, S.Tensor.Quantization, what + " quantization");
            if (q is null) return null;
            float[] scales = fb.Floats(q.Value, S.QuantizationParameters.Scale, what + " scales");
            long[] zeroPoints = fb.Longs(q.Value, S.QuantizationParameters.ZeroPoint, what + " zero points");
            int dimension = fb.Int(q.Value, S.QuantizationParameters.QuantizedDimension, 0);
            if (scales.Length == 0) return null; // only min/max, or nothing: not quantized

            foreach (float s in scales)
            {
                if (!float.IsFinite(s) || s < 0)
                    throw fb.Error($"{what} has invalid quantization scale {s}");
            }
            foreach (long z in zeroPoints)
            {
                if (z < int.MinValue || z > int.MaxValue)
                    throw fb.Error($"{what} has zero point {z}, outside the int32 range");
            }
            if (zeroPoints.Length != scales.Length)
            {
                // TFLM's space-saving convention: one stored zero point stands for every channel (none: all 0).
                long first = zeroPoints.Length == 0 ? 0 : zeroPoints[0];
                zeroPoints = Enumerable.Repeat(first, scales.Length).ToArray();
            }
            return new Quantization(scales, zeroPoints, dimension);
        }

        /// <summary>
        /// The bytes of buffer <paramref name="index"/>, or null when it is empty (activations use buffer 0). Data is
        /// either inline or, for files over 2 GB, at an absolute file offset given by offset/size (valid when offset > 1).
        /// Tensors that share a buffer share the returned array.
        /// </summary>
        private byte[]? ReadBuffer(uint index, string tensorWhat)
        {
            if (index >= _bufferCount)
                throw fb.Error($"{tensorWhat} refers to buffer {index} but the model has {_bufferCount} buffers");
            if (!_bufferData.TryGetValue(index, out byte[]? data))
            {
                data = ReadBufferData(index);
                _bufferData.Add(index, data);
            }
            return data;
        }

        private byte[]? ReadBufferData(uint index)
        {
            string what = $"buffer {index}";
            var b = fb.TableAt(_buffers, (int)index, what);
            byte[]? data = fb.Bytes(b, S.Buffer.Data, what);
            if (data is { Length: > 0 }) return data;
            ulong offset = fb.ULong(b, S.Buffer.Offset, 0);
            ulong size = fb.ULong(b, S.Buffer.Size, 0);
            if (offset <= 1 || size == 0) return null;
            if (offset > (ulong)fb.Length || size > (ulong)fb.Length - offset)
                throw fb.Error($"{what} lies outside the file (offset {offset}, size {size}, file {fb.Length} bytes)");
            return fb.Slice((int)offset, (int)size, what);
        }

        private int[] TensorList(FlatTable subgraph, int field, string what)
        {
            int[] list = fb.Ints(subgraph, field, what + "s");
            for (int i = 0; i < list.Length; i++)
            {
                if (list[i] < 0 || list[i] >= _tensorCount)
                    throw fb.Error($"{what} {i} refers to tensor {list[i]} but subgraph 0 has {_tensorCount} tensors");
            }
            return list;
        }

        private Operator ReadOperator(FlatVector operators, int index, (BuiltinOperator Op, string? Custom)[] opCodes)
        {
            string what = $"operator {index}";
            fb.Charge(ObjectCost, what);
            var t = fb.TableAt(operators, index, what);
            uint opcodeIndex = fb.UInt(t, S.Operator.OpcodeIndex, 0);
            if (opcodeIndex >= opCodes.Length)
                throw fb.Error($"{what} refers to operator code {opcodeIndex} but the model has {opCodes.Length} operator codes");
            var (op, custom) = opCodes[opcodeIndex];
            what = $"operator {index} ({(op == BuiltinOperator.Custom && custom != null ? ForMessage(custom) : BuiltinOperators.Name(op))})";

            int[] inputs = fb.Ints(t, S.Operator.Inputs, what + " inputs");
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] < -1 || inputs[i] >= _tensorCount)
                    throw fb.Error($"{what} input {i} refers to tensor {inputs[i]} but subgraph 0 has {_tensorCount} tensors");
            }
            int[] outputs = fb.Ints(t, S.Operator.Outputs, what + " outputs");
            for (int i = 0; i < outputs.Length; i++)
            {
                if (outputs[i] < 0 || outputs[i] >= _tensorCount)
                    throw fb.Error($"{what} output {i} refers to tensor {outputs[i]} but subgraph 0 has {_tensorCount} tensors");
            }

            return new Operator
            {
                Index = index, Op = op, CustomCode = custom, Inputs = inputs, Outputs = outputs,
                Options = ReadOptions(t, op, what),
                CustomOptions = ReadCustomOptions(t, what),
            };
        }

        private byte[]? ReadCustomOptions(FlatTable op, string what)
        {
            byte[]? options = fb.Bytes(op, S.Operator.CustomOptions, what + " custom options");
            if (options != null) return options;
            ulong offset = fb.ULong(op, S.Operator.LargeCustomOptionsOffset, 0);
            ulong size = fb.ULong(op, S.Operator.LargeCustomOptionsSize, 0);
            if (offset <= 1) return null;
            if (offset > (ulong)fb.Length || size > (ulong)fb.Length - offset)
                throw fb.Error($"{what} custom options lie outside the file (offset {offset}, size {size}, file {fb.Length} bytes)");
            return fb.Slice((int)offset, (int)size, what + " custom options");
        }

        /// <summary>
        /// Decodes the options of the operators listed in <see cref="TfliteSchema.OptionsTypeOf"/>. A missing table
        /// reads as one with every field at its schema default (as TFLite does); options of another kind are an error.
        /// </summary>
        private OperatorOptions? ReadOptions(FlatTable op, BuiltinOperator code, string what)
        {
            byte expected = S.OptionsTypeOf(code);
            if (expected == S.Options.None) return null;
            byte type = fb.Byte(op, S.Operator.BuiltinOptionsType, S.Options.None);
            FlatTable? table = null;
            if (type != S.Options.None)
            {
                if (type != expected)
                    throw fb.Error($"{what} has builtin options of union type {type}, expected {expected}");
                table = fb.Table(op, S.Operator.BuiltinOptions, what + " options");
            }
            var o = new OptionsTable(fb, table, what);
            OperatorOptions options = expected switch
            {
                S.Options.Conv2D => new Conv2DOptions(
                    Padding: o.Padding(0), StrideW: o.Int(1, 0), StrideH: o.Int(2, 0), Activation: o.Activation(3),
                    DilationW: o.Int(4, 1), DilationH: o.Int(5, 1)),
                S.Options.DepthwiseConv2D => new DepthwiseConv2DOptions(
                    Padding: o.Padding(0), StrideW: o.Int(1, 0), StrideH: o.Int(2, 0), DepthMultiplier: o.Int(3, 0),
                    Activation: o.Activation(4), DilationW: o.Int(5, 1), DilationH: o.Int(6, 1)),
                S.Options.Pool2D => new Pool2DOptions(
                    Padding: o.Padding(0), StrideW: o.Int(1, 0), StrideH: o.Int(2, 0), FilterW: o.Int(3, 0),
                    FilterH: o.Int(4, 0), Activation: o.Activation(5)),
                S.Options.FullyConnected => new FullyConnectedOptions(
                    Activation: o.Activation(0), WeightsFormat: o.Byte(1), KeepNumDims: o.Bool(2, false),
                    AsymmetricQuantizeInputs: o.Bool(3, false)),
                S.Options.Softmax => new SoftmaxOptions(Beta: o.Float(0)),
                S.Options.Concatenation => new ConcatenationOptions(Axis: o.Int(0, 0), Activation: o.Activation(1)),
                S.Options.Add or S.Options.Sub => new AddSubOptions(Activation: o.Activation(0), PotScaleInt16: o.Bool(1, true)),
                S.Options.Reshape => new ReshapeOptions(NewShape: o.Ints(0, "new_shape")),
                S.Options.Mul => new MulOptions(Activation: o.Activation(0)),
                S.Options.Div => new DivOptions(Activation: o.Activation(0)),
                S.Options.Svdf => new SvdfOptions(Rank: o.Int(0, 0), Activation: o.Activation(1), AsymmetricQuantizeInputs: o.Bool(2, false)),
                S.Options.Reducer => new ReducerOptions(KeepDims: o.Bool(0, false)),
                S.Options.Squeeze => new SqueezeOptions(SqueezeDims: o.Ints(0, "squeeze_dims")),
                S.Options.StridedSlice => new StridedSliceOptions(
                    BeginMask: o.Int(0, 0), EndMask: o.Int(1, 0), EllipsisMask: o.Int(2, 0), NewAxisMask: o.Int(3, 0),
                    ShrinkAxisMask: o.Int(4, 0), Offset: o.Bool(5, false)),
                S.Options.TransposeConv => new TransposeConvOptions(
                    Padding: o.Padding(0), StrideW: o.Int(1, 0), StrideH: o.Int(2, 0), Activation: o.Activation(3)),
                S.Options.LeakyRelu => new LeakyReluOptions(Alpha: o.Float(0)),
                S.Options.UnidirectionalSequenceLstm => new UnidirectionalSequenceLstmOptions(
                    Activation: o.Activation(0), CellClip: o.Float(1), ProjClip: o.Float(2), TimeMajor: o.Bool(3, false),
                    AsymmetricQuantizeInputs: o.Bool(4, false), DiagonalRecurrentTensors: o.Bool(5, false)),
                _ => throw new InvalidOperationException($"no decoder for options type {expected}"),
            };
            CheckWindow(options, what);
            return options;
        }

        /// <summary>Strides, dilations and pooling windows must be positive: later stages divide by them.</summary>
        private void CheckWindow(OperatorOptions options, string what)
        {
            (string, int)[] values = options switch
            {
                Conv2DOptions c => [("stride_w", c.StrideW), ("stride_h", c.StrideH), ("dilation_w_factor", c.DilationW), ("dilation_h_factor", c.DilationH)],
                DepthwiseConv2DOptions c => [("stride_w", c.StrideW), ("stride_h", c.StrideH), ("dilation_w_factor", c.DilationW), ("dilation_h_factor", c.DilationH)],
                Pool2DOptions p => [("stride_w", p.StrideW), ("stride_h", p.StrideH), ("filter_width", p.FilterW), ("filter_height", p.FilterH)],
                TransposeConvOptions c => [("stride_w", c.StrideW), ("stride_h", c.StrideH)],
                _ => [],
            };
            foreach (var (field, value) in values)
            {
                if (value <= 0)
                    throw fb.Error($"{what} has {field} {value}; it must be positive");
            }
        }
    }

    /// <summary>Field access to one options table that may be absent (then every field reads as its default).</summary>
    private readonly struct OptionsTable(FlatBufferView fb, FlatTable? table, string what)
    {
        public int Int(int id, int defaultValue) => table is null ? defaultValue : fb.Int(table.Value, id, defaultValue);

        public bool Bool(int id, bool defaultValue) => table is null ? defaultValue : fb.Bool(table.Value, id, defaultValue);

        public int Byte(int id) => table is null ? 0 : fb.Byte(table.Value, id, 0);

        public float Float(int id) => table is null ? 0f : fb.Float(table.Value, id, 0f);

        public int[] Ints(int id, string field) => table is null ? [] : fb.Ints(table.Value, id, $"{what} {field}");

        public Padding Padding(int id)
        {
            int value = table is null ? 0 : fb.SByte(table.Value, id, 0);
            return value is 0 or 1 ? (Padding)value : throw fb.Error($"{what} has padding {value}, which is neither SAME nor VALID");
        }

        public Activation Activation(int id)
        {
            int value = table is null ? 0 : fb.SByte(table.Value, id, 0);
            return value is >= 0 and <= 5
                ? (Activation)value
                : throw fb.Error($"{what} has fused activation {value}, which is not a TFLite activation");
        }
    }
}
