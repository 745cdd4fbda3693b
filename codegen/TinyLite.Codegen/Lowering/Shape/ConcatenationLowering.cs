using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// CONCATENATION → <see cref="OpCode.Concatenation"/> (a chunk copy per input per outer index). As TFLM:
/// every input has the output's type; no fused activation; int8 inputs must share the output's scale and
/// zero point (TFLM does not rescale); int16 zero points must be 0. Types: int8, int16, int32, float32 (and
/// int64, bool, which are moved the same way).
/// </summary>
public sealed class ConcatenationLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<ConcatenationOptions>();
        if (options.Activation != Activation.None) throw ctx.Error($"fused activation {options.Activation} is not supported");
        var output = ctx.Output(0);
        if (output.Type is not (DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Float32 or DataType.Int64 or DataType.Bool))
            throw ctx.Error($"{DataTypes.Name(output.Type)} is not supported (int8, int16, int32, float32, int64, bool)");
        int rank = output.Shape.Length;
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        if (axis < 0 || axis >= rank) throw ctx.Error($"axis {options.Axis} is outside the output rank {rank}");
        if (ctx.Op.Inputs.Length == 0) throw ctx.Error("no inputs");

        long outer = 1;
        for (int d = 0; d < axis; d++) outer *= output.Shape[d];
        long inner = 1;
        for (int d = axis + 1; d < rank; d++) inner *= output.Shape[d];
        long elementBytes = DataTypes.ByteSize(output.Type, 1);

        var inputs = new int[ctx.Op.Inputs.Length];
        var chunkBytes = new int[inputs.Length];
        int outerCount = checked((int)outer);
        long axisTotal = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            var input = ctx.Input(i);
            if (input.Type != output.Type)
                throw ctx.Error($"input {i} is {DataTypes.Name(input.Type)}, the output {DataTypes.Name(output.Type)}");
            if (input.Shape.Length != rank) throw ctx.Error($"input {i} {input.Describe()} has a different rank from the output {output.Describe()}");
            for (int d = 0; d < rank; d++)
                if (d != axis && input.Shape[d] != output.Shape[d])
                    throw ctx.Error($"input {i} {input.Describe()} does not match the output {output.Describe()} off the axis");
            if (output.Type == DataType.Int8)
            {
                var (scale, zeroPoint) = ShapeTensors.PerTensor(ctx, input, $"input {i}");
                var (outScale, outZeroPoint) = ShapeTensors.PerTensor(ctx, output, "output");
                if (scale != outScale || zeroPoint != outZeroPoint)
                    throw ctx.Error($"int8 input {i} (scale {scale}, zero point {zeroPoint}) must be quantized as the output (scale {outScale}, zero point {outZeroPoint}); TFLM does not rescale");
            }
            if (output.Type == DataType.Int16 && (input.Quantization?.ZeroPoint ?? 0) != 0)
                throw ctx.Error($"int16 input {i} has a non-zero zero point");
            axisTotal += input.Shape[axis];
            inputs[i] = input.Index;
            chunkBytes[i] = checked((int)(input.Shape[axis] * inner * elementBytes));
        }
        if (output.Type == DataType.Int16 && (output.Quantization?.ZeroPoint ?? 0) != 0)
            throw ctx.Error("int16 output has a non-zero zero point");
        if (axisTotal != output.Shape[axis])
            throw ctx.Error($"the inputs add up to {axisTotal} along axis {axis}, the output has {output.Shape[axis]}");
        var p = KernelParams.Concatenation(outerCount: outerCount, inputCount: inputs.Length, chunkBytes: chunkBytes);
        return [new KernelCall { Code = OpCode.Concatenation, Inputs = inputs, Outputs = [output.Index], Params = p }];
    }
}
