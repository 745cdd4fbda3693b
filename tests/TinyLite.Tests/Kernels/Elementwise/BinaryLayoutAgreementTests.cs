using TinyLite.Runtime.Kernels.Elementwise;

namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>
/// BinaryOperands and the shared binary loops (IntegerBinary, FloatBinary) read the tensors of every binary layout
/// of codegen/manifest/kernels.toml through BinarySlots, and FloatBinary reads the activation range of a
/// binary_clamped record: the slots of add_sub, mul and binary_clamped must be binary's, index for index.
/// </summary>
public class BinaryLayoutAgreementTests
{
    [Theory]
    [InlineData(typeof(AddSubSlots))]
    [InlineData(typeof(MulSlots))]
    [InlineData(typeof(BinaryClampedSlots))]
    public void BinarySlots_SameAsEveryBinaryLayout(Type slots)
    {
        Assert.Equal(LayoutConstants.Sorted(typeof(BinarySlots)), LayoutConstants.Sorted(slots));
    }
}
