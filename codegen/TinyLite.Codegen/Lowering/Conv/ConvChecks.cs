using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>Compile-time shape and type checks shared by the convolution lowerings.</summary>
public static class ConvChecks
{
    /// <summary>Fails unless <paramref name="t"/> is 4-D with positive dimensions.</summary>
    public static void Require4D(LoweringContext ctx, Tensor t, string role)
    {
        if (t.Shape.Length != 4 || t.Shape.Any(d => d <= 0))
            throw ctx.Error($"{role} must be 4-D with positive dimensions, got {t.Describe()}");
    }

    /// <summary>Fails unless the int16 tensor has zero point 0 (16x8 quantization is symmetric).</summary>
    public static void RequireZeroPointZero(LoweringContext ctx, Tensor t, string role)
    {
        if (t.Quantization is { } q && q.ZeroPoints.Any(z => z != 0))
            throw ctx.Error($"{role} {t.Describe()} has a non-zero zero point; int16 activations must be symmetric");
    }

    /// <summary>The optional bias, checked to hold one value per output channel.</summary>
    public static Tensor? Bias(LoweringContext ctx, int inputIndex, int channels)
    {
        var bias = ctx.OptionalInput(inputIndex);
        if (bias != null && bias.ElementCount != channels)
            throw ctx.Error($"bias {bias.Describe()} does not hold {channels} values (one per output channel)");
        return bias;
    }

    /// <summary>Fails unless the constant's data covers its declared size.</summary>
    public static byte[] ConstantData(LoweringContext ctx, Tensor t, string role)
    {
        if (t.Data is null) throw ctx.Error($"{role} {t.Describe()} must be a constant");
        if (t.Data.Length < t.ByteSize) throw ctx.Error($"{role} {t.Describe()} has {t.Data.Length} bytes of data, needs {t.ByteSize}");
        return t.Data;
    }

    /// <summary>Fails unless stride and dilation values are positive.</summary>
    public static void RequirePositive(LoweringContext ctx, string what, params int[] values)
    {
        if (values.Any(v => v <= 0 || v > 65535)) throw ctx.Error($"{what} must be in [1, 65535], got {string.Join(", ", values)}");
    }
}
