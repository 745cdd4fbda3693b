using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Activations;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Math;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// SOFTMAX with int8 input and int8 or int16 output, and int16 input and output (TFLM's table-based SoftmaxInt16). Computes TFLM's Prepare values (PreprocessSoftmaxScaling
/// with 5 integer bits: the beta * input scale multiplier and shift, and diff_min from CalculateInputRadius),
/// then the exp of every possible difference to the row maximum (0 .. -255) with gemmlowp's fixed-point exp,
/// stored as a 256-entry int32 table the kernel looks up.
/// </summary>
public sealed class SoftmaxLowering : IOperatorLowering
{
    /// <summary>Integer bits of the rescaled input difference (Q5.26), as TFLM's kScaledDiffIntegerBits.</summary>
    public const int ScaledDiffIntegerBits = 5;

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<SoftmaxOptions>();
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        if (input.Type == DataType.Int16 && output.Type == DataType.Int16)
        {
            return LowerInt16(ctx, options.Beta, input, output);
        }
        if (input.Type != DataType.Int8 || (output.Type != DataType.Int8 && output.Type != DataType.Int16))
        {
            throw ctx.Error("unsupported dtypes (supported: INT8 -> INT8, INT8 -> INT16, INT16 -> INT16)");
        }
        if (input.Shape.Length < 1 || input.ElementCount != output.ElementCount)
        {
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have the same size");
        }
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        if (output.Type == DataType.Int8)
        {
            if (outQ.ZeroPoint != -128 || outQ.Scale != 1f / 256)
            {
                throw ctx.Error("INT8 output must have zero point -128 and scale 1/256");
            }
        }
        else if (outQ.ZeroPoint != -32768 || Math.Abs(outQ.Scale - 1f / 65536) > 0.001f * 1f / 65536)
        {
            throw ctx.Error("INT16 output must have zero point -32768 and scale 1/65536");
        }
        int depth = input.Shape[^1];
        if (depth <= 0)
        {
            throw ctx.Error($"empty input {input.Describe()}");
        }
        int outer = checked((int)(input.ElementCount / depth));
        int[] table = ExpTable(ctx, options.Beta, inQ.Scale);
        int tableTensor = ctx.AddInt32Constant($"softmax{ctx.Op.Index}_exp", table);
        // With --cmsis-nn, the values the table came from, for CMSIS-NN's softmax (when its arithmetic allows them).
        var (m, diffMin) = Prepare(ctx, options.Beta, inQ.Scale);
        int[] parameters = ctx.CompileOptions.CmsisNn && ActivationValidation.SoftmaxCmsisNnValues(m.Multiplier, m.Shift, diffMin) == null
            ? KernelParams.SoftmaxS8(rows: outer, depth: depth, betaMultiplier: m.Multiplier, betaShift: m.Shift,
                diffMin: diffMin)
            : KernelParams.SoftmaxS8(rows: outer, depth: depth);
        return
        [
            new KernelCall
            {
                Code = output.Type == DataType.Int8 ? OpCode.SoftmaxS8 : OpCode.SoftmaxS8S16,
                Inputs = [ctx.Op.Inputs[0], tableTensor],
                Outputs = [ctx.Op.Outputs[0]],
                Params = parameters,
            },
        ];
    }

    private static IReadOnlyList<KernelCall> LowerInt16(LoweringContext ctx, float beta, Tensor input, Tensor output)
    {
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        if (inQ.ZeroPoint != 0 || outQ.ZeroPoint != 0)
        {
            throw ctx.Error("INT16 input and output zero points must be 0");
        }
        if (Math.Abs(outQ.Scale - 1f / 32768) > 0.001f * 1f / 32768)
        {
            throw ctx.Error("INT16 output scale must be 1/32768");
        }
        if (input.Shape.Length < 1 || input.ElementCount != output.ElementCount || input.Shape[^1] <= 0)
        {
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must have the same non-empty size");
        }
        int depth = input.Shape[^1];
        int outer = checked((int)(input.ElementCount / depth));
        // Scale the difference so that [-65535, 0] covers [-10, 0], the range of the exp table.
        var m = QuantizedMultiplier.From((double)inQ.Scale * (double)beta / (10.0 / 65535.0));
        if (m.Shift < -31 || m.Shift > 30)
        {
            throw ctx.Error($"beta {beta} x input scale {inQ.Scale} is out of range");
        }
        int tables = ctx.AddConstant($"softmax{ctx.Op.Index}_luts", DataType.Int16, [2 * Int16LookupTable.Size], Int16Tables());
        return
        [
            new KernelCall
            {
                Code = OpCode.SoftmaxS16,
                Inputs = [ctx.Op.Inputs[0], tables],
                Outputs = [ctx.Op.Outputs[0]],
                Params = KernelParams.SoftmaxS16(rows: outer, depth: depth, inputMultiplier: m.Multiplier, inputShift: m.Shift),
            },
        ];
    }

    /// <summary>TFLM's two int16 softmax tables, exp over [-10, 0] then 1/(1+x) over [0, 1], as little-endian bytes.</summary>
    public static byte[] Int16Tables()
    {
        const int range = 65535;
        var exp = Int16LookupTable.Populate(10.0f / range, short.MaxValue, 2.0f / range, 0, v => MathF.Exp(v));
        var reciprocal = Int16LookupTable.Populate(1.0f / range, short.MinValue, 2.0f / range, 0, v => 1.0f / (1.0f + v));
        var bytes = new byte[4 * Int16LookupTable.Size];
        for (int i = 0; i < Int16LookupTable.Size; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), exp[i]);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * (Int16LookupTable.Size + i)), reciprocal[i]);
        }
        return bytes;
    }

    /// <summary>
    /// TFLM's softmax Prepare for int8 input: the Q5.26 input multiplier and left shift
    /// (PreprocessSoftmaxScaling) and diff_min (-CalculateInputRadius).
    /// </summary>
    public static (QuantizedMultiplier Multiplier, int DiffMin) Prepare(LoweringContext? ctx, float beta, float inputScale)
    {
        double real = Math.Min((double)beta * (double)inputScale * (double)(1 << (31 - ScaledDiffIntegerBits)),
            (double)((1L << 31) - 1));
        if (!(real > 1.0))
        {
            string what = $"beta {beta} x input scale {inputScale} is too small for TFLM's softmax (multiplier must exceed 1)";
            throw ctx != null ? ctx.Error(what) : new CompileException(what);
        }
        var m = QuantizedMultiplier.From(real);
        int diffMin = -DenseQuantization.InputRadius(ScaledDiffIntegerBits, m.Shift, 31);
        return (m, diffMin);
    }

    /// <summary>Entry k: exp(-k) in Q0 for a row maximum minus input of k, 0 when -k is below diff_min.</summary>
    public static int[] ExpTable(LoweringContext? ctx, float beta, float inputScale)
    {
        var (m, diffMin) = Prepare(ctx, beta, inputScale);
        var table = new int[256];
        for (int k = 0; k < 256; k++)
        {
            int diff = -k;
            if (diff < diffMin) continue;
            int rescaled = FixedPoint.MultiplyByQuantizedMultiplierGreaterThanOne(diff, m.Multiplier, m.Shift);
            table[k] = FixedPointFunctions.ExpOnNegativeValues(rescaled, ScaledDiffIntegerBits);
        }
        return table;
    }
}
