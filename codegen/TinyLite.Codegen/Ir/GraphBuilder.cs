using System.Buffers.Binary;

namespace TinyLite.Codegen.Ir;

/// <summary>
/// Builds a <see cref="Graph"/> by hand: op-level test models and the demo model are made with it
/// (and written to .tflite with the TFLite writer when a file is wanted).
/// </summary>
public sealed class GraphBuilder(string source)
{
    private readonly List<Tensor> _tensors = new();
    private readonly List<Operator> _operators = new();
    private readonly List<int> _inputs = new();
    private readonly List<int> _outputs = new();

    /// <summary>Adds an activation tensor (no data); per-tensor quantization when <paramref name="scale"/> is given.</summary>
    public int AddTensor(string name, DataType type, int[] shape, float? scale = null, long zeroPoint = 0)
        => Add(name, type, shape, scale is null ? null : new Quantization([scale.Value], [zeroPoint], 0), null);

    /// <summary>Adds a tensor with explicit quantization (e.g. per channel) and optional constant data.</summary>
    public int Add(string name, DataType type, int[] shape, Quantization? quantization, byte[]? data, bool isVariable = false)
    {
        _tensors.Add(new Tensor
        {
            Index = _tensors.Count, Name = name, Type = type, Shape = shape, Quantization = quantization, Data = data,
            IsVariable = isVariable,
        });
        return _tensors.Count - 1;
    }

    /// <summary>Adds a graph input tensor.</summary>
    public int AddInput(string name, DataType type, int[] shape, float? scale = null, long zeroPoint = 0)
    {
        int t = AddTensor(name, type, shape, scale, zeroPoint);
        _inputs.Add(t);
        return t;
    }

    /// <summary>Marks an existing tensor as a graph output.</summary>
    public GraphBuilder MarkOutput(int tensor)
    {
        _outputs.Add(tensor);
        return this;
    }

    /// <summary>Adds an int8 constant (weights), optionally quantized per channel along <paramref name="axis"/>.</summary>
    public int AddConstantInt8(string name, int[] shape, sbyte[] values, float[] scales, int axis = 0)
        => Add(name, DataType.Int8, shape, new Quantization(scales, new long[scales.Length], axis),
            values.Select(v => (byte)v).ToArray());

    /// <summary>Adds an int16 constant.</summary>
    public int AddConstantInt16(string name, int[] shape, short[] values, Quantization? quantization = null)
    {
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        return Add(name, DataType.Int16, shape, quantization, bytes);
    }

    /// <summary>Adds an int32 constant (bias, shape or index vector), optionally quantized.</summary>
    public int AddConstantInt32(string name, int[] shape, int[] values, Quantization? quantization = null)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return Add(name, DataType.Int32, shape, quantization, bytes);
    }

    /// <summary>Adds an int64 constant (int16x8 bias), optionally quantized.</summary>
    public int AddConstantInt64(string name, int[] shape, long[] values, Quantization? quantization = null)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return Add(name, DataType.Int64, shape, quantization, bytes);
    }

    /// <summary>Adds an operator; it runs after those added before it.</summary>
    public GraphBuilder AddOperator(BuiltinOperator op, int[] inputs, int[] outputs, OperatorOptions? options = null)
    {
        _operators.Add(new Operator { Index = _operators.Count, Op = op, Inputs = inputs, Outputs = outputs, Options = options });
        return this;
    }

    /// <summary>Adds a CUSTOM operator with its custom code and raw (FlexBuffer) custom options; it runs after those added before it.</summary>
    public GraphBuilder AddCustomOperator(string customCode, int[] inputs, int[] outputs, byte[] customOptions)
    {
        _operators.Add(new Operator
        {
            Index = _operators.Count, Op = BuiltinOperator.Custom, CustomCode = customCode, Inputs = inputs, Outputs = outputs,
            CustomOptions = customOptions,
        });
        return this;
    }

    /// <summary>The graph built so far.</summary>
    public Graph Build() => new()
    {
        Source = source,
        Tensors = new List<Tensor>(_tensors),
        Operators = new List<Operator>(_operators),
        Inputs = _inputs.ToArray(),
        Outputs = _outputs.ToArray(),
    };
}
