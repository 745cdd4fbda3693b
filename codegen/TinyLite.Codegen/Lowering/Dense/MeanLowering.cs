using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// MEAN on int8 and int16 over any constant set of axes of a tensor of rank 4 or less (keep_dims true or
/// false), with TFLM's requantization: QuantizeMultiplier(inputScale / outputScale), then the multiplier
/// rescaled by 1/count exactly as QuantizedMeanOrSum does, and -inputZp * count folded into one term.
/// <see cref="KernelCall.Macs"/> counts one addition per input element.
/// </summary>
public sealed class MeanLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var axis = ctx.Input(1);
        var output = ctx.Output(0);
        int code = (input.Type, output.Type) switch
        {
            (DataType.Int8, DataType.Int8) => OpCode.MeanS8,
            (DataType.Int16, DataType.Int16) => OpCode.MeanS16,
            _ => throw ctx.Error("unsupported dtypes (supported: INT8 -> INT8, INT16 -> INT16)"),
        };
        var (dims, mask) = MeanAxes.Resolve(ctx, input, axis, output);
        long count = MeanAxes.Count(dims, mask, reduced: true);
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        var m = QuantizedMultiplier.From((double)inQ.Scale / (double)outQ.Scale);
        // QuantizedMeanOrSum folds 1/count into the multiplier: shift = floor(log2(count)), clamped.
        int shift = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)count);
        shift = Math.Min(shift, 32);
        shift = Math.Min(shift, 31 + m.Shift);
        if (shift < 0)
        {
            throw ctx.Error("input/output scale ratio too small for TFLM's mean rescaling");
        }
        int multiplier = (int)(((long)m.Multiplier << shift) / count);
        int outShift = m.Shift - shift;
        int folded = unchecked((int)(-(long)inQ.ZeroPoint * count));
        return
        [
            new KernelCall
            {
                Code = code,
                Inputs = [ctx.Op.Inputs[0]],
                Outputs = [ctx.Op.Outputs[0]],
                Params = KernelParams.Mean(dims: dims, axesMask: mask, multiplier: multiplier, shift: outShift,
                    outputOffset: outQ.ZeroPoint, foldedInputTerm: folded),
                Macs = input.ElementCount,
            },
        ];
    }
}
