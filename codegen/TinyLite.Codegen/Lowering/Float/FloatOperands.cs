using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>Compile-time checks shared by the float32 lowerings.</summary>
public static class FloatOperands
{
    /// <summary>Fails unless every given tensor (nulls skipped) is float32.</summary>
    public static void RequireFloat(LoweringContext ctx, params (Tensor? Tensor, string Role)[] operands)
    {
        foreach (var (t, role) in operands)
        {
            if (t != null && t.Type != DataType.Float32)
                throw ctx.Error($"{role} {t.Describe()} must be FLOAT32 with a FLOAT32 input");
        }
    }

    /// <summary>The element count of <paramref name="t"/> as an int, which every float kernel's Params hold.</summary>
    public static int Count(LoweringContext ctx, Tensor t)
    {
        if (t.ElementCount > int.MaxValue / 4)
            throw ctx.Error($"{t.Describe()} is too large");
        return (int)t.ElementCount;
    }
}
