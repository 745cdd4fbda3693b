using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>DEQUANTIZE int8/int16 → float32 (<see cref="OpCode.Dequantize"/>) with the input's per-tensor scale and zero point.</summary>
public sealed class DequantizeLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        if (input.Type is not (DataType.Int8 or DataType.Int16) || output.Type != DataType.Float32)
            throw ctx.Error($"{DataTypes.Name(input.Type)} -> {DataTypes.Name(output.Type)} is not supported (int8/int16 -> float32)");
        if (input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} have different element counts");
        var (scale, zeroPoint) = ShapeTensors.PerTensor(ctx, input, "input");
        int max = input.Type == DataType.Int8 ? 127 : 32767;
        if (zeroPoint < -max - 1 || zeroPoint > max)
            throw ctx.Error($"zero point {zeroPoint} is outside the {DataTypes.Name(input.Type)} range");
        return
        [
            new KernelCall
            {
                Code = OpCode.Dequantize, Inputs = [input.Index], Outputs = [output.Index],
                Params = KernelParams.Dequantize(count: checked((int)input.ElementCount),
                    inputType: ShapeTensors.Code(input.Type), inputZeroPoint: zeroPoint,
                    inputScaleBits: ShapeTensors.FloatBits(scale)),
            },
        ];
    }
}
