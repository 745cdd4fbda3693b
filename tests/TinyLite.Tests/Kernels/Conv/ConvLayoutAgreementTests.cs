using System.Reflection;
using TinyLite.Runtime.Kernels.Conv;

namespace TinyLite.Tests.Kernels.Conv;

/// <summary>
/// The conv and depthwise_conv layouts of codegen/manifest/kernels.toml must agree wherever shared code reads both
/// through one set of names (ConvChecks.RawBias, InPlaceChecks, CmsisNnScratchCheck.Validate, the native decoders,
/// the streaming planner's window): every Params index but the depth multiplier's, which takes the filter depth's
/// place, and every tensor slot. The native build checks the same at compile time (tl_conv_record_checks.c).
/// </summary>
public class ConvLayoutAgreementTests
{
    private static Dictionary<string, int> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    [Fact]
    public void DepthwiseParams_SameIndexesAsConvButDepthMultiplier()
    {
        var conv = Constants(typeof(ConvParams));
        var depthwise = Constants(typeof(DepthwiseConvParams));
        Assert.Equal(conv["FilterDepth"], depthwise["DepthMultiplier"]);
        conv.Remove("FilterDepth");
        depthwise.Remove("DepthMultiplier");
        Assert.Equal(conv.OrderBy(e => e.Key), depthwise.OrderBy(e => e.Key));
    }

    [Fact]
    public void DepthwiseSlots_SameAsConvPlusTfliteFilter()
    {
        var conv = Constants(typeof(ConvSlots));
        var depthwise = Constants(typeof(DepthwiseConvSlots));
        Assert.True(depthwise.Remove("InTfliteFilter"));
        Assert.Equal(conv.OrderBy(e => e.Key), depthwise.OrderBy(e => e.Key));
    }

    [Fact]
    public void Int16CmsisNnArrays_InTheRawBiasSlot()
    {
        // ConvChecks.Conv2D / Depthwise check the optional fifth input as raw bias (int8) or split arrays (int16).
        Assert.Equal(ConvSlots.InRawBias, ConvS16Slots.InCmsisMultipliers);
        Assert.Equal(ConvSlots.InRawBias, DepthwiseConvS16Slots.InCmsisMultipliers);
    }
}
