using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering;

/// <summary>Which lowering handles which TFLite operator; each kernel family adds its own.</summary>
public sealed class LoweringRegistry
{
    private readonly Dictionary<BuiltinOperator, IOperatorLowering> _byOp = new();

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
        return r;
    }

    /// <summary>Adds a lowering for all operators it handles.</summary>
    public void Add(IOperatorLowering lowering)
    {
        foreach (var op in lowering.Handles) _byOp[op] = lowering;
    }

    /// <summary>The lowering for <paramref name="op"/>, or null if TinyLite does not support it.</summary>
    public IOperatorLowering? Find(BuiltinOperator op) => _byOp.GetValueOrDefault(op);
}
