using System.Buffers.Binary;
using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering;

/// <summary>What a lowering sees of the graph while it lowers one operator, and how it adds tensors.</summary>
public sealed class LoweringContext(Graph graph, Operator op, CompileOptions? options = null)
{
    public Graph Graph { get; } = graph;
    public Operator Op { get; } = op;

    /// <summary>The user's compile options (defaults when none were given).</summary>
    public CompileOptions CompileOptions { get; } = options ?? new CompileOptions();

    /// <summary>Tensor by graph index.</summary>
    public Tensor Tensor(int index) => Graph.Tensors[index];

    /// <summary>Input <paramref name="i"/>; a clear error when it is missing.</summary>
    public Tensor Input(int i) =>
        i < Op.Inputs.Length && Op.Inputs[i] >= 0 ? Graph.Tensors[Op.Inputs[i]] : throw Error($"input {i} is missing");

    /// <summary>Input <paramref name="i"/>, or null when the model omits it.</summary>
    public Tensor? OptionalInput(int i) => i < Op.Inputs.Length && Op.Inputs[i] >= 0 ? Graph.Tensors[Op.Inputs[i]] : null;

    /// <summary>Output <paramref name="i"/>.</summary>
    public Tensor Output(int i) =>
        i < Op.Outputs.Length && Op.Outputs[i] >= 0 ? Graph.Tensors[Op.Outputs[i]] : throw Error($"output {i} is missing");

    /// <summary>The options record, or a clear error if the operator lacks the expected options.</summary>
    public T Options<T>() where T : OperatorOptions =>
        Op.Options as T ?? throw Error($"missing or wrong builtin options (expected {typeof(T).Name})");

    /// <summary>
    /// An exception whose message names the model, operator index and type, the dtypes of its tensors, and
    /// <paramref name="what"/>.
    /// </summary>
    public CompileException Error(string what)
    {
        string Describe(int[] ids) => string.Join(", ", ids.Select(t => t < 0 ? "-" : DataTypes.Name(Graph.Tensors[t].Type)));
        var problem = new OperatorProblem(Path.GetFileName(Graph.Source), Op.Index, Op.OpName,
            $"inputs {Describe(Op.Inputs)} -> outputs {Describe(Op.Outputs)}", what);
        return problem.ToException();
    }

    /// <summary>Adds a constant tensor (weights laid out for the kernel, bias terms, multipliers ...).</summary>
    public int AddConstant(string name, DataType type, int[] shape, byte[] data)
    {
        return Graph.AddTensor(name, type, shape, data: data);
    }

    /// <summary>Adds an int32 constant vector.</summary>
    public int AddInt32Constant(string name, int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return AddConstant(name, DataType.Int32, [values.Length], bytes);
    }

    /// <summary>Adds an int64 constant vector.</summary>
    public int AddInt64Constant(string name, long[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return AddConstant(name, DataType.Int64, [values.Length], bytes);
    }

    /// <summary>
    /// Adds a state tensor for an operator that keeps values across invocations (TFLM keeps such state in a persistent
    /// buffer): a variable tensor, zeroed at load and by the interpreter's reset, alive for the whole run.
    /// </summary>
    public int AddState(string name, DataType type, int[] shape)
    {
        return Graph.AddTensor(name, type, shape, isVariable: true);
    }

    /// <summary>
    /// Adds a scratch buffer of <paramref name="bytes"/> bytes, live only during this operator's kernel call;
    /// put its index last in <see cref="KernelCall.Outputs"/>.
    /// </summary>
    public int AddScratch(string name, long bytes)
    {
        return Graph.AddTensor(name, DataType.Int8, [checked((int)bytes)]);
    }
}
