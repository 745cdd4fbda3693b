using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// The lowering the unary activations share (<see cref="UnaryActivations"/>): the operands of
/// <see cref="UnaryLowering.Operands"/>, then by input dtype one call over the element count, the output over the
/// input where it is an activation: float32 with <paramref name="floatCode"/> (Params from
/// <paramref name="floatParams"/>, <see cref="KernelParams.UnaryFloat"/> when null), the dtypes
/// <paramref name="quantizedTypes"/> with the call <paramref name="quantized"/> builds, any other dtype an error
/// naming the supported ones (the quantized dtypes, then float32).
/// </summary>
public sealed class UnaryActivationLowering(int floatCode, DataType[] quantizedTypes,
    UnaryActivationLowering.Part quantized, UnaryActivationLowering.FloatPart? floatParams = null) : IOperatorLowering
{
    /// <summary>The quantized call for <paramref name="input"/> and <paramref name="output"/> (see <see cref="UnaryLowering.Call"/>).</summary>
    public delegate KernelCall Part(LoweringContext ctx, Tensor input, Tensor output);

    /// <summary>The float32 kernel's Params.</summary>
    public delegate int[] FloatPart(LoweringContext ctx, Tensor output);

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = UnaryLowering.Operands(ctx);
        if (input.Type == DataType.Float32)
        {
            int[] parameters = floatParams?.Invoke(ctx, output) ?? KernelParams.UnaryFloat(count: UnaryLowering.Count(output));
            return [UnaryLowering.Call(floatCode, input, output, parameters)];
        }
        if (Array.IndexOf(quantizedTypes, input.Type) < 0)
        {
            string supported = string.Join(", ", quantizedTypes.Append(DataType.Float32).Select(t => DataTypes.Name(t).ToLowerInvariant()));
            throw UnaryLowering.Unsupported(ctx, input.Type, supported);
        }
        return [quantized(ctx, input, output)];
    }
}
