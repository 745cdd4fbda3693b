namespace TinyLite.Codegen.Lowering;

/// <summary>
/// Turns one TFLite operator into kernel calls: checks dtypes and shapes (throwing through
/// <see cref="LoweringContext.Error"/>), precomputes everything the kernel needs and lays out constants.
/// Which operators a lowering handles is stated once, in <see cref="LoweringRegistry"/>'s table.
/// </summary>
public interface IOperatorLowering
{
    /// <summary>Lowers <see cref="LoweringContext.Op"/>; usually one call, none for pure aliases.</summary>
    IReadOnlyList<KernelCall> Lower(LoweringContext ctx);
}
