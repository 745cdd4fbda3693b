using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Conv;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// DEPTHWISE_CONV_2D for int8 activations with int8 or packed int4 weights (int32 bias) and int16 activations with
/// int8 weights (int64 bias, the only one TFLM reads there). Emits one DepthwiseConvS8 / S4 / S16 call (Params: the
/// depthwise_conv layout, <see cref="KernelParams.DepthwiseConv"/>). The [1, f_h, f_w, out_c] filter is re-laid out channel-major,
/// [out_c][f_h][f_w], so each output channel's taps are contiguous; int4 weights are repacked in that order. For
/// int8 activations the input zero point is folded into an int32 bias constant (<see cref="BiasFolding"/>).
/// </summary>
public sealed class DepthwiseConv2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<DepthwiseConv2DOptions>();
        var operands = ConvOperands.Read(ctx, depthwise: true);
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);

        int code = ConvChecks.KernelCode(ctx, operands, OpCode.DepthwiseConvS8, OpCode.DepthwiseConvS4, OpCode.DepthwiseConvS16,
            [DataType.Int64], "TFLM reads INT64 only");

        operands.CheckShapes(ctx, options.DepthMultiplier, options.StrideH, options.StrideW, options.DilationH, options.DilationW);
        int batches = operands.Batches, inH = operands.InH, inW = operands.InW, inC = operands.InC;
        int fH = operands.FH, fW = operands.FW;
        int outH = operands.OutH, outW = operands.OutW, outC = operands.OutC;

        byte[] data = ConvChecks.ConstantData(ctx, filter, "filter");
        int filterT = filter.Type == DataType.Int4
            ? ctx.AddConstant($"{filter.Name}/channel_major", DataType.Int4, [outC * fH * fW], ChannelMajorInt4(data, fH * fW, outC))
            : ctx.AddConstant($"{filter.Name}/channel_major", DataType.Int8, [outC * fH * fW], ChannelMajorInt8(data, fH * fW, outC));

        var (padTop, padLeft) = ConvQuantization.Padding(ctx, options.Padding, options.Explicit, options.StrideH, options.StrideW,
            options.DilationH, options.DilationW, inH, inW, fH, fW, outH, outW);
        var (actMin, actMax) = ConvQuantization.ActivationRange(ctx, options.Activation, output);
        int[] table = ConvQuantization.Multipliers(ctx, input, filter, output, channelDim: 3);
        int quant = ctx.AddInt32Constant($"{filter.Name}/multipliers", table);
        int inputOffset = code == OpCode.DepthwiseConvS16 ? 0 : -input.Quantization!.ZeroPoint;
        int outputOffset = code == OpCode.DepthwiseConvS16 ? 0 : output.Quantization!.ZeroPoint;
        int[] parameters = KernelParams.DepthwiseConv(batches: batches, inputHeight: inH, inputWidth: inW, inputDepth: inC,
            filterHeight: fH, filterWidth: fW, depthMultiplier: options.DepthMultiplier, outputHeight: outH,
            outputWidth: outW, outputDepth: outC, strideHeight: options.StrideH, strideWidth: options.StrideW,
            dilationHeight: options.DilationH, dilationWidth: options.DilationW, paddingTop: padTop, paddingLeft: padLeft,
            inputOffset: inputOffset, outputOffset: outputOffset, activationMin: actMin, activationMax: actMax);

        int biasT = bias?.Index ?? -1;
        if (code != OpCode.DepthwiseConvS16)
        {
            // Fold input_offset * (sum of each channel's weights) into the bias (see BiasFolding).
            int[] w = BiasFolding.Values(ctx, filter);
            var sums = new int[outC];
            for (int t = 0; t < fH * fW; t++)
                for (int c = 0; c < outC; c++) sums[c] += w[t * outC + c];
            biasT = ctx.AddInt32Constant($"{filter.Name}/folded_bias", BiasFolding.Fold(ctx, bias, sums, inputOffset));
        }

        // With --cmsis-nn, scratch for the optional CMSIS-NN native backend, ignored by the reference kernels, of the size
        // the loaders demand (the runtime's CmsisNnScratchCheck): int8 activations (int8 or int4 weights) always, int16
        // only where CMSIS-NN is proven bit-exact (CmsisNnInt16).
        bool cmsisNn = code is (OpCode.DepthwiseConvS8 or OpCode.DepthwiseConvS4) && ctx.CompileOptions.CmsisNn;
        bool cmsisNnS16 = code == OpCode.DepthwiseConvS16 && ctx.CompileOptions.CmsisNn && (bias == null || bias.Data != null)
            && CmsisNnInt16.AllExact(ChannelMajorInt8(data, fH * fW, outC), outC, CmsisNnInt16.BiasValues(bias, outC), false, table);
        int[] outputs = cmsisNnS16
            ? [output.Index, ctx.AddScratch($"{filter.Name}/cmsis_nn_scratch", CmsisNnScratchCheck.DepthwiseS16Bytes(parameters))]
            : !cmsisNn ? [output.Index]
            : code == OpCode.DepthwiseConvS8
                ? [output.Index, ctx.AddScratch($"{filter.Name}/cmsis_nn_scratch", CmsisNnScratchCheck.DepthwiseS8Bytes(parameters))]
                : [output.Index, ctx.AddScratch($"{filter.Name}/cmsis_nn_scratch", CmsisNnScratchCheck.DepthwiseS4Bytes(parameters))];

        int[] inputs = [input.Index, filterT, biasT, quant];
        // With --cmsis-nn and taps in the padding, the raw bias (the model's, zeros without one) as an optional fifth
        // input for the CMSIS-NN adapter (see Conv2DLowering); ignored by the managed kernels, not given to the in-place variant.
        int rawBias = cmsisNn && CmsisNnScratch.HasPaddingTaps(inH, inW, fH, fW, options.StrideH, options.StrideW,
            options.DilationH, options.DilationW, outH, outW, padTop, padLeft)
            ? ctx.AddInt32Constant(CmsisNnScratch.RawBiasName(filter.Name), BiasFolding.Fold(ctx, bias, new int[outC], 0))
            : -1;
        // int4 weights with --cmsis-nn: a sixth input, the filter in TFLite's packed order for arm_depthwise_conv_wrapper_s4
        // (fifth input -1 without padding taps); stored once in flash (f_h·f_w·out_c / 2 bytes) instead of repacking it per call.
        int[] routedInputs = code == OpCode.DepthwiseConvS4 && cmsisNn
            ? [.. inputs, rawBias, ctx.AddConstant(CmsisNnScratch.TfliteOrderFilterName(filter.Name), DataType.Int4, [outC * fH * fW],
                data[..((outC * fH * fW + 1) / 2)])]
            : rawBias >= 0 ? [.. inputs, rawBias]
            // int16 and proven: the marker, the requantization table split into CMSIS-NN's two arrays.
            : cmsisNnS16 ? [.. inputs, ctx.AddInt32Constant(CmsisNnInt16.QuantName(filter.Name), CmsisNnInt16.Split(table))]
            : inputs;
        long macs = (long)batches * outH * outW * outC * fH * fW;
        return
        [
            new KernelCall
            {
                Code = code, Inputs = routedInputs, Outputs = outputs, Params = parameters, Macs = macs,
                InPlaceVariant = InPlaceVariant(ctx, code, options.DepthMultiplier, batches, inputs, output, parameters, macs),
            },
        ];
    }

    /// <summary>
    /// The channel-by-channel variant over the input's own bytes (DepthwiseConvS8InPlace / S4InPlace), with a
    /// one-channel scratch of out_h × out_w; offered for int8 activations, one batch and depth multiplier 1.
    /// </summary>
    private static KernelCall? InPlaceVariant(LoweringContext ctx, int code, int multiplier, int batches, int[] inputs, Tensor output, int[] parameters, long macs)
    {
        if (code is not (OpCode.DepthwiseConvS8 or OpCode.DepthwiseConvS4) || multiplier != 1 || batches != 1) return null;
        int scratch = ctx.AddScratch($"{output.Name}/channel_scratch", (long)output.Shape[1] * output.Shape[2]);
        return new KernelCall
        {
            Code = code == OpCode.DepthwiseConvS8 ? OpCode.DepthwiseConvS8InPlace : OpCode.DepthwiseConvS4InPlace, Inputs = inputs, Outputs = [output.Index, scratch], Params = parameters, Macs = macs,
            InPlace = [(0, 0)],
        };
    }

    /// <summary>[taps][channels] int8 bytes to [channels][taps].</summary>
    public static byte[] ChannelMajorInt8(byte[] hwc, int taps, int channels)
    {
        var result = new byte[taps * channels];
        for (int c = 0; c < channels; c++)
            for (int t = 0; t < taps; t++)
                result[c * taps + t] = hwc[t * channels + c];
        return result;
    }

    /// <summary>[taps][channels] packed int4 (element 2i in the low nibble) to [channels][taps], packed the same way.</summary>
    public static byte[] ChannelMajorInt4(byte[] hwc, int taps, int channels)
    {
        int count = taps * channels;
        var result = new byte[(count + 1) / 2];
        for (int c = 0; c < channels; c++)
            for (int t = 0; t < taps; t++)
            {
                int from = t * channels + c;
                int nibble = (hwc[from >> 1] >> ((from & 1) * 4)) & 0xF;
                int to = c * taps + t;
                result[to >> 1] |= (byte)(nibble << ((to & 1) * 4));
            }
        return result;
    }
}
