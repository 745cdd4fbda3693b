using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Codegen.Lowering.Dense;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Codegen.Lowering.Float;
using TinyLite.Codegen.Lowering.Recurrent;
using TinyLite.Codegen.Lowering.Shape;
using TinyLite.Codegen.Lowering.Signal;

namespace TinyLite.Codegen.Lowering;

/// <summary>Which lowering handles which TFLite operator: one table over every kernel family.</summary>
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
        // Conv family.
        r.Add(new Conv2DLowering(), BuiltinOperator.Conv2D);
        r.Add(new DepthwiseConv2DLowering(), BuiltinOperator.DepthwiseConv2D);
        r.Add(new TransposeConvLowering(), BuiltinOperator.TransposeConv);
        // Dense family.
        r.Add(new FullyConnectedLowering(), BuiltinOperator.FullyConnected);
        r.Add(new Pool2DLowering(), BuiltinOperator.AveragePool2D, BuiltinOperator.MaxPool2D);
        r.Add(new MeanLowering(), BuiltinOperator.Mean);
        r.Add(new SoftmaxLowering(), BuiltinOperator.Softmax);
        r.Add(new ActivationTableLowering(), BuiltinOperator.Logistic, BuiltinOperator.Tanh);
        // Elementwise family.
        r.Add(new AddLowering(), BuiltinOperator.Add);
        r.Add(new SubLowering(), BuiltinOperator.Sub);
        r.Add(new MulLowering(), BuiltinOperator.Mul);
        r.Add(new DivLowering(), BuiltinOperator.Div);
        r.Add(new MaximumMinimumLowering(), BuiltinOperator.Maximum, BuiltinOperator.Minimum);
        foreach (var (op, lowering) in UnaryActivations.All) r.Add(lowering, op);
        // Shape family: data movement and type conversion.
        r.Add(new ReshapeLowering(), BuiltinOperator.Reshape, BuiltinOperator.Squeeze, BuiltinOperator.ExpandDims);
        r.Add(new PadLowering(), BuiltinOperator.Pad, BuiltinOperator.Padv2);
        r.Add(new ConcatenationLowering(), BuiltinOperator.Concatenation);
        r.Add(new StridedSliceLowering(), BuiltinOperator.StridedSlice);
        r.Add(new TransposeLowering(), BuiltinOperator.Transpose);
        foreach (var (op, lowering) in Conversions.All) r.Add(lowering, op);
        // Recurrent family.
        r.Add(new UnidirectionalSequenceLstmLowering(), BuiltinOperator.UnidirectionalSequenceLstm);
        r.Add(new SvdfLowering(), BuiltinOperator.Svdf);
        // Signal family: the TFLM signal library's custom operators.
        foreach (var (customCode, lowering) in SignalLowerings.All) r.AddCustom(customCode, lowering);
        // Float family (see AddFloat).
        r.AddFloat(new FloatConvLowering(depthwise: false), BuiltinOperator.Conv2D);
        r.AddFloat(new FloatConvLowering(depthwise: true), BuiltinOperator.DepthwiseConv2D);
        r.AddFloat(new FloatFullyConnectedLowering(), BuiltinOperator.FullyConnected);
        r.AddFloat(new FloatPool2DLowering(), BuiltinOperator.AveragePool2D, BuiltinOperator.MaxPool2D);
        r.AddFloat(new FloatMeanLowering(), BuiltinOperator.Mean);
        r.AddFloat(new FloatSoftmaxLowering(), BuiltinOperator.Softmax);
        r.AddFloat(new FloatActivationLowering(), BuiltinOperator.Logistic, BuiltinOperator.Tanh);
        return r;
    }

    /// <summary>Adds <paramref name="lowering"/> for the operators <paramref name="ops"/>.</summary>
    private void Add(IOperatorLowering lowering, params BuiltinOperator[] ops)
    {
        foreach (var op in ops) _byOp[op] = lowering;
    }

    /// <summary>Adds a lowering for the CUSTOM operator whose custom code is <paramref name="customCode"/>.</summary>
    private void AddCustom(string customCode, IOperatorLowering lowering)
    {
        _byCustomCode[customCode] = lowering;
    }

    /// <summary>The lowering for the CUSTOM operator <paramref name="customCode"/>, or null if TinyLite does not support it.</summary>
    public IOperatorLowering? FindCustom(string? customCode) => customCode is null ? null : _byCustomCode.GetValueOrDefault(customCode);

    /// <summary>
    /// Adds <paramref name="lowering"/> for the operators <paramref name="ops"/> when their first input is float32
    /// (the Float family's kernels, apart from the element-wise float kernels the Elementwise family's lowerings
    /// choose themselves).
    /// </summary>
    private void AddFloat(IOperatorLowering lowering, params BuiltinOperator[] ops)
    {
        foreach (var op in ops) _float[op] = lowering;
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
