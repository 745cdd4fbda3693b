using System.Buffers.Binary;
using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>Small host-side helpers shared by the Shape lowerings: element sizes, constant index vectors, float bits.</summary>
internal static class ShapeTensors
{
    /// <summary>Bytes per element for the types the data-movement kernels move (1, 2 or 4), else 0.</summary>
    public static int MovableElementSize(DataType type) => type switch
    {
        DataType.Int8 or DataType.UInt8 or DataType.Bool => 1,
        DataType.Int16 => 2,
        DataType.Int32 or DataType.Float32 or DataType.UInt32 => 4,
        _ => 0,
    };

    /// <summary>
    /// Input 0 and output 0 of a data-movement operator; a compile error unless they have one dtype and, when
    /// <paramref name="supported"/> lists any, it is one of them.
    /// </summary>
    public static (Tensor Input, Tensor Output) MovedOperands(LoweringContext ctx, params DataType[] supported)
    {
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        if (input.Type != output.Type)
            throw ctx.Error($"input and output types differ ({DataTypes.Name(input.Type)} vs {DataTypes.Name(output.Type)})");
        if (supported.Length > 0 && Array.IndexOf(supported, input.Type) < 0)
            throw ctx.Error($"{DataTypes.Name(input.Type)} is not supported ({string.Join(", ", supported.Select(t => DataTypes.Name(t).ToLowerInvariant()))})");
        return (input, output);
    }

    /// <summary>The runtime <c>TensorType</c> code of <paramref name="type"/> (the same numbers as TFLite's).</summary>
    public static int Code(DataType type) => (int)type;

    /// <summary>The int32 values of constant input <paramref name="input"/>; a compile error when it is not a constant int32 tensor.</summary>
    public static int[] ConstantInt32s(LoweringContext ctx, int input, string what)
    {
        var t = ctx.Input(input);
        if (t.Data == null) throw ctx.Error($"the {what} tensor must be constant");
        if (t.Type != DataType.Int32) throw ctx.Error($"the {what} tensor must be INT32, not {DataTypes.Name(t.Type)}");
        if (t.Data.Length != t.ElementCount * 4) throw ctx.Error($"the {what} tensor holds {t.Data.Length} bytes for {t.ElementCount} elements");
        var values = new int[t.ElementCount];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(t.Data.AsSpan(i * 4));
        return values;
    }

    /// <summary>IEEE-754 bits of a float32 scale, as the kernels' params store it.</summary>
    public static int FloatBits(float value) => BitConverter.SingleToInt32Bits(value);

    /// <summary>The per-tensor scale and zero point of a tensor; a compile error when it is not quantized per tensor.</summary>
    public static (float Scale, int ZeroPoint) PerTensor(LoweringContext ctx, Tensor t, string what)
    {
        var q = t.Quantization;
        if (q == null || q.Scales.Length == 0) throw ctx.Error($"the {what} tensor has no quantization parameters");
        if (q.Scales.Length != 1) throw ctx.Error($"the {what} tensor is quantized per channel ({q.Scales.Length} scales); only per-tensor is supported");
        return (q.Scale, q.ZeroPoint);
    }

    /// <summary>"[1, 2, 3]".</summary>
    public static string Format(IEnumerable<int> shape) => "[" + string.Join(", ", shape) + "]";
}
