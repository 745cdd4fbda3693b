using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering;

/// <summary>Which lowering handles which TFLite operator; each kernel family adds its own.</summary>
public sealed class LoweringRegistry
{
    private readonly Dictionary<BuiltinOperator, IOperatorLowering> _byOp = new();
    private readonly Dictionary<string, IOperatorLowering> _byCustomCode = new(StringComparer.Ordinal);
    private readonly Dictionary<BuiltinOperator, IOperatorLowering> _float = new();

    /// <summary>The registry with every family TinyLite supports.</summary>
    public static LoweringRegistry Default { get; } = CreateDefault();

    private static LoweringRegistry CreateDefault()
    {
        var r = new LoweringRegistry();
        Conv.ConvFamily.Register(r);
        Dense.DenseFamily.Register(r);
        Elementwise.ElementwiseFamily.Register(r);
        Shape.ShapeFamily.Register(r);
        Recurrent.RecurrentFamily.Register(r);
        Signal.SignalFamily.Register(r);
        Float.FloatFamily.Register(r);
        return r;
    }

    /// <summary>Adds a lowering for all operators it handles.</summary>
    public void Add(IOperatorLowering lowering)
    {
        foreach (var op in lowering.Handles) _byOp[op] = lowering;
    }

    /// <summary>Adds a lowering for the CUSTOM operator whose custom code is <paramref name="customCode"/>.</summary>
    public void AddCustom(string customCode, IOperatorLowering lowering)
    {
        _byCustomCode[customCode] = lowering;
    }

    /// <summary>The lowering for the CUSTOM operator <paramref name="customCode"/>, or null if TinyLite does not support it.</summary>
    public IOperatorLowering? FindCustom(string? customCode) => customCode is null ? null : _byCustomCode.GetValueOrDefault(customCode);

    /// <summary>
    /// Adds a lowering for its operators when their first input is float32 (the Float family's kernels, apart from
    /// the element-wise float kernels the Elementwise family's lowerings choose themselves).
    /// </summary>
    public void AddFloat(IOperatorLowering lowering)
    {
        foreach (var op in lowering.Handles) _float[op] = lowering;
    }

    /// <summary>The lowering for <paramref name="op"/> (regardless of dtypes), or null if TinyLite does not support it.</summary>
    public IOperatorLowering? Find(BuiltinOperator op) => _byOp.GetValueOrDefault(op);

    /// <summary>
    /// The lowering for <paramref name="op"/> whose first input has type <paramref name="firstInput"/> (null: no
    /// input): the float32 lowering when one is registered, else <see cref="Find(BuiltinOperator)"/>.
    /// </summary>
    public IOperatorLowering? Find(BuiltinOperator op, DataType? firstInput) =>
        firstInput == DataType.Float32 && _float.TryGetValue(op, out var lowering) ? lowering : Find(op);
}
