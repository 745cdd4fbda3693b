using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Float;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// The conv and depthwise_conv layouts of codegen/manifest/kernels.toml must agree wherever shared code reads both
/// through one set of names (ConvChecks.RawBias, InPlaceChecks, CmsisNnScratchCheck.Validate, the native decoders,
/// the streaming planner's window): every Params index but the depth multiplier's, which takes the filter depth's
/// place, and every tensor slot. The native build checks the same at compile time (tl_conv_record_checks.c). The
/// conv_f32 and depthwise_conv_f32 layouts agree the same way (FloatChecks.Conv and tl_fl_conv_validate read both
/// through the conv_f32 names; checked at compile time in tl_float_checks.c).
/// </summary>
public class ConvLayoutAgreementTests
{
    [Theory]
    [InlineData(typeof(ConvParams), typeof(DepthwiseConvParams))]
    [InlineData(typeof(ConvF32Params), typeof(DepthwiseConvF32Params))]
    public void DepthwiseParams_SameIndexesAsConvButDepthMultiplier(Type convLayout, Type depthwiseLayout)
    {
        var conv = LayoutConstants.Of(convLayout);
        var depthwise = LayoutConstants.Of(depthwiseLayout);
        Assert.Equal(conv["FilterDepth"], depthwise["DepthMultiplier"]);
        conv.Remove("FilterDepth");
        depthwise.Remove("DepthMultiplier");
        Assert.Equal(conv.OrderBy(e => e.Key), depthwise.OrderBy(e => e.Key));
    }

    [Fact]
    public void DepthwiseF32Slots_SameAsConvF32()
    {
        Assert.Equal(LayoutConstants.Sorted(typeof(ConvF32Slots)), LayoutConstants.Sorted(typeof(DepthwiseConvF32Slots)));
    }

    [Fact]
    public void DepthwiseSlots_SameAsConvPlusTfliteFilter()
    {
        var conv = LayoutConstants.Of(typeof(ConvSlots));
        var depthwise = LayoutConstants.Of(typeof(DepthwiseConvSlots));
        Assert.True(depthwise.Remove("InTfliteFilter"));
        Assert.Equal(conv.OrderBy(e => e.Key), depthwise.OrderBy(e => e.Key));
    }

    [Theory]
    [InlineData(typeof(ConvParams))]
    [InlineData(typeof(DepthwiseConvParams))]
    [InlineData(typeof(TransposeConvParams))]
    public void ConvChecksWalkers_FindTheirIndexes(Type layout)
    {
        // ConvChecks.Activations and Reaches read batches and the input height through ConvParams' names, and each
        // width (and depth) at the index after its height.
        var p = LayoutConstants.Of(layout);
        Assert.Equal(ConvParams.Batches, p["Batches"]);
        Assert.Equal(ConvParams.InputHeight, p["InputHeight"]);
        foreach (string axis in new[] { "Input", "Output", "Stride", "Filter", "Dilation" })
        {
            if (!p.ContainsKey(axis + "Height")) continue;
            Assert.Equal(p[axis + "Height"] + 1, p[axis + "Width"]);
        }
        Assert.Equal(p["InputHeight"] + 2, p["InputDepth"]);
        Assert.Equal(p["OutputHeight"] + 2, p["OutputDepth"]);
    }

    [Fact]
    public void DepthwiseS4InPlaceSlots_SameAsS8InPlace()
    {
        // DepthwiseConvS4InPlace runs through DepthwiseConvS8InPlace.Compute, which reads the int8 kernel's slot names.
        Assert.Equal(LayoutConstants.Sorted(typeof(DepthwiseConvS8InPlaceSlots)), LayoutConstants.Sorted(typeof(DepthwiseConvS4InPlaceSlots)));
    }

    [Fact]
    public void Int16CmsisNnArrays_InTheRawBiasSlot()
    {
        // ConvChecks.Conv2D / Depthwise check the optional fifth input as raw bias (int8) or split arrays (int16).
        Assert.Equal(ConvSlots.InRawBias, ConvS16Slots.InCmsisMultipliers);
        Assert.Equal(ConvSlots.InRawBias, DepthwiseConvS16Slots.InCmsisMultipliers);
    }
}
