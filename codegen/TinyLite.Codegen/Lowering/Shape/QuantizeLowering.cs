using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// QUANTIZE. float32 → int8/int16: <see cref="OpCode.QuantizeFloat"/> with the output's float32 scale and
/// zero point. Integer → integer: <see cref="OpCode.Requantize"/> with QuantizeMultiplier(input_scale /
/// output_scale) computed in double as TFLM's Prepare; the pairs TFLM supports (uint8 excepted):
/// int8→int8/int16/int32, int16→int8/int16/int32, int32→int8/int16. The output must be quantized per tensor.
/// </summary>
public sealed class QuantizeLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        if (input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} have different element counts");
        var (outScale, outZeroPoint) = ShapeTensors.PerTensor(ctx, output, "output");
        int count = checked((int)input.ElementCount);

        if (input.Type == DataType.Float32)
        {
            if (output.Type is not (DataType.Int8 or DataType.Int16))
                throw ctx.Error($"FLOAT32 -> {DataTypes.Name(output.Type)} is not supported (int8, int16)");
            return
            [
                new KernelCall
                {
                    Code = OpCode.QuantizeFloat, Inputs = [input.Index], Outputs = [output.Index],
                    Params = KernelParams.QuantizeFloat(count: count, outputType: ShapeTensors.Code(output.Type),
                        outputZeroPoint: outZeroPoint, outputScaleBits: ShapeTensors.FloatBits(outScale)),
                    InPlace = input.IsConstant ? [] : [(0, 0)],
                },
            ];
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
        bool inPlace = !input.IsConstant && DataTypes.ByteSize(output.Type, 1) <= DataTypes.ByteSize(input.Type, 1);
        return
        [
            new KernelCall
            {
                Code = OpCode.Requantize, Inputs = [input.Index], Outputs = [output.Index],
                Params = KernelParams.Requantize(count: count, inputType: ShapeTensors.Code(input.Type),
                    outputType: ShapeTensors.Code(output.Type), inputZeroPoint: inZeroPoint,
                    outputZeroPoint: outZeroPoint, multiplier: m.Multiplier, shift: m.Shift),
                InPlace = inPlace ? [(0, 0)] : [],
            },
        ];
    }
}
