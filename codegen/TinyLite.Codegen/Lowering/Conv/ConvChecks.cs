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

    /// <summary>
    /// The kernel of a quantized CONV_2D or DEPTHWISE_CONV_2D by dtypes: <paramref name="s8"/> for int8 activations and
    /// weights, <paramref name="s4"/> for int8 activations and int4 weights (both with an int32 bias),
    /// <paramref name="s16"/> for symmetric int16 activations and int8 weights, whose bias must be one of
    /// <paramref name="int16Biases"/> (<paramref name="int16BiasNote"/> says which in the error).
    /// </summary>
    public static int KernelCode(LoweringContext ctx, ConvOperands operands, int s8, int s4, int s16, DataType[] int16Biases, string int16BiasNote)
    {
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);
        if (input.Type == DataType.Int8 && output.Type == DataType.Int8 && filter.Type is DataType.Int8 or DataType.Int4)
        {
            if (bias != null && bias.Type != DataType.Int32)
                throw ctx.Error($"bias type {DataTypes.Name(bias.Type)} is not supported with INT8 activations (INT32 is)");
            return filter.Type == DataType.Int4 ? s4 : s8;
        }
        if (input.Type == DataType.Int16 && output.Type == DataType.Int16 && filter.Type == DataType.Int8)
        {
            if (bias != null && Array.IndexOf(int16Biases, bias.Type) < 0)
                throw ctx.Error($"bias type {DataTypes.Name(bias.Type)} is not supported with INT16 activations ({int16BiasNote})");
            RequireZeroPointZero(ctx, input, "input");
            RequireZeroPointZero(ctx, output, "output");
            return s16;
        }
        throw ctx.Error($"unsupported dtypes input {DataTypes.Name(input.Type)}, filter {DataTypes.Name(filter.Type)}, output {DataTypes.Name(output.Type)} " +
            "(supported: INT8/INT8, INT8/INT4, INT16/INT8)");
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
