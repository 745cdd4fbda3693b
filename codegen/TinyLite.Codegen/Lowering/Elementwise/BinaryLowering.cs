using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>What the binary element-wise lowerings share: operand checks, ADD/SUB parameters, the kernel call.</summary>
public static class BinaryLowering
{
    /// <summary>The two inputs and the output; a compile error unless all three have the same dtype.</summary>
    public static (Tensor A, Tensor B, Tensor Output) Operands(LoweringContext ctx)
    {
        if (ctx.Op.Inputs.Length != 2 || ctx.Op.Outputs.Length != 1)
            throw ctx.Error($"expected 2 inputs and 1 output, got {ctx.Op.Inputs.Length} and {ctx.Op.Outputs.Length}");
        Tensor a = ctx.Input(0), b = ctx.Input(1), output = ctx.Output(0);
        if (a.Type != output.Type || b.Type != output.Type)
            throw ctx.Error($"inputs {a.Describe()} and {b.Describe()} and output {output.Describe()} must have one dtype");
        return (a, b, output);
    }

    /// <summary>
    /// A kernel call over the two inputs; <paramref name="layout"/> builds its Params (a <see cref="KernelParams"/>
    /// builder of the kernel's layout) around the broadcast descriptor planned here.
    /// </summary>
    public static KernelCall Call(LoweringContext ctx, int code, Tensor a, Tensor b, Tensor output, bool arithmetic,
        Func<int[], int[]> layout)
    {
        int[] broadcast = BroadcastPlan.Describe(ctx, a, b, output);
        return new KernelCall
        {
            Code = code,
            Inputs = [a.Index, b.Index],
            Outputs = [output.Index],
            Params = layout(broadcast),
            Macs = arithmetic ? output.ElementCount : 0,
            InPlace = BroadcastPlan.InPlace(a, b, output),
        };
    }

    /// <summary>The binary_clamped layout's builder for the activation range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Func<int[], int[]> Clamped(int min, int max) =>
        broadcast => KernelParams.BinaryClamped(activationMin: min, activationMax: max, broadcast: broadcast);

    /// <summary>ADD or SUB of any supported dtype.</summary>
    public static KernelCall Arithmetic(LoweringContext ctx, bool subtract)
    {
        var (a, b, output) = Operands(ctx);
        var activation = (ctx.Op.Options as AddSubOptions)?.Activation ?? Activation.None;
        switch (output.Type)
        {
            case DataType.Int8:
            case DataType.Int16:
            {
                var layout = AddSubRescaling.Params(ctx, a, b, output, activation, subtract);
                int code = output.Type == DataType.Int8
                    ? (subtract ? OpCode.SubS8 : OpCode.AddS8)
                    : (subtract ? OpCode.SubS16 : OpCode.AddS16);
                return Call(ctx, code, a, b, output, arithmetic: true, layout);
            }
            case DataType.Int32:
            {
                // TFLM accepts only unquantized int32 ADD/SUB; its int32 ADD ignores the fused activation.
                if (IsQuantized(a) || IsQuantized(b) || (subtract && IsQuantized(output)))
                    throw ctx.Error("quantized int32 operands are not supported (TFLM runs int32 ADD/SUB unquantized only)");
                var (min, max) = subtract ? Int32ActivationRange(ctx, activation) : (int.MinValue, int.MaxValue);
                return Call(ctx, subtract ? OpCode.SubS32 : OpCode.AddS32, a, b, output, arithmetic: true, Clamped(min, max));
            }
            case DataType.Float32:
            {
                var (min, max) = FloatActivationRange(ctx, activation);
                return Call(ctx, subtract ? OpCode.SubF32 : OpCode.AddF32, a, b, output, arithmetic: true, Clamped(min, max));
            }
            default:
                throw ctx.Error($"dtype {DataTypes.Name(output.Type)} is not supported (int8, int16, int32, float32 are)");
        }
    }
}
