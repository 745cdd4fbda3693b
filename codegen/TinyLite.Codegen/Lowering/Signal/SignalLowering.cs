using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// The lowering every TFLM signal-library custom operator shares: the operator must have exactly the inputs and
/// outputs its <paramref name="signature"/> lists, each of the listed dtype (checked in the listed order); then the
/// operator's own part (<paramref name="lower"/>) checks its options and shapes and gives the Params. The one kernel
/// call reads the operator's inputs, then the constants or state its own part added, and writes its outputs.
/// The operators and their parts are listed in <see cref="SignalLowerings"/>.
/// </summary>
public sealed class SignalLowering(int code, SignalLowering.Operand[] signature, Func<SignalOperator, SignalCall> lower)
    : IOperatorLowering
{
    /// <summary>Input or output <paramref name="Index"/> of dtype <paramref name="Type"/>, called <paramref name="Name"/> in errors.</summary>
    public readonly record struct Operand(bool IsOutput, int Index, DataType Type, string Name)
    {
        /// <summary>Input <paramref name="index"/>.</summary>
        public static Operand In(int index, DataType type, string name) => new(false, index, type, name);

        /// <summary>Output <paramref name="index"/>.</summary>
        public static Operand Out(int index, DataType type, string name) => new(true, index, type, name);
    }

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        int inputs = signature.Count(o => !o.IsOutput), outputs = signature.Length - inputs;
        if (ctx.Op.Inputs.Length != inputs || ctx.Op.Outputs.Length != outputs)
            throw ctx.Error($"expected {inputs} inputs and {outputs} outputs, got {ctx.Op.Inputs.Length} and {ctx.Op.Outputs.Length}");
        foreach (var o in signature) SignalOperands.Typed(ctx, o.IsOutput ? ctx.Output(o.Index) : ctx.Input(o.Index), o.Type, o.Name);
        var call = lower(new SignalOperator(ctx));
        return
        [
            new KernelCall
            {
                Code = code, Inputs = [.. ctx.Op.Inputs, .. call.Constants], Outputs = [.. ctx.Op.Outputs],
                Params = call.Params, Macs = call.Macs, InPlace = call.InPlace,
            },
        ];
    }
}
