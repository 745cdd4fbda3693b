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
    public IReadOnlyList<BuiltinOperator> Handles { get; } = [BuiltinOperator.DepthwiseConv2D];

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<DepthwiseConv2DOptions>();
        var input = ctx.Input(0);
        var filter = ctx.Input(1);
        var output = ctx.Output(0);
        ConvChecks.Require4D(ctx, input, "input");
        ConvChecks.Require4D(ctx, filter, "filter");
        ConvChecks.Require4D(ctx, output, "output");
        int outC = filter.Shape[3];
        var bias = ConvChecks.Bias(ctx, 2, outC);
        FloatOperands.RequireFloat(ctx, (filter, "filter"), (bias, "bias"), (output, "output"));

        int batches = input.Shape[0], inH = input.Shape[1], inW = input.Shape[2], inC = input.Shape[3];
        int fH = filter.Shape[1], fW = filter.Shape[2];
        int outH = output.Shape[1], outW = output.Shape[2];
        if (filter.Shape[0] != 1) throw ctx.Error($"filter {filter.Describe()} must have leading dimension 1");
        if (output.Shape[0] != batches) throw ctx.Error($"output batch {output.Shape[0]} differs from input batch {batches}");
        if (output.Shape[3] != outC) throw ctx.Error($"output depth {output.Shape[3]} differs from the filter's {outC} channels");
        if (outC != (long)inC * options.DepthMultiplier)
            throw ctx.Error($"output depth {outC} is not input depth {inC} x depth multiplier {options.DepthMultiplier}");
        ConvChecks.RequirePositive(ctx, "strides and dilations", options.StrideH, options.StrideW, options.DilationH, options.DilationW);
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
