using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering;

/// <summary>
/// Turns one TFLite operator into kernel calls: checks dtypes and shapes (throwing through
/// <see cref="LoweringContext.Error"/>), precomputes everything the kernel needs and lays out constants.
/// </summary>
public interface IOperatorLowering
{
    /// <summary>The TFLite operators this lowering handles.</summary>
    IReadOnlyList<BuiltinOperator> Handles { get; }

    /// <summary>Lowers <see cref="LoweringContext.Op"/>; usually one call, none for pure aliases.</summary>
    IReadOnlyList<KernelCall> Lower(LoweringContext ctx);
}
