using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Dense;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// AVERAGE_POOL_2D and MAX_POOL_2D on float32 (NHWC): TFLM's padding and float activation range, every window
/// overlapping the input (Params: <see cref="KernelParams.PoolF32"/>).
/// </summary>
public sealed class FloatPool2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<Pool2DOptions>();
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        FloatOperands.RequireFloat(ctx, (output, "output"));
        if (input.Shape.Length != 4 || output.Shape.Length != 4)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must be 4-D NHWC");
        int batches = input.Shape[0], inH = input.Shape[1], inW = input.Shape[2], depth = input.Shape[3];
        int outH = output.Shape[1], outW = output.Shape[2];
        if (output.Shape[0] != batches || output.Shape[3] != depth)
            throw ctx.Error($"output {output.Describe()} does not match input {input.Describe()}");
        int strideH = options.StrideH, strideW = options.StrideW, filterH = options.FilterH, filterW = options.FilterW;
        if (strideH <= 0 || strideW <= 0 || filterH <= 0 || filterW <= 0)
            throw ctx.Error($"strides {strideH}x{strideW} and filter {filterH}x{filterW} must be positive");
        int expectedH = Pool2DLowering.OutSize(options.Padding, inH, filterH, strideH);
        int expectedW = Pool2DLowering.OutSize(options.Padding, inW, filterW, strideW);
        if (expectedH != outH || expectedW != outW)
            throw ctx.Error($"output {output.Describe()} does not match the {options.Padding} padding output size {expectedH}x{expectedW}");
        int padTop = Pool2DLowering.Padding(strideH, inH, filterH, outH);
        int padLeft = Pool2DLowering.Padding(strideW, inW, filterW, outW);
        for (int y = 0; y < outH; y++)
        {
            int origin = y * strideH - padTop;
            if (Math.Max(0, -origin) >= Math.Min(filterH, inH - origin)) throw ctx.Error($"window of output row {y} lies in the padding");
        }
        for (int x = 0; x < outW; x++)
        {
            int origin = x * strideW - padLeft;
            if (Math.Max(0, -origin) >= Math.Min(filterW, inW - origin)) throw ctx.Error($"window of output column {x} lies in the padding");
        }
        var (actMin, actMax) = ElementwiseQuantization.FloatActivationRange(ctx, options.Activation);
        bool average = ctx.Op.Op == BuiltinOperator.AveragePool2D;
        return
        [
            new KernelCall
            {
                Code = average ? OpCode.AveragePoolF32 : OpCode.MaxPoolF32,
                Inputs = [input.Index],
                Outputs = [output.Index],
                Params = KernelParams.PoolF32(batches: batches, inputHeight: inH, inputWidth: inW, depth: depth,
                    outputHeight: outH, outputWidth: outW, strideHeight: strideH, strideWidth: strideW,
                    filterHeight: filterH, filterWidth: filterW, paddingTop: padTop, paddingLeft: padLeft,
                    activationMin: actMin, activationMax: actMax),
                Macs = output.ElementCount * filterH * filterW,
            },
        ];
    }
}
