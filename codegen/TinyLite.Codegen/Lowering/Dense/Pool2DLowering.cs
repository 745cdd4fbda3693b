using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// AVERAGE_POOL_2D and MAX_POOL_2D on int8 and int16 (NHWC): TFLM's padding (ComputePaddingHeightWidth, top/left
/// values only; <see cref="PoolGeometry"/>), its same-quantization requirement and the fused activation range.
/// <see cref="KernelCall.Macs"/> counts one operation per input element of each window (output elements x filter area).
/// </summary>
public sealed class Pool2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<Pool2DOptions>();
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        bool average = ctx.Op.Op == BuiltinOperator.AveragePool2D;
        int code = (input.Type, output.Type) switch
        {
            (DataType.Int8, DataType.Int8) => average ? OpCode.AveragePoolS8 : OpCode.MaxPoolS8,
            (DataType.Int16, DataType.Int16) => average ? OpCode.AveragePoolS16 : OpCode.MaxPoolS16,
            _ => throw ctx.Error("unsupported dtypes (supported: INT8 -> INT8, INT16 -> INT16)"),
        };
        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        if ((double)Math.Abs(inQ.Scale - outQ.Scale) > 1.0e-6 || inQ.ZeroPoint != outQ.ZeroPoint)
        {
            throw ctx.Error("input and output quantization must be the same");
        }
        var g = PoolGeometry.Resolve(ctx, input, output, options);
        var (actMin, actMax) = DenseQuantization.ActivationRange(ctx, options.Activation, output);
        // Average pooling: with --cmsis-nn, scratch for the optional CMSIS-NN native backend (CmsisNnScratch), ignored by the reference kernels.
        int[] outputs = (code is OpCode.AveragePoolS8 or OpCode.AveragePoolS16) && ctx.CompileOptions.CmsisNn
            ? [ctx.Op.Outputs[0], ctx.AddScratch($"{output.Name}/cmsis_nn_scratch", CmsisNnScratch.AveragePoolBytes(g.Depth))]
            : [ctx.Op.Outputs[0]];
        return
        [
            new KernelCall
            {
                Code = code,
                Inputs = [ctx.Op.Inputs[0]],
                Outputs = outputs,
                Params = KernelParams.Pool(batches: g.Batches, inputHeight: g.InH, inputWidth: g.InW, depth: g.Depth,
                    outputHeight: g.OutH, outputWidth: g.OutW, strideHeight: g.StrideH, strideWidth: g.StrideW,
                    filterHeight: g.FilterH, filterWidth: g.FilterW, paddingTop: g.PadTop, paddingLeft: g.PadLeft,
                    activationMin: actMin, activationMax: actMax),
                Macs = g.Macs(output),
            },
        ];
    }
}
