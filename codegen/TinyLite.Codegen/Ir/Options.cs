namespace TinyLite.Codegen.Ir;

/// <summary>TFLite <c>Padding</c>.</summary>
public enum Padding { Same = 0, Valid = 1 }

/// <summary>TFLite <c>ActivationFunctionType</c> (fused activation).</summary>
public enum Activation { None = 0, Relu = 1, ReluN1To1 = 2, Relu6 = 3, Tanh = 4, SignBit = 5 }

/// <summary>Decoded builtin options of an operator; one record per TFLite options table.</summary>
public abstract record OperatorOptions;

public sealed record Conv2DOptions(Padding Padding, int StrideW, int StrideH, Activation Activation, int DilationW, int DilationH) : OperatorOptions
{
    /// <summary>Padding folded in from an explicit PAD; when set it replaces <see cref="Padding"/> (null: TFLite's own).</summary>
    public ExplicitPadding? Explicit { get; init; }
}

public sealed record DepthwiseConv2DOptions(Padding Padding, int StrideW, int StrideH, int DepthMultiplier, Activation Activation, int DilationW, int DilationH) : OperatorOptions
{
    /// <summary>Padding folded in from an explicit PAD; when set it replaces <see cref="Padding"/> (null: TFLite's own).</summary>
    public ExplicitPadding? Explicit { get; init; }
}

public sealed record FullyConnectedOptions(Activation Activation, int WeightsFormat, bool KeepNumDims, bool AsymmetricQuantizeInputs) : OperatorOptions;

public sealed record Pool2DOptions(Padding Padding, int StrideW, int StrideH, int FilterW, int FilterH, Activation Activation) : OperatorOptions
{
    /// <summary>Padding folded in from an explicit PAD; when set it replaces <see cref="Padding"/> (null: TFLite's own).</summary>
    public ExplicitPadding? Explicit { get; init; }
}

public sealed record TransposeConvOptions(Padding Padding, int StrideW, int StrideH, Activation Activation) : OperatorOptions;

/// <summary>Options of ADD and SUB (<c>pot_scale_int16</c> defaults to true in the schema).</summary>
public sealed record AddSubOptions(Activation Activation, bool PotScaleInt16) : OperatorOptions;

public sealed record MulOptions(Activation Activation) : OperatorOptions;

public sealed record DivOptions(Activation Activation) : OperatorOptions;

/// <summary>Options of SVDF: the rank of the factorized filter and the fused activation.</summary>
public sealed record SvdfOptions(int Rank, Activation Activation, bool AsymmetricQuantizeInputs) : OperatorOptions;

public sealed record ConcatenationOptions(int Axis, Activation Activation) : OperatorOptions;

public sealed record ReshapeOptions(int[] NewShape) : OperatorOptions;

public sealed record SoftmaxOptions(float Beta) : OperatorOptions;

public sealed record StridedSliceOptions(int BeginMask, int EndMask, int EllipsisMask, int NewAxisMask, int ShrinkAxisMask, bool Offset) : OperatorOptions;

public sealed record LeakyReluOptions(float Alpha) : OperatorOptions;

/// <summary>Options of MEAN and the other reductions.</summary>
public sealed record ReducerOptions(bool KeepDims) : OperatorOptions;

public sealed record SqueezeOptions(int[] SqueezeDims) : OperatorOptions;

/// <summary>Options of UNIDIRECTIONAL_SEQUENCE_LSTM: the cell gate's activation, the clips (0 = none), the layout.</summary>
public sealed record UnidirectionalSequenceLstmOptions(Activation Activation, float CellClip, float ProjClip, bool TimeMajor,
    bool AsymmetricQuantizeInputs, bool DiagonalRecurrentTensors) : OperatorOptions;
