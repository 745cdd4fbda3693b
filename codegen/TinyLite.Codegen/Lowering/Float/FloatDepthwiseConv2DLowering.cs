using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// DEPTHWISE_CONV_2D on float32 (filter [1, f_h, f_w, out_c], optional bias): one DepthwiseConvF32 call with TFLM's
/// padding and float activation range (Params: <see cref="KernelParams.DepthwiseConvF32"/>).
/// </summary>
public sealed class FloatDepthwiseConv2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<DepthwiseConv2DOptions>();
        var operands = ConvOperands.Read(ctx, depthwise: true);
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);
        FloatOperands.RequireFloat(ctx, (filter, "filter"), (bias, "bias"), (output, "output"));

        operands.CheckShapes(ctx, options.DepthMultiplier, options.StrideH, options.StrideW, options.DilationH, options.DilationW);
        int batches = operands.Batches, inH = operands.InH, inW = operands.InW, inC = operands.InC;
        int fH = operands.FH, fW = operands.FW;
        int outH = operands.OutH, outW = operands.OutW, outC = operands.OutC;
        var (padTop, padLeft) = ConvQuantization.Padding(options.Padding, options.StrideH, options.StrideW,
            options.DilationH, options.DilationW, inH, inW, fH, fW);
        var (actMin, actMax) = ElementwiseQuantization.FloatActivationRange(ctx, options.Activation);
        return
        [
            new KernelCall
            {
                Code = OpCode.DepthwiseConvF32,
                Inputs = [input.Index, filter.Index, bias?.Index ?? -1],
                Outputs = [output.Index],
                Params = KernelParams.DepthwiseConvF32(batches: batches, inputHeight: inH, inputWidth: inW,
                    inputDepth: inC, filterHeight: fH, filterWidth: fW, depthMultiplier: options.DepthMultiplier,
                    outputHeight: outH, outputWidth: outW, outputDepth: outC, strideHeight: options.StrideH,
                    strideWidth: options.StrideW, dilationHeight: options.DilationH, dilationWidth: options.DilationW,
                    paddingTop: padTop, paddingLeft: padLeft, activationMin: actMin, activationMax: actMax),
                Macs = (long)batches * outH * outW * outC * fH * fW,
            },
        ];
    }
}
