namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// What the compiler adds under <c>--cmsis-nn</c> for the optional CMSIS-NN backend of the native kernels
/// (native-kernels/src/cmsis_nn/) beside the scratch sizes: the raw bias of convolutions with padding taps, the names of
/// the constants it adds, and the scratch of AVERAGE_POOL_2D. The reference kernels ignore all of it. The scratch of
/// CONV_2D / DEPTHWISE_CONV_2D is reserved with the runtime's own formulas,
/// <see cref="TinyLite.Runtime.Kernels.Conv.CmsisNnScratchCheck"/> (its byte methods on the record's Params, layout
/// and provenance documented there), so that the compiler reserves exactly what both loaders demand; the scratch is
/// 4-aligned by the planner.
/// </summary>
internal static class CmsisNnScratch
{
    /// <summary>
    /// True when some tap of some output pixel falls in the padding (top/left padding, or a last window that ends
    /// past the input). CMSIS-NN then needs the raw bias (without the folded input-offset term) and the true
    /// input offset, so the compiler adds it as an optional fifth input of CONV_2D / DEPTHWISE_CONV_2D
    /// (<see cref="RawBiasName"/>); without padding taps the folded bias serves CMSIS-NN as it is.
    /// </summary>
    public static bool HasPaddingTaps(int inH, int inW, int fH, int fW, int strideH, int strideW, int dilationH,
        int dilationW, int outH, int outW, int padTop, int padLeft)
    {
        long lastY = (long)(outH - 1) * strideH + (long)(fH - 1) * dilationH;
        long lastX = (long)(outW - 1) * strideW + (long)(fW - 1) * dilationW;
        return padTop != 0 || padLeft != 0 || lastY >= inH || lastX >= inW;
    }

    /// <summary>Name of the raw-bias constant (int32 [outC]) added for a filter with padding taps under --cmsis-nn.</summary>
    public static string RawBiasName(string filterName) => filterName + "/cmsis_nn_raw_bias";

    /// <summary>
    /// Name of the constant holding an int4 depthwise filter in TFLite's packed [fH, fW, outC] order (element
    /// (fy·fW + fx)·outC + c, element 2i in the low nibble), the optional sixth input of DEPTHWISE_CONV_2D under
    /// --cmsis-nn: arm_depthwise_conv_wrapper_s4 reads that order, the image's own filter is channel-major.
    /// </summary>
    public static string TfliteOrderFilterName(string filterName) => filterName + "/cmsis_nn_tflite_order";

    /// <summary>
    /// Scratch of one int8 or int16 AVERAGE_POOL_2D (Lowering/Dense/Pool2DLowering.cs): the buffer of
    /// <c>arm_avgpool_s8</c> / <c>arm_avgpool_s16</c> (CMSIS-NN v7, arm_avgpool_get_buffer_sizes_s8.c / _s16.c), one
    /// int32 sum per channel on DSP builds (none on portable and MVE builds).
    /// </summary>
    public static long AveragePoolBytes(int depth) => 4L * depth;
}
