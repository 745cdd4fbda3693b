using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering.Conv;
using TinyLite.Codegen.Lowering.Elementwise;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Float;

/// <summary>
/// CONV_2D and DEPTHWISE_CONV_2D on float32 (input, filter, optional bias, output all float32), with TFLM's padding
/// and float activation range. CONV_2D: OHWI filter, grouped when the input depth is a multiple of the filter depth;
/// one ConvF32 call (Params: <see cref="KernelParams.ConvF32"/>); the filter may be a constant or an activation.
/// DEPTHWISE_CONV_2D (<paramref name="depthwise"/>): filter [1, f_h, f_w, out_c]; one DepthwiseConvF32 call
/// (Params: <see cref="KernelParams.DepthwiseConvF32"/>).
/// </summary>
public sealed class FloatConvLowering(bool depthwise) : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (padding, strideH, strideW, dilationH, dilationW, activation, multiplier) = ReadOptions(ctx);
        var operands = ConvOperands.Read(ctx, depthwise);
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);
        FloatOperands.RequireFloat(ctx, (filter, "filter"), (bias, "bias"), (output, "output"));

        operands.CheckShapes(ctx, multiplier, strideH, strideW, dilationH, dilationW);
        int batches = operands.Batches, inH = operands.InH, inW = operands.InW, inC = operands.InC;
        int fH = operands.FH, fW = operands.FW, fC = operands.FC; // fC: 1 for a depthwise filter
        int outH = operands.OutH, outW = operands.OutW, outC = operands.OutC;
        var (padTop, padLeft) = ConvQuantization.Padding(padding, strideH, strideW, dilationH, dilationW, inH, inW, fH, fW);
        var (actMin, actMax) = ElementwiseQuantization.FloatActivationRange(ctx, activation);
        return
        [
            new KernelCall
            {
                Code = depthwise ? OpCode.DepthwiseConvF32 : OpCode.ConvF32,
                Inputs = [input.Index, filter.Index, bias?.Index ?? -1],
                Outputs = [output.Index],
                Params = depthwise
                    ? KernelParams.DepthwiseConvF32(batches: batches, inputHeight: inH, inputWidth: inW,
                        inputDepth: inC, filterHeight: fH, filterWidth: fW, depthMultiplier: multiplier,
                        outputHeight: outH, outputWidth: outW, outputDepth: outC, strideHeight: strideH,
                        strideWidth: strideW, dilationHeight: dilationH, dilationWidth: dilationW,
                        paddingTop: padTop, paddingLeft: padLeft, activationMin: actMin, activationMax: actMax)
                    : KernelParams.ConvF32(batches: batches, inputHeight: inH, inputWidth: inW, inputDepth: inC,
                        filterHeight: fH, filterWidth: fW, filterDepth: fC, outputHeight: outH, outputWidth: outW,
                        outputDepth: outC, strideHeight: strideH, strideWidth: strideW,
                        dilationHeight: dilationH, dilationWidth: dilationW, paddingTop: padTop,
                        paddingLeft: padLeft, activationMin: actMin, activationMax: actMax),
                Macs = (long)batches * outH * outW * outC * fH * fW * fC,
            },
        ];
    }

    /// <summary>The window options of either operator (depth multiplier 0 for CONV_2D, which <see cref="ConvOperands.CheckShapes"/> ignores).</summary>
    private (Ir.Padding Padding, int StrideH, int StrideW, int DilationH, int DilationW, Activation Activation, int DepthMultiplier) ReadOptions(
        LoweringContext ctx)
    {
        if (!depthwise)
        {
            var c = ctx.Options<Conv2DOptions>();
            return (c.Padding, c.StrideH, c.StrideW, c.DilationH, c.DilationW, c.Activation, 0);
        }
        var d = ctx.Options<DepthwiseConv2DOptions>();
        return (d.Padding, d.StrideH, d.StrideW, d.DilationH, d.DilationW, d.Activation, d.DepthMultiplier);
    }
}
