using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>What the unary activation lowerings share: operand checks, the element count and the kernel call.</summary>
public static class UnaryLowering
{
    /// <summary>The input and the output; a compile error unless they have one dtype and one element count.</summary>
    public static (Tensor Input, Tensor Output) Operands(LoweringContext ctx)
    {
        if (ctx.Op.Inputs.Length != 1 || ctx.Op.Outputs.Length != 1)
            throw ctx.Error($"expected 1 input and 1 output, got {ctx.Op.Inputs.Length} and {ctx.Op.Outputs.Length}");
        Tensor input = ctx.Input(0), output = ctx.Output(0);
        if (input.Type != output.Type)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have one dtype");
        if (input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have as many elements");
        if (output.ElementCount > int.MaxValue)
            throw ctx.Error($"output {output.Describe()} is too large");
        return (input, output);
    }

    /// <summary>The element count every unary layout holds (<see cref="Operands"/> bounds it to an int).</summary>
    public static int Count(Tensor output) => (int)output.ElementCount;

    /// <summary>
    /// The kernel call with <paramref name="parameters"/> (built by the kernel layout's <see cref="KernelParams"/>
    /// builder); the output may overwrite an activation input.
    /// </summary>
    public static KernelCall Call(int code, Tensor input, Tensor output, int[] parameters) => new()
    {
        Code = code,
        Inputs = [input.Index],
        Outputs = [output.Index],
        Params = parameters,
        InPlace = input.IsConstant ? [] : [(0, 0)],
    };

    /// <summary>"int8, int16, float32 are" style error for an unsupported dtype.</summary>
    public static CompileException Unsupported(LoweringContext ctx, DataType type, string supported) =>
        ctx.Error($"dtype {DataTypes.Name(type)} is not supported ({supported} are)");
}
