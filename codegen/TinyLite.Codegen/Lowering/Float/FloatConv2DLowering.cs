using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// CONV_2D on float32 (input, OHWI filter, optional bias, output all float32; grouped when the input depth is a
/// multiple of the filter depth): one ConvF32 call with TFLM's padding and float activation range
/// (Params: <see cref="KernelParams.ConvF32"/>). The filter may be a constant or an activation.
/// </summary>
public sealed class FloatConv2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<Conv2DOptions>();
        var operands = ConvOperands.Read(ctx, depthwise: false);
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);
        FloatOperands.RequireFloat(ctx, (filter, "filter"), (bias, "bias"), (output, "output"));

        operands.CheckShapes(ctx, 0, options.StrideH, options.StrideW, options.DilationH, options.DilationW);
        int batches = operands.Batches, inH = operands.InH, inW = operands.InW, inC = operands.InC;
        int fH = operands.FH, fW = operands.FW, fC = operands.FC;
        int outH = operands.OutH, outW = operands.OutW, outC = operands.OutC;
        var (padTop, padLeft) = ConvQuantization.Padding(options.Padding, options.StrideH, options.StrideW,
            options.DilationH, options.DilationW, inH, inW, fH, fW);
        var (actMin, actMax) = ElementwiseQuantization.FloatActivationRange(ctx, options.Activation);
        return
        [
            new KernelCall
            {
                Code = OpCode.ConvF32,
                Inputs = [input.Index, filter.Index, bias?.Index ?? -1],
                Outputs = [output.Index],
                Params = KernelParams.ConvF32(batches: batches, inputHeight: inH, inputWidth: inW, inputDepth: inC,
                    filterHeight: fH, filterWidth: fW, filterDepth: fC, outputHeight: outH, outputWidth: outW,
                    outputDepth: outC, strideHeight: options.StrideH, strideWidth: options.StrideW,
                    dilationHeight: options.DilationH, dilationWidth: options.DilationW, paddingTop: padTop,
                    paddingLeft: padLeft, activationMin: actMin, activationMax: actMax),
                Macs = (long)batches * outH * outW * outC * fH * fW * fC,
            },
        ];
    }
}
