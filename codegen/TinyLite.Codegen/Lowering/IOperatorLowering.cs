namespace TinyLite.Codegen.Lowering;

/// <summary>
/// Turns one TFLite operator into kernel calls: checks dtypes and shapes (throwing through
/// <see cref="LoweringContext.Error"/>), precomputes everything the kernel needs and lays out constants.
/// Which operators a lowering handles is stated once, in <see cref="LoweringRegistry"/>'s table; the unary
/// activations, conversions and signal custom operators are rows of the sub-tables it loops over
/// (<see cref="Elementwise.UnaryActivations.All"/>, <see cref="Shape.Conversions.All"/> and
/// <see cref="Signal.SignalLowerings.All"/>; a signal operator's part returns a <see cref="Signal.SignalCall"/>).
/// </summary>
public interface IOperatorLowering
{
    /// <summary>Lowers <see cref="LoweringContext.Op"/>; usually one call, none for pure aliases.</summary>
    IReadOnlyList<KernelCall> Lower(LoweringContext ctx);
}
