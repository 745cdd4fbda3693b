using TinyLite.Runtime.Kernels.Conv;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// The CMSIS-NN scratch sizes of <see cref="CmsisNnScratchCheck"/> (the compiler reserves them, both loaders demand
/// them) on each branch of CMSIS-NN v7's buffer-size functions, worked out by hand. Tests/Native/CmsisNnScratchTests
/// covers compiled models and the loaders' verdicts; this covers the shapes a small model rarely reaches.
/// </summary>
public class CmsisNnScratchSizeTests
{
    private static int[] Conv(int inC, int fH, int fW, int fC, int outC, int stride = 1, int dilation = 1, int pad = 0) =>
        KernelParams.Conv(batches: 1, inputHeight: 8, inputWidth: 8, inputDepth: inC, filterHeight: fH, filterWidth: fW,
            filterDepth: fC, outputHeight: 8, outputWidth: 8, outputDepth: outC, strideHeight: stride, strideWidth: stride,
            dilationHeight: dilation, dilationWidth: dilation, paddingTop: pad, paddingLeft: pad, inputOffset: 0,
            outputOffset: 0, activationMin: -128, activationMax: 127);

    private static int[] Depthwise(int inC, int fH, int fW, int multiplier, int batches = 1, int dilation = 1, int pad = 0) =>
        KernelParams.DepthwiseConv(batches: batches, inputHeight: 8, inputWidth: 8, inputDepth: inC, filterHeight: fH,
            filterWidth: fW, depthMultiplier: multiplier, outputHeight: 8, outputWidth: 8, outputDepth: inC * multiplier,
            strideHeight: 1, strideWidth: 1, dilationHeight: dilation, dilationWidth: dilation, paddingTop: pad,
            paddingLeft: pad, inputOffset: 0, outputOffset: 0, activationMin: -128, activationMax: 127);

    public static TheoryData<string, long, long> Sizes() => new()
    {
        // int8 CONV_2D: 12 * out_c, then 4 * in_c at unit stride for 1x1 over the whole depth, else 4 * align4(taps).
        { "conv s8 1x1 unit stride", CmsisNnScratchCheck.ConvS8Bytes(Conv(6, 1, 1, 6, 6)), 72 + 24 },
        { "conv s8 1x1 stride 2", CmsisNnScratchCheck.ConvS8Bytes(Conv(6, 1, 1, 6, 6, stride: 2)), 72 },
        { "conv s8 1x1 grouped", CmsisNnScratchCheck.ConvS8Bytes(Conv(6, 1, 1, 3, 6)), 72 + 4 * 8 },
        { "conv s8 1x1 padded", CmsisNnScratchCheck.ConvS8Bytes(Conv(6, 1, 1, 6, 6, pad: 1)), 72 + 4 * 8 },
        { "conv s8 1x1 dilated", CmsisNnScratchCheck.ConvS8Bytes(Conv(6, 1, 1, 6, 6, dilation: 2)), 72 + 4 * 8 },
        { "conv s8 3x3", CmsisNnScratchCheck.ConvS8Bytes(Conv(3, 3, 3, 3, 4, pad: 1)), 48 + 4 * 28 },
        // int4 weights: no buffer for 1x1 over the whole depth, else 4 * taps (no rounding).
        { "conv s4 1x1", CmsisNnScratchCheck.ConvS4Bytes(Conv(6, 1, 1, 6, 6, stride: 2)), 72 },
        { "conv s4 1x1 grouped", CmsisNnScratchCheck.ConvS4Bytes(Conv(6, 1, 1, 3, 6)), 72 + 4 * 6 },
        { "conv s4 3x3", CmsisNnScratchCheck.ConvS4Bytes(Conv(3, 3, 3, 3, 4, pad: 1)), 48 + 4 * 27 },
        // int16: the im2col buffer only.
        { "conv s16 3x3", CmsisNnScratchCheck.ConvS16Bytes(Conv(5, 3, 3, 5, 7)), 4 * 45 },
        // int8 DEPTHWISE_CONV_2D: 12 * out_c + align4(taps * out_c), then 2 * in_c * taps for the optimised kernel
        // (one batch, multiplier 1, no dilation) unless 3x3 with padding <= 1.
        { "depthwise s8 5x5", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(4, 5, 5, 1, pad: 2)), 48 + 100 + 200 },
        { "depthwise s8 5x5 two batches", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(4, 5, 5, 1, batches: 2, pad: 2)), 48 + 100 },
        { "depthwise s8 3x3 padding 2", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(4, 3, 3, 1, pad: 2)), 48 + 36 + 72 },
        { "depthwise s8 3x3 padding 1", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(4, 3, 3, 1, pad: 1)), 48 + 36 },
        { "depthwise s8 3x3 dilated", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(4, 3, 3, 1, dilation: 2, pad: 2)), 48 + 36 },
        { "depthwise s8 multiplier 2", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(2, 5, 5, 2)), 48 + 100 },
        { "depthwise s8 filter rounded", CmsisNnScratchCheck.DepthwiseS8Bytes(Depthwise(3, 3, 3, 1, pad: 1)), 36 + 28 },
        // int4 weights: 12 * out_c, then 2 * in_c * taps for arm_depthwise_conv_s4_opt (no 3x3 exception).
        { "depthwise s4 3x3", CmsisNnScratchCheck.DepthwiseS4Bytes(Depthwise(4, 3, 3, 1, pad: 1)), 48 + 72 },
        { "depthwise s4 two batches", CmsisNnScratchCheck.DepthwiseS4Bytes(Depthwise(4, 3, 3, 1, batches: 2)), 48 },
        { "depthwise s4 dilated", CmsisNnScratchCheck.DepthwiseS4Bytes(Depthwise(4, 3, 3, 1, dilation: 2)), 48 },
        // int16: align4(taps * out_c), then 2 * in_c * taps when the fast kernel runs (multiplier 1, no dilation,
        // fewer than 512 taps).
        { "depthwise s16 3x3", CmsisNnScratchCheck.DepthwiseS16Bytes(Depthwise(4, 3, 3, 1)), 36 + 72 },
        { "depthwise s16 3x3 three channels", CmsisNnScratchCheck.DepthwiseS16Bytes(Depthwise(3, 3, 3, 1)), 28 + 54 },
        { "depthwise s16 511 taps", CmsisNnScratchCheck.DepthwiseS16Bytes(Depthwise(4, 1, 511, 1)), 2044 + 4088 },
        { "depthwise s16 512 taps", CmsisNnScratchCheck.DepthwiseS16Bytes(Depthwise(4, 16, 32, 1)), 2048 },
        { "depthwise s16 multiplier 2", CmsisNnScratchCheck.DepthwiseS16Bytes(Depthwise(2, 3, 3, 2)), 36 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Bytes_EachBufferBranch_MatchesHandWorkedSize(string shape, long actual, long expected)
    {
        Assert.Equal((shape, expected), (shape, actual));
    }
}
