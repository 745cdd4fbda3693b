using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>CAST, DEQUANTIZE and QUANTIZE (see <see cref="ConversionLowering"/>): each operator's dtypes, kernel and Params.</summary>
public static class Conversions
{
    /// <summary>Every conversion by operator.</summary>
    public static IReadOnlyList<(BuiltinOperator Op, ConversionLowering Lowering)> All { get; } =
    [
        (BuiltinOperator.Cast, new(Cast)),
        (BuiltinOperator.Dequantize, new(Dequantize)),
        (BuiltinOperator.Quantize, new(Quantize)),
    ];

    /// <summary>
    /// CAST → <see cref="OpCode.Cast"/>: the type pairs TFLM's cast kernel supports — from bool, int8, int16,
    /// int32, uint32, float32 to int8, int16, int32, uint32, float32.
    /// </summary>
    private static (int, int[]) Cast(LoweringContext ctx, Tensor input, Tensor output, int count)
    {
        bool fromOk = input.Type is DataType.Bool or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.UInt32 or DataType.Float32;
        bool toOk = output.Type is DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.UInt32 or DataType.Float32;
        if (!fromOk || !toOk)
            throw ctx.Error($"{DataTypes.Name(input.Type)} -> {DataTypes.Name(output.Type)} is not supported");
        return (OpCode.Cast, KernelParams.Cast(count: count, inputType: ShapeTensors.Code(input.Type), outputType: ShapeTensors.Code(output.Type)));
    }

    /// <summary>DEQUANTIZE int8/int16 → float32 (<see cref="OpCode.Dequantize"/>) with the input's per-tensor scale and zero point.</summary>
    private static (int, int[]) Dequantize(LoweringContext ctx, Tensor input, Tensor output, int count)
    {
        if (input.Type is not (DataType.Int8 or DataType.Int16) || output.Type != DataType.Float32)
            throw ctx.Error($"{DataTypes.Name(input.Type)} -> {DataTypes.Name(output.Type)} is not supported (int8/int16 -> float32)");
        var (scale, zeroPoint) = ShapeTensors.PerTensor(ctx, input, "input");
        int max = input.Type == DataType.Int8 ? 127 : 32767;
        if (zeroPoint < -max - 1 || zeroPoint > max)
            throw ctx.Error($"zero point {zeroPoint} is outside the {DataTypes.Name(input.Type)} range");
        return (OpCode.Dequantize, KernelParams.Dequantize(count: count, inputType: ShapeTensors.Code(input.Type),
            inputZeroPoint: zeroPoint, inputScaleBits: ShapeTensors.FloatBits(scale)));
    }

    /// <summary>
    /// QUANTIZE. float32 → int8/int16: <see cref="OpCode.QuantizeFloat"/> with the output's float32 scale and
    /// zero point. Integer → integer: <see cref="OpCode.Requantize"/> with QuantizeMultiplier(input_scale /
    /// output_scale) computed in double as TFLM's Prepare; the pairs TFLM supports (uint8 excepted):
    /// int8→int8/int16/int32, int16→int8/int16/int32, int32→int8/int16. The output must be quantized per tensor.
    /// </summary>
    private static (int, int[]) Quantize(LoweringContext ctx, Tensor input, Tensor output, int count)
    {
        var (outScale, outZeroPoint) = ShapeTensors.PerTensor(ctx, output, "output");
        if (input.Type == DataType.Float32)
        {
            if (output.Type is not (DataType.Int8 or DataType.Int16))
                throw ctx.Error($"FLOAT32 -> {DataTypes.Name(output.Type)} is not supported (int8, int16)");
            return (OpCode.QuantizeFloat, KernelParams.QuantizeFloat(count: count, outputType: ShapeTensors.Code(output.Type),
                outputZeroPoint: outZeroPoint, outputScaleBits: ShapeTensors.FloatBits(outScale)));
        }
        bool supported = (input.Type, output.Type) switch
        {
            (DataType.Int8, DataType.Int8 or DataType.Int16 or DataType.Int32) => true,
            (DataType.Int16, DataType.Int8 or DataType.Int16 or DataType.Int32) => true,
            (DataType.Int32, DataType.Int8 or DataType.Int16) => true,
            _ => false,
        };
        if (!supported)
            throw ctx.Error($"{DataTypes.Name(input.Type)} -> {DataTypes.Name(output.Type)} is not supported");
        var (inScale, inZeroPoint) = ShapeTensors.PerTensor(ctx, input, "input");
        var m = QuantizedMultiplier.From((double)inScale / outScale);
        if (m.Shift is < -31 or > 30)
            throw ctx.Error($"the scale ratio {(double)inScale / outScale} needs shift {m.Shift}, outside [-31, 30]");
        return (OpCode.Requantize, KernelParams.Requantize(count: count, inputType: ShapeTensors.Code(input.Type),
            outputType: ShapeTensors.Code(output.Type), inputZeroPoint: inZeroPoint,
            outputZeroPoint: outZeroPoint, multiplier: m.Multiplier, shift: m.Shift));
    }
}
