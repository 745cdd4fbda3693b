using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Conv;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// CONV_2D for int8 activations with int8 or packed int4 weights (int32 bias) and for int16 activations with int8
/// weights (int64 or int32 bias), per-channel or per-tensor weight scales. Emits one ConvS8 / ConvS4 / ConvS16 call
/// (Params: the conv layout, <see cref="KernelParams.Conv"/>); the OHWI filter is used as stored, which is the order the kernel reads.
/// For int8 activations the input zero point is folded into an int32 bias constant (<see cref="BiasFolding"/>),
/// which needs constant weights and bias.
/// </summary>
public sealed class Conv2DLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<Conv2DOptions>();
        var operands = ConvOperands.Read(ctx, depthwise: false);
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);

        int code = ConvChecks.KernelCode(ctx, operands, OpCode.ConvS8, OpCode.ConvS4, OpCode.ConvS16,
            [DataType.Int64, DataType.Int32], "INT64 or INT32 are");

        operands.CheckShapes(ctx, 0, options.StrideH, options.StrideW, options.DilationH, options.DilationW);
        int batches = operands.Batches, inH = operands.InH, inW = operands.InW, inC = operands.InC;
        int fH = operands.FH, fW = operands.FW, fC = operands.FC;
        int outH = operands.OutH, outW = operands.OutW, outC = operands.OutC;

        var (padTop, padLeft) = ConvQuantization.Padding(ctx, options.Padding, options.Explicit, options.StrideH, options.StrideW,
            options.DilationH, options.DilationW, inH, inW, fH, fW, outH, outW);
        var (actMin, actMax) = ConvQuantization.ActivationRange(ctx, options.Activation, output);
        int[] table = ConvQuantization.Multipliers(ctx, input, filter, output, channelDim: 0);
        int quant = ctx.AddInt32Constant($"{filter.Name}/multipliers", table);
        int inputOffset = code == OpCode.ConvS16 ? 0 : -input.Quantization!.ZeroPoint;
        int outputOffset = code == OpCode.ConvS16 ? 0 : output.Quantization!.ZeroPoint;
        int[] parameters = KernelParams.Conv(batches: batches, inputHeight: inH, inputWidth: inW, inputDepth: inC,
            filterHeight: fH, filterWidth: fW, filterDepth: fC, outputHeight: outH, outputWidth: outW, outputDepth: outC,
            strideHeight: options.StrideH, strideWidth: options.StrideW, dilationHeight: options.DilationH,
            dilationWidth: options.DilationW, paddingTop: padTop, paddingLeft: padLeft, inputOffset: inputOffset,
            outputOffset: outputOffset, activationMin: actMin, activationMax: actMax);

        int biasT = bias?.Index ?? -1;
        if (code != OpCode.ConvS16)
        {
            // Fold input_offset * (sum of each output channel's weights) into the bias (see BiasFolding).
            int[] w = BiasFolding.Values(ctx, filter);
            int block = fH * fW * fC;
            var sums = new int[outC];
            for (int c = 0; c < outC; c++)
                for (int k = 0; k < block; k++) sums[c] += w[c * block + k];
            biasT = ctx.AddInt32Constant($"{filter.Name}/folded_bias", BiasFolding.Fold(ctx, bias, sums, inputOffset));
        }

        // int8 activations, int8 or int4 weights: with --cmsis-nn, scratch for the optional CMSIS-NN native backend,
        // ignored by the reference kernels, of the size the loaders demand (the runtime's CmsisNnScratchCheck).
        int[] outputs = code == OpCode.ConvS8 && ctx.CompileOptions.CmsisNn
            ? [output.Index, ctx.AddScratch($"{filter.Name}/cmsis_nn_scratch", CmsisNnScratchCheck.ConvS8Bytes(parameters))]
            : code == OpCode.ConvS4 && ctx.CompileOptions.CmsisNn
            ? [output.Index, ctx.AddScratch($"{filter.Name}/cmsis_nn_scratch", CmsisNnScratchCheck.ConvS4Bytes(parameters))]
            : code == OpCode.ConvS16 && ctx.CompileOptions.CmsisNn && CmsisNnS16Exact(ctx, filter, bias, fC == inC, outC, table)
            ? [output.Index, ctx.AddScratch($"{filter.Name}/cmsis_nn_scratch", CmsisNnScratchCheck.ConvS16Bytes(parameters))]
            : [output.Index];

        int[] inputs = [input.Index, filter.Index, biasT, quant];
        // With --cmsis-nn, a convolution with taps in the padding also gets the raw bias (the model's bias, zeros
        // without one) as an optional fifth input: CMSIS-NN needs it with the true input offset, and the native
        // adapter would otherwise rebuild it from the weights on every call. The managed kernels ignore it; the
        // in-place variant (no padding, no CMSIS-NN route) keeps four inputs.
        int[] routedInputs = code != OpCode.ConvS16 && ctx.CompileOptions.CmsisNn && CmsisNnScratch.HasPaddingTaps(inH, inW, fH, fW,
            options.StrideH, options.StrideW, options.DilationH, options.DilationW, outH, outW, padTop, padLeft)
            ? [.. inputs, ctx.AddInt32Constant(CmsisNnScratch.RawBiasName(filter.Name), BiasFolding.Fold(ctx, bias, new int[outC], 0))]
            // int16 activations: the scratch above was reserved exactly when CMSIS-NN is proven bit-exact for this
            // record (CmsisNnInt16); the marker is the requantization table split into CMSIS-NN's two arrays.
            : code == OpCode.ConvS16 && outputs.Length == 2
            ? [.. inputs, ctx.AddInt32Constant(CmsisNnInt16.QuantName(filter.Name), CmsisNnInt16.Split(table))]
            : inputs;
        long macs = (long)batches * outH * outW * outC * fH * fW * fC;
        bool pointwise = code is (OpCode.ConvS8 or OpCode.ConvS4 or OpCode.ConvS16) && fH == 1 && fW == 1 && fC == inC && options.StrideH == 1 && options.StrideW == 1
            && padTop == 0 && padLeft == 0 && outH == inH && outW == inW;
        return
        [
            new KernelCall
            {
                Code = code, Inputs = routedInputs, Outputs = outputs, Params = parameters, Macs = macs,
                // Pixel by pixel over the input's own bytes, with a one-pixel scratch of out_c elements.
                InPlaceVariant = pointwise
                    ? new KernelCall
                    {
                        Code = code == OpCode.ConvS8 ? OpCode.PointwiseConvS8InPlace : code == OpCode.ConvS4 ? OpCode.PointwiseConvS4InPlace : OpCode.PointwiseConvS16InPlace,
                        Inputs = inputs, Params = parameters, Macs = macs, InPlace = [(0, 0)],
                        Outputs = [output.Index, ctx.AddScratch($"{output.Name}/pixel_scratch", outC * (code == OpCode.ConvS16 ? 2L : 1L))],
                    }
                    : null,
            },
        ];
    }

    /// <summary>
    /// True when CMSIS-NN's arm_convolve_wrapper_s16 is proven to give TFLM's bytes for this int16 CONV_2D
    /// (<see cref="CmsisNnInt16"/>): no groups (CMSIS-NN reads the whole input depth), constant bias, and the
    /// per-channel bound on the weights, bias and requantization.
    /// </summary>
    private static bool CmsisNnS16Exact(LoweringContext ctx, Tensor filter, Tensor? bias, bool wholeDepth, int outC, int[] table)
    {
        if (!wholeDepth || (bias != null && bias.Data == null))
            return false;
        byte[] weights = ConvChecks.ConstantData(ctx, filter, "filter");
        return CmsisNnInt16.AllExact(weights.AsSpan(0, checked((int)filter.ByteSize)), outC, CmsisNnInt16.BiasValues(bias, outC),
            bias?.Type == DataType.Int32, table);
    }
}
