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
        var g = PoolGeometry.Resolve(ctx, input, output, options);
        var (actMin, actMax) = ElementwiseQuantization.FloatActivationRange(ctx, options.Activation);
        bool average = ctx.Op.Op == BuiltinOperator.AveragePool2D;
        return
        [
            new KernelCall
            {
                Code = average ? OpCode.AveragePoolF32 : OpCode.MaxPoolF32,
                Inputs = [input.Index],
                Outputs = [output.Index],
                Params = KernelParams.PoolF32(batches: g.Batches, inputHeight: g.InH, inputWidth: g.InW, depth: g.Depth,
                    outputHeight: g.OutH, outputWidth: g.OutW, strideHeight: g.StrideH, strideWidth: g.StrideW,
                    filterHeight: g.FilterH, filterWidth: g.FilterW, paddingTop: g.PadTop, paddingLeft: g.PadLeft,
                    activationMin: actMin, activationMax: actMax),
                Macs = g.Macs(output),
            },
        ];
    }
}
