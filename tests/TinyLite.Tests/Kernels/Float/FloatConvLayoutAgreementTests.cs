using System.Reflection;
using TinyLite.Runtime.Kernels.Float;

namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// The conv_f32 and depthwise_conv_f32 layouts of codegen/manifest/kernels.toml must agree wherever
/// FloatChecks.Conv (and its C twin tl_fl_conv_validate) reads a depthwise record through the conv names: every
/// Params index but the depth multiplier's, which takes the filter depth's place, and every tensor slot. The native
/// build checks the same at compile time (tl_float_checks.c).
/// </summary>
public class FloatConvLayoutAgreementTests
{
    private static Dictionary<string, int> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    [Fact]
    public void DepthwiseParams_SameIndexesAsConvButDepthMultiplier()
    {
        var conv = Constants(typeof(ConvF32Params));
        var depthwise = Constants(typeof(DepthwiseConvF32Params));
        Assert.Equal(conv["FilterDepth"], depthwise["DepthMultiplier"]);
        conv.Remove("FilterDepth");
        depthwise.Remove("DepthMultiplier");
        Assert.Equal(conv.OrderBy(e => e.Key), depthwise.OrderBy(e => e.Key));
    }

    [Fact]
    public void DepthwiseSlots_SameAsConv()
    {
        Assert.Equal(Constants(typeof(ConvF32Slots)).OrderBy(e => e.Key),
            Constants(typeof(DepthwiseConvF32Slots)).OrderBy(e => e.Key));
    }
}
