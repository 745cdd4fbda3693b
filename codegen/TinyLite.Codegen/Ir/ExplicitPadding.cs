namespace TinyLite.Codegen.Ir;

/// <summary>
/// Rows and columns of padding a window layer (convolution, depthwise convolution, pooling) applies around its input,
/// given explicitly instead of by TFLite's SAME or VALID. The compiler sets it when it folds an explicit PAD into the
/// layer (<see cref="Passes.PadFolding"/>); TFLite files never carry it. The output size is
/// (input + Top + Bottom - effective filter) / stride + 1; the kernels read only Top and Left.
/// </summary>
public sealed record ExplicitPadding(int Top, int Bottom, int Left, int Right)
{
    /// <summary>The padding of both records added side by side.</summary>
    public ExplicitPadding Plus(ExplicitPadding other) =>
        new(Top + other.Top, Bottom + other.Bottom, Left + other.Left, Right + other.Right);

    /// <summary>The output size along one axis of <paramref name="input"/> elements padded by <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static long OutSize(int input, int before, int after, int filter, int stride, int dilation)
        => ((long)input + before + after - ((long)filter - 1) * dilation - 1) / stride + 1;
}
