using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Activations;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Math;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// LOGISTIC and TANH. Int8: runs TFLM's integer algorithm (input rescaled to Q4.27 with the multiplier and
/// radius TFLM's Prepare derives by frexp, gemmlowp's fixed-point logistic/tanh, rounding to the output) on all
/// 256 inputs here and stores the results as a table for <see cref="LookupS8"/>. Int16: TFLM's Prepare
/// (power-of-two input scale or a multiplier to steps of 1/(3*4096)) for <see cref="LogisticS16"/> /
/// <see cref="TanhS16"/>, with the <see cref="SigmoidTable"/> as a constant.
/// </summary>
public sealed class ActivationTableLowering : IOperatorLowering
{
    /// <summary>Integer bits of the rescaled input (Q4.27), TFLM's kInputIntegerBits for int8.</summary>
    public const int InputIntegerBits = 4;

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        bool logistic = ctx.Op.Op == BuiltinOperator.Logistic;
        if (input.Type != output.Type || (input.Type != DataType.Int8 && input.Type != DataType.Int16))
        {
            throw ctx.Error("unsupported dtypes (supported: INT8 -> INT8, INT16 -> INT16)");
        }
        if (input.ElementCount != output.ElementCount)
        {
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have the same size");
        }
        if (input.Type == DataType.Int16)
        {
            return LowerInt16(ctx, logistic, input, output);
        }
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        if (logistic && DenseQuantization.Quant(ctx, output, "output").ZeroPoint != -128)
        {
            throw ctx.Error("INT8 LOGISTIC output must have zero point -128");
        }
        var (multiplier, shift, radius) = Prepare(ctx, inQ.Scale);
        var table = new byte[256];
        for (int x = -128; x < 128; x++)
        {
            table[(byte)x] = (byte)(logistic
                ? LogisticS8(x, inQ.ZeroPoint, radius, multiplier, shift)
                : TanhS8(x, inQ.ZeroPoint, radius, multiplier, shift));
        }
        int tableTensor = ctx.AddConstant($"{(logistic ? "logistic" : "tanh")}{ctx.Op.Index}_lut", DataType.Int8, [256], table);
        return
        [
            new KernelCall
            {
                Code = OpCode.LookupS8,
                Inputs = [ctx.Op.Inputs[0], tableTensor],
                Outputs = [ctx.Op.Outputs[0]],
                Params = KernelParams.LookupS8(count: checked((int)input.ElementCount)),
                InPlace = [(0, 0)],
            },
        ];
    }

    private static IReadOnlyList<KernelCall> LowerInt16(LoweringContext ctx, bool logistic, Tensor input, Tensor output)
    {
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        if (inQ.ZeroPoint != 0 || outQ.ZeroPoint != 0)
        {
            throw ctx.Error("INT16 input and output zero points must be 0");
        }
        if (!CheckedLog2(outQ.Scale, out int outLog2) || outLog2 != -15)
        {
            throw ctx.Error("INT16 output scale must be 2^-15");
        }
        var (multiplier, shift) = PrepareInt16(inQ.Scale, logistic);
        if (multiplier <= 0 || multiplier > 32767 || shift < 0 || shift > 31)
        {
            throw ctx.Error($"input scale {inQ.Scale} is out of the range TFLM's int16 {(logistic ? "logistic" : "tanh")} handles");
        }
        int table = ctx.AddConstant($"sigmoid{ctx.Op.Index}_table", DataType.Int16, [256], SigmoidTable.Bytes());
        return
        [
            new KernelCall
            {
                Code = logistic ? OpCode.LogisticS16 : OpCode.TanhS16,
                Inputs = [ctx.Op.Inputs[0], table],
                Outputs = [ctx.Op.Outputs[0]],
                Params = KernelParams.LookupS16(count: checked((int)input.ElementCount), inputMultiplier: multiplier,
                    inputShift: shift),
                InPlace = [(0, 0)],
            },
        ];
    }

    /// <summary>
    /// TFLM's int16 Prepare of LOGISTIC / TANH, resolved the way its kernels resolve it: a power-of-two input
    /// scale with left shift 0 (tanh also 1) becomes multiplier 3 &lt;&lt; shift with no shift; otherwise
    /// scale * 3 * 4096 is doubled until it exceeds 32767 / 2, counting the doublings as the right shift.
    /// </summary>
    public static (int Multiplier, int Shift) PrepareInt16(float inputScale, bool logistic)
    {
        bool pot = CheckedLog2(inputScale, out int log2);
        int shift = (15 - 3) + log2;
        pot &= logistic ? shift == 0 : shift == 0 || shift == 1;
        if (pot)
        {
            return (3 << shift, 0);
        }
        double multiplier = (double)inputScale * 4096.0 * 3.0;
        shift = 0;
        while (multiplier <= 32767.0 / 2.0 && shift <= 30)
        {
            shift++;
            multiplier *= 2.0;
        }
        return ((int)multiplier, shift);
    }

    /// <summary>TFLM's CheckedLog2: log2 of x in single precision, rounded; true when x is within 1e-3 of a power of two.</summary>
    public static bool CheckedLog2(float x, out int log2)
    {
        float xLog2 = MathF.Log(x) * (1.0f / MathF.Log(2.0f));
        float rounded = MathF.Round(xLog2, MidpointRounding.AwayFromZero);
        log2 = (int)rounded;
        return MathF.Abs(xLog2 - rounded) < 1e-3f;
    }

    /// <summary>
    /// TFLM's int8 Prepare of LOGISTIC and TANH: frexp of inputScale * 2^27 gives the Q0.31 multiplier (rounded,
    /// without QuantizeMultiplier's 1.0 fix-up) and the left shift; the radius bounds the inputs that saturate.
    /// </summary>
    public static (int Multiplier, int Shift, int Radius) Prepare(LoweringContext? ctx, float inputScale)
    {
        double real = (double)inputScale * (double)(1 << (31 - InputIntegerBits));
        var (q, shift) = QuantizedMultiplier.Frexp(real);
        if (!(real > 0) || shift < 0 || shift > 31)
        {
            string what = $"input scale {inputScale} is out of the range TFLM's int8 logistic/tanh handles";
            throw ctx != null ? ctx.Error(what) : new CompileException(what);
        }
        // static_cast<int32_t> of the rounded double: 2^31 wraps to int.MinValue as on the reference host.
        int multiplier = unchecked((int)(long)Math.Round(q * (1L << 31), MidpointRounding.AwayFromZero));
        int radius = DenseQuantization.InputRadius(InputIntegerBits, shift, 31);
        return (multiplier, shift, radius);
    }

    /// <summary>TFLM's reference_integer_ops::Logistic for one int8 input (output zero point -128, scale 1/256).</summary>
    public static int LogisticS8(int x, int zeroPoint, int radius, int multiplier, int shift)
    {
        int input = x - zeroPoint;
        if (input <= -radius) return sbyte.MinValue;
        if (input >= radius) return sbyte.MaxValue;
        int inputQ4 = FixedPoint.MultiplyByQuantizedMultiplier(input, multiplier, shift);
        int outputQ0 = FixedPointFunctions.Logistic(inputQ4, InputIntegerBits);
        int outputQ23 = FixedPoint.RoundingDivideByPot(outputQ0, 31 - 8) - 128;
        return Math.Clamp(outputQ23, sbyte.MinValue, sbyte.MaxValue);
    }

    /// <summary>TFLM's reference_integer_ops::Tanh for one int8 input (output scale 1/128, zero point 0).</summary>
    public static int TanhS8(int x, int zeroPoint, int radius, int multiplier, int shift)
    {
        int input = x - zeroPoint;
        if (input <= -radius) return sbyte.MinValue;
        if (input >= radius) return sbyte.MaxValue;
        int inputQ4 = FixedPoint.MultiplyByQuantizedMultiplier(input, multiplier, shift);
        int outputQ0 = FixedPointFunctions.Tanh(inputQ4, InputIntegerBits);
        int outputQ24 = FixedPoint.RoundingDivideByPot(outputQ0, 31 - 7);
        return Math.Clamp(outputQ24, sbyte.MinValue, sbyte.MaxValue);
    }
}
