namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// Scratch the optional CMSIS-NN backend of the native kernels (native-kernels/src/cmsis_nn/) needs for an int8
/// CONV_2D (and DEPTHWISE_CONV_2D, AVERAGE_POOL_2D: see their methods), reserved by the compiler in the arena plan so that no kernel ever allocates. The reference kernels
/// ignore it. Layout (bytes, 4-aligned by the planner):
/// [0, 4·outC) multipliers int32, [4·outC, 8·outC) shifts int32 (CMSIS-NN wants two arrays; the image interleaves
/// them), [8·outC, 12·outC) unfolded bias int32 (bias without the folded input-offset term, for convolutions with
/// padding taps), then the buffer of <c>arm_convolve_wrapper_s8</c>.
/// </summary>
/// <remarks>
/// <see cref="WrapperBytes"/> replicates <c>arm_convolve_wrapper_s8_get_buffer_size</c> of CMSIS-NN (v7, its
/// Source/ConvolutionFunctions/arm_convolve_get_buffer_sizes_s8.c) for the portable and the DSP (Cortex-M4/M7)
/// builds, taking the larger where they differ: 1×1 kernels without padding or dilation over the whole input depth
/// need 2·inC int16 at unit stride (Arm Compiler builds; 0 with GCC) and nothing otherwise; every other shape
/// (including 1×N) needs the im2col buffer of two columns, 2·align4(fH·fW·inC) int16. The MVE (Cortex-M55)
/// formula is different and not covered. The native adapter checks at load time that the reserved size is at
/// least what the linked CMSIS-NN asks for.
/// </remarks>
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

    /// <summary>Bytes of arm_convolve_wrapper_s8's buffer (see the remarks).</summary>
    public static long WrapperBytes(int inC, int fH, int fW, int fC, int strideH, int strideW, int dilationH,
        int dilationW, int padTop, int padLeft)
    {
        bool oneByOne = padTop == 0 && padLeft == 0 && fH == 1 && fW == 1 && dilationH == 1 && dilationW == 1 && inC == fC;
        if (oneByOne)
            return strideH == 1 && strideW == 1 ? 2L * inC * sizeof(short) : 0;
        long columns = (long)fH * fW * inC;
        long aligned = (columns + 3) / 4 * 4;
        return 2 * aligned * sizeof(short);
    }

    /// <summary>Whole scratch of one int8 CONV_2D: three int32 arrays of outC entries, then the wrapper's buffer.</summary>
    public static long ConvS8Bytes(int outC, int inC, int fH, int fW, int fC, int strideH, int strideW, int dilationH,
        int dilationW, int padTop, int padLeft) =>
        12L * outC + WrapperBytes(inC, fH, fW, fC, strideH, strideW, dilationH, dilationW, padTop, padLeft);

    /// <summary>
    /// Bytes of arm_convolve_wrapper_s4's buffer (CMSIS-NN v7, arm_convolve_get_buffer_sizes_s4.c) for the portable
    /// and DSP builds: none for 1×1 kernels without padding or dilation over the whole input depth, otherwise the
    /// im2col buffer of two columns, 2·fH·fW·inC int16.
    /// </summary>
    public static long WrapperS4Bytes(int inC, int fH, int fW, int fC, int dilationH, int dilationW, int padTop, int padLeft)
    {
        bool oneByOne = padTop == 0 && padLeft == 0 && fH == 1 && fW == 1 && dilationH == 1 && dilationW == 1 && inC == fC;
        return oneByOne ? 0 : 2L * fH * fW * inC * sizeof(short);
    }

    /// <summary>Whole scratch of one CONV_2D with int4 weights: three int32 arrays of outC entries, then the s4 wrapper's buffer.</summary>
    public static long ConvS4Bytes(int outC, int inC, int fH, int fW, int fC, int dilationH, int dilationW, int padTop, int padLeft) =>
        12L * outC + WrapperS4Bytes(inC, fH, fW, fC, dilationH, dilationW, padTop, padLeft);

    /// <summary>
    /// Bytes of arm_depthwise_conv_wrapper_s8's buffer (CMSIS-NN v7, arm_depthwise_conv_get_buffer_sizes_s8.c),
    /// the larger of the portable and DSP builds: single batch, multiplier 1 and no dilation take the optimised
    /// kernel, which needs inC·fH·fW int16 on DSP unless the filter is 3×3 with padding ≤ 1 (its own kernel, no
    /// buffer); every other shape needs none.
    /// </summary>
    public static long DepthwiseWrapperBytes(int batches, int inC, int outC, int fH, int fW, int dilationH,
        int dilationW, int padTop, int padLeft)
    {
        if (inC != outC || batches != 1 || dilationH != 1 || dilationW != 1)
            return 0;
        if (fH == 3 && fW == 3 && padTop <= 1 && padLeft <= 1)
            return 0;
        return (long)inC * fW * fH * sizeof(short);
    }

    /// <summary>
    /// Whole scratch of one int8 DEPTHWISE_CONV_2D: three int32 arrays of outC entries (as for CONV_2D), the filter
    /// back in TFLite's [fH, fW, outC] order (the image stores it channel-major for the reference kernel; CMSIS-NN
    /// reads the TFLite order) rounded up to 4 bytes, then the wrapper's buffer.
    /// </summary>
    public static long DepthwiseS8Bytes(int batches, int inC, int outC, int fH, int fW, int dilationH, int dilationW,
        int padTop, int padLeft) =>
        12L * outC + ((long)fH * fW * outC + 3) / 4 * 4 +
        DepthwiseWrapperBytes(batches, inC, outC, fH, fW, dilationH, dilationW, padTop, padLeft);

    /// <summary>
    /// Bytes of arm_depthwise_conv_wrapper_s4's buffer (CMSIS-NN v7, arm_depthwise_conv_get_buffer_sizes_s4.c, the
    /// same on portable and DSP builds): single batch, multiplier 1 and no dilation take arm_depthwise_conv_s4_opt,
    /// whose im2col buffer is inC·fH·fW int16; every other shape needs none.
    /// </summary>
    public static long DepthwiseWrapperS4Bytes(int batches, int inC, int outC, int fH, int fW, int dilationH, int dilationW) =>
        inC == outC && batches == 1 && dilationH == 1 && dilationW == 1 ? (long)inC * fH * fW * sizeof(short) : 0;

    /// <summary>
    /// Whole scratch of one DEPTHWISE_CONV_2D with int4 weights: three int32 arrays of outC entries (as for CONV_2D),
    /// then the s4 wrapper's buffer. The filter in TFLite's packed order is a constant (<see cref="TfliteOrderFilterName"/>),
    /// not rebuilt per call.
    /// </summary>
    public static long DepthwiseS4Bytes(int batches, int inC, int outC, int fH, int fW, int dilationH, int dilationW) =>
        12L * outC + DepthwiseWrapperS4Bytes(batches, inC, outC, fH, fW, dilationH, dilationW);

    /// <summary>
    /// Name of the constant holding an int4 depthwise filter in TFLite's packed [fH, fW, outC] order (element
    /// (fy·fW + fx)·outC + c, element 2i in the low nibble), the optional sixth input of DEPTHWISE_CONV_2D under
    /// --cmsis-nn: arm_depthwise_conv_wrapper_s4 reads that order, the image's own filter is channel-major.
    /// </summary>
    public static string TfliteOrderFilterName(string filterName) => filterName + "/cmsis_nn_tflite_order";

    /// <summary>
    /// Scratch of one int16 CONV_2D routed to CMSIS-NN (only records <see cref="CmsisNnInt16"/> proves exact get one):
    /// the im2col buffer of <c>arm_convolve_wrapper_s16</c> (CMSIS-NN v7, arm_convolve_get_buffer_sizes_s16.c) on
    /// portable and DSP builds, two columns of fH·fW·inC int16. The requantization arrays are a constant input
    /// (<see cref="CmsisNnInt16.Split"/>), so nothing else is needed.
    /// </summary>
    public static long ConvS16Bytes(int inC, int fH, int fW) => 2L * inC * fH * fW * sizeof(short);

    /// <summary>
    /// Scratch of one int16 DEPTHWISE_CONV_2D routed to CMSIS-NN: the filter back in TFLite's [fH, fW, outC] order
    /// rounded up to 4 bytes (as for int8), then the buffer of <c>arm_depthwise_conv_wrapper_s16</c> (CMSIS-NN v7,
    /// arm_depthwise_conv_get_buffer_sizes_s16.c): inC·fH·fW int16 on DSP builds when the fast kernel is taken
    /// (multiplier 1, no dilation, fH·fW &lt; 512), none otherwise and none on portable builds.
    /// </summary>
    public static long DepthwiseS16Bytes(int inC, int outC, int fH, int fW, int dilationH, int dilationW)
    {
        long filter = ((long)fH * fW * outC + 3) / 4 * 4;
        bool fast = inC == outC && dilationH == 1 && dilationW == 1 && (long)fH * fW < 512;
        return filter + (fast ? (long)inC * fH * fW * sizeof(short) : 0);
    }

    /// <summary>
    /// Scratch of one int8 or int16 AVERAGE_POOL_2D (Lowering/Dense/Pool2DLowering.cs): the buffer of
    /// <c>arm_avgpool_s8</c> / <c>arm_avgpool_s16</c> (CMSIS-NN v7, arm_avgpool_get_buffer_sizes_s8.c / _s16.c), one
    /// int32 sum per channel on DSP builds (none on portable and MVE builds).
    /// </summary>
    public static long AveragePoolBytes(int depth) => 4L * depth;
}
