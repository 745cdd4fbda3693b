namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// Which rows (the height axis of an NHWC tensor, or axis 1 of any tensor with a leading 1) of one input a
/// kernel reads to make one output row: output row r reads input rows [r * Stride - PadTop, r * Stride - PadTop
/// + Span), clipped to the input. A convolution has Span = dilation * (filter height - 1) + 1; an element-wise
/// kernel reads the same row (Span 1, Stride 1, PadTop 0).
/// </summary>
public readonly record struct RowReach(int Span, int Stride, int PadTop)
{
    /// <summary>Row r of the output reads row r of the input.</summary>
    public static readonly RowReach SameRow = new(1, 1, 0);

    /// <summary>
    /// The input rows [Low, High) that output rows [<paramref name="first"/>, <paramref name="first"/> +
    /// <paramref name="count"/>) read, clipped to an input of <paramref name="height"/> rows (may be empty).
    /// </summary>
    public (int Low, int High) InputRows(int first, int count, int height)
    {
        long low = (long)first * Stride - PadTop;
        long high = (long)(first + count - 1) * Stride - PadTop + Span;
        return ((int)Math.Clamp(low, 0, height), (int)Math.Clamp(high, 0, height));
    }

    /// <summary>
    /// Rows of padding above a band whose input starts at the clipped row <paramref name="low"/>: the kernel sees
    /// its first window start that many rows above its first input row.
    /// </summary>
    public int BandPadTop(int first, int low) => low - (first * Stride - PadTop);
}
