using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>What the signal lowerings share: dtype checks, the custom options, int16 constants.</summary>
public static class SignalOperands
{
    /// <summary>A compile error unless <paramref name="tensor"/> has dtype <paramref name="type"/>.</summary>
    public static Tensor Typed(LoweringContext ctx, Tensor tensor, DataType type, string what)
    {
        if (tensor.Type != type) throw ctx.Error($"{what} {tensor.Describe()} must be {DataTypes.Name(type)}");
        return tensor;
    }

    /// <summary>The element count as an int (tensors are capped far below 2^31 elements by the reader).</summary>
    public static int Count(Tensor tensor) => checked((int)tensor.ElementCount);

    /// <summary>The operator's FlexBuffer custom options; a compile error when they are missing or malformed.</summary>
    public static FlexBufferMap Options(LoweringContext ctx)
    {
        try
        {
            return FlexBufferMap.Parse(ctx.Op.CustomOptions);
        }
        catch (FormatException e)
        {
            throw ctx.Error(e.Message);
        }
    }

    /// <summary>Custom option <paramref name="key"/> as TFLM reads it (int32); a compile error when it is missing.</summary>
    public static int Int(LoweringContext ctx, FlexBufferMap options, string key)
    {
        try
        {
            return options.Int32(key);
        }
        catch (FormatException e)
        {
            throw ctx.Error(e.Message);
        }
    }

    /// <summary>
    /// The int16 values of a constant tensor whose int16 dtype the operator's operand signature has checked
    /// (<see cref="SignalLowering"/>); a compile error when it is not constant.
    /// </summary>
    public static short[] ConstantInt16(LoweringContext ctx, Tensor tensor, string what)
    {
        if (tensor.Data is null) throw ctx.Error($"{what} must be a constant");
        var values = new short[tensor.Data.Length / 2];
        for (int i = 0; i < values.Length; i++) values[i] = (short)(tensor.Data[2 * i] | (tensor.Data[2 * i + 1] << 8));
        return values;
    }

    /// <summary>Adds an int16 constant vector.</summary>
    public static int AddInt16Constant(LoweringContext ctx, string name, short[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            bytes[2 * i] = (byte)values[i];
            bytes[2 * i + 1] = (byte)(values[i] >> 8);
        }
        return ctx.AddConstant(name, DataType.Int16, [values.Length], bytes);
    }
}
