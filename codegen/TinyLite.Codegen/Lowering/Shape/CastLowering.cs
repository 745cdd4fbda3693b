using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// CAST → <see cref="OpCode.Cast"/>: the type pairs TFLM's cast kernel supports — from bool, int8, int16,
/// int32, uint32, float32 to int8, int16, int32, uint32, float32.
/// </summary>
public sealed class CastLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        bool fromOk = input.Type is DataType.Bool or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.UInt32 or DataType.Float32;
        bool toOk = output.Type is DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.UInt32 or DataType.Float32;
        if (!fromOk || !toOk)
            throw ctx.Error($"{DataTypes.Name(input.Type)} -> {DataTypes.Name(output.Type)} is not supported");
        if (input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} have different element counts");
        bool inPlace = !input.IsConstant && DataTypes.ByteSize(output.Type, 1) <= DataTypes.ByteSize(input.Type, 1);
        return
        [
            new KernelCall
            {
                Code = OpCode.Cast, Inputs = [input.Index], Outputs = [output.Index],
                Params = KernelParams.Cast(count: checked((int)input.ElementCount),
                    inputType: ShapeTensors.Code(input.Type), outputType: ShapeTensors.Code(output.Type)),
                InPlace = inPlace ? [(0, 0)] : [],
            },
        ];
    }
}
