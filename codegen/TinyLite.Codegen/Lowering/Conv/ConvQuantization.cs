using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// Host-side precomputation shared by the convolution lowerings, each step done as TFLM's Prepare does it so the
/// kernels stay bit-exact: per-channel multipliers (PopulateConvolutionQuantizationParams), the quantized
/// activation range (CalculateActivationRangeQuantized) and the padding (ComputePaddingHeightWidth).
/// </summary>
public static class ConvQuantization
{
    /// <summary>
    /// The requantization table the kernels read: for each output channel the Q0.31 multiplier and the shift
    /// (positive = left) of input_scale * filter_scale / output_scale, computed in double from the float scales.
    /// A per-tensor filter scale is broadcast to every channel. <paramref name="channelDim"/> is the filter
    /// dimension that holds the output channels (0 for CONV_2D and TRANSPOSE_CONV, 3 for DEPTHWISE_CONV_2D).
    /// </summary>
    public static int[] Multipliers(LoweringContext ctx, Tensor input, Tensor filter, Tensor output, int channelDim)
    {
        var inQ = input.Quantization ?? throw ctx.Error("input has no quantization parameters");
        var outQ = output.Quantization ?? throw ctx.Error("output has no quantization parameters");
        var fQ = filter.Quantization ?? throw ctx.Error("filter has no quantization parameters");
        int channels = filter.Shape[channelDim];
        if (fQ.Scales.Length != 1 && fQ.Scales.Length != channels)
            throw ctx.Error($"filter has {fQ.Scales.Length} scales for {channels} output channels");
        if (fQ.IsPerChannel && fQ.QuantizedDimension != channelDim)
            throw ctx.Error($"filter is quantized along dimension {fQ.QuantizedDimension}, expected {channelDim}");
        var table = new int[channels * 2];
        for (int c = 0; c < channels; c++)
        {
            float filterScale = fQ.IsPerChannel ? fQ.Scales[c] : fQ.Scales[0];
            double effective = (double)inQ.Scale * (double)filterScale / (double)outQ.Scale;
            if (!double.IsFinite(effective) || effective < 0)
                throw ctx.Error($"channel {c}: effective scale {effective} (input {inQ.Scale} x filter {filterScale} / output {outQ.Scale}) is not a finite non-negative number");
            var m = QuantizedMultiplier.From(effective);
            // The kernels accept shifts in [-31, 31] (TFLM's own left shift overflows well before that).
            if (m.Shift < -31 || m.Shift > 31)
                throw ctx.Error($"channel {c}: effective scale {effective} is out of range (shift {m.Shift})");
            table[2 * c] = m.Multiplier;
            table[2 * c + 1] = m.Shift;
        }
        return table;
    }

    /// <summary>
    /// The clamp range of the quantized output for a fused activation: the type's range intersected with the
    /// quantized images of 0 (RELU), [0, 6] (RELU6) or [-1, 1] (RELU_N1_TO_1), each rounded in float as TFLM does.
    /// </summary>
    public static (int Min, int Max) ActivationRange(LoweringContext ctx, Activation activation, Tensor output)
    {
        int qmin, qmax;
        switch (output.Type)
        {
            case DataType.Int8: qmin = sbyte.MinValue; qmax = sbyte.MaxValue; break;
            case DataType.Int16: qmin = short.MinValue; qmax = short.MaxValue; break;
            default: throw ctx.Error($"no quantized activation range for output type {DataTypes.Name(output.Type)}");
        }
        var q = output.Quantization ?? throw ctx.Error("output has no quantization parameters");
        float scale = q.Scale;
        int zeroPoint = q.ZeroPoint;
        int Quantize(float real)
        {
            float t = MathF.Round(real / scale, MidpointRounding.AwayFromZero);
            if (!(t >= int.MinValue && t <= int.MaxValue)) throw ctx.Error($"activation bound {real} overflows at output scale {scale}");
            return zeroPoint + (int)t;
        }
        return activation switch
        {
            Activation.None => (qmin, qmax),
            Activation.Relu => (Math.Max(qmin, Quantize(0f)), qmax),
            Activation.Relu6 => (Math.Max(qmin, Quantize(0f)), Math.Min(qmax, Quantize(6f))),
            Activation.ReluN1To1 => (Math.Max(qmin, Quantize(-1f)), Math.Min(qmax, Quantize(1f))),
            _ => throw ctx.Error($"fused activation {activation} is not supported (NONE, RELU, RELU6, RELU_N1_TO_1 are)"),
        };
    }

    /// <summary>
    /// TFLM's ComputePaddingHeightWidth: the top and left padding for the output size TFLite's windowing would
    /// give (not the output tensor's size); both are 0 when that size is invalid, as in TFLM.
    /// </summary>
    public static (int Top, int Left) Padding(Padding padding, int strideH, int strideW, int dilationH, int dilationW,
        int inH, int inW, int filterH, int filterW)
    {
        long? outW = OutSize(padding, inW, filterW, strideW, dilationW);
        long? outH = OutSize(padding, inH, filterH, strideH, dilationH);
        if (outW is null || outH is null) return (0, 0);
        return (Pad(strideH, dilationH, inH, filterH, outH.Value), Pad(strideW, dilationW, inW, filterW, outW.Value));
    }

    /// <summary>
    /// The top and left padding of a layer whose options may carry a padding folded from an explicit PAD
    /// (<paramref name="folded"/>, which then replaces <paramref name="padding"/>); a compile error when the folded
    /// padding does not give the output's <paramref name="outH"/> × <paramref name="outW"/>.
    /// </summary>
    public static (int Top, int Left) Padding(LoweringContext ctx, Padding padding, ExplicitPadding? folded, int strideH, int strideW,
        int dilationH, int dilationW, int inH, int inW, int filterH, int filterW, int outH, int outW)
    {
        if (folded is null) return Padding(padding, strideH, strideW, dilationH, dilationW, inH, inW, filterH, filterW);
        long expectedH = ExplicitPadding.OutSize(inH, folded.Top, folded.Bottom, filterH, strideH, dilationH);
        long expectedW = ExplicitPadding.OutSize(inW, folded.Left, folded.Right, filterW, strideW, dilationW);
        if (folded.Top < 0 || folded.Bottom < 0 || folded.Left < 0 || folded.Right < 0 || expectedH != outH || expectedW != outW)
            throw ctx.Error($"folded padding {folded} of a {inH}x{inW} input gives {expectedH}x{expectedW}, not the output's {outH}x{outW}");
        return (folded.Top, folded.Left);
    }

    /// <summary>
    /// TFLite's SAME or VALID padding of a <paramref name="inH"/> × <paramref name="inW"/> input as rows and columns on
    /// each side (TFLM's ComputePaddingHeightWidth puts the odd one at the bottom and right); zeros when the sizes are invalid.
    /// </summary>
    public static ExplicitPadding Sides(Padding padding, int strideH, int strideW, int dilationH, int dilationW, int inH, int inW, int filterH, int filterW)
    {
        long? outW = OutSize(padding, inW, filterW, strideW, dilationW);
        long? outH = OutSize(padding, inH, filterH, strideH, dilationH);
        if (outW is null || outH is null) return new ExplicitPadding(0, 0, 0, 0);
        int Total(int stride, int dilation, int inSize, int filter, long outSize)
            => (int)Math.Max(0, (outSize - 1) * stride + ((long)filter - 1) * dilation + 1 - inSize);
        int totalH = Total(strideH, dilationH, inH, filterH, outH.Value), totalW = Total(strideW, dilationW, inW, filterW, outW.Value);
        return new ExplicitPadding(totalH / 2, totalH - totalH / 2, totalW / 2, totalW - totalW / 2);
    }

    private static long? OutSize(Padding padding, int image, int filter, int stride, int dilation)
    {
        if (image < 0 || filter <= 0 || stride <= 0 || dilation <= 0) return null;
        long effective = ((long)filter - 1) * dilation + 1;
        // C++ integer division truncates toward zero, as C#'s does.
        long value = padding == Ir.Padding.Same ? ((long)image + stride - 1) / stride : ((long)image + stride - effective) / stride;
        return value < 0 || value > int.MaxValue ? null : value;
    }

    private static int Pad(int stride, int dilation, int inSize, int filter, long outSize)
    {
        long effective = ((long)filter - 1) * dilation + 1;
        long total = (outSize - 1) * stride + effective - inSize;
        return (int)(Math.Max(total, 0) / 2);
    }
}
