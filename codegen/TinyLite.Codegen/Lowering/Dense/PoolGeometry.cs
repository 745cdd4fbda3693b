using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// The window geometry of AVERAGE_POOL_2D and MAX_POOL_2D over NHWC tensors, as the int and float pool kernels read
/// it: TFLM's output size and padding (ComputePaddingHeightWidth, top/left values only) or a padding folded in
/// from a PAD, checked so that every window overlaps the input.
/// </summary>
public sealed record PoolGeometry(int Batches, int InH, int InW, int Depth, int OutH, int OutW, int StrideH, int StrideW,
    int FilterH, int FilterW, int PadTop, int PadLeft)
{
    /// <summary>
    /// The geometry of <paramref name="input"/> pooled into <paramref name="output"/> with <paramref name="options"/>'
    /// strides and filter and, when a PAD was folded in (<see cref="Pool2DOptions.Explicit"/>), that padding instead of
    /// the options' padding mode.
    /// </summary>
    public static PoolGeometry Resolve(LoweringContext ctx, Tensor input, Tensor output, Pool2DOptions options)
    {
        var folded = options.Explicit;
        if (input.Shape.Length != 4 || output.Shape.Length != 4)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} must be 4-D NHWC");
        int batches = input.Shape[0], inH = input.Shape[1], inW = input.Shape[2], depth = input.Shape[3];
        int outH = output.Shape[1], outW = output.Shape[2];
        if (output.Shape[0] != batches || output.Shape[3] != depth)
            throw ctx.Error($"output {output.Describe()} does not match input {input.Describe()}");
        int strideH = options.StrideH, strideW = options.StrideW, filterH = options.FilterH, filterW = options.FilterW;
        if (strideH <= 0 || strideW <= 0 || filterH <= 0 || filterW <= 0)
            throw ctx.Error($"strides {strideH}x{strideW} and filter {filterH}x{filterW} must be positive");
        long expectedH = folded is null ? OutSize(options.Padding, inH, filterH, strideH) : ExplicitPadding.OutSize(inH, folded.Top, folded.Bottom, filterH, strideH, 1);
        long expectedW = folded is null ? OutSize(options.Padding, inW, filterW, strideW) : ExplicitPadding.OutSize(inW, folded.Left, folded.Right, filterW, strideW, 1);
        if (expectedH != outH || expectedW != outW)
        {
            string padding = folded is null ? options.Padding.ToString() : $"folded {folded}";
            throw ctx.Error($"output {output.Describe()} does not match the {padding} padding output size {expectedH}x{expectedW}");
        }
        if (folded != null && (folded.Top < 0 || folded.Bottom < 0 || folded.Left < 0 || folded.Right < 0))
            throw ctx.Error($"folded padding {folded} is negative");
        int padTop = folded?.Top ?? Padding(strideH, inH, filterH, outH);
        int padLeft = folded?.Left ?? Padding(strideW, inW, filterW, outW);
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
        return new(batches, inH, inW, depth, outH, outW, strideH, strideW, filterH, filterW, padTop, padLeft);
    }

    /// <summary>One operation per input element of each window: output elements x filter area.</summary>
    public long Macs(Tensor output) => output.ElementCount * FilterH * FilterW;

    /// <summary>TFLM's ComputeOutSize (dilation 1).</summary>
    private static int OutSize(Ir.Padding padding, int inSize, int filter, int stride) => padding switch
    {
        Ir.Padding.Same => (inSize + stride - 1) / stride,
        Ir.Padding.Valid => (inSize + stride - filter) / stride,
        _ => 0,
    };

    /// <summary>TFLM's ComputePaddingWithOffset (dilation 1): half the total padding, rounded down.</summary>
    private static int Padding(int stride, int inSize, int filter, int outSize)
    {
        long total = ((long)outSize - 1) * stride + filter - inSize;
        return (int)(Math.Max(0, total) / 2);
    }
}
