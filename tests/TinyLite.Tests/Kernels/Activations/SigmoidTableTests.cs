namespace TinyLite.Tests.Kernels.Activations;

/// <summary>The generated sigmoid table against entries quoted from TFLM's sigmoid_table_uint16 (common.h).</summary>
public class SigmoidTableTests
{
    [Theory]
    // Entries where plain rounding of 65536 * sigmoid(i/24) would be one lower (4, 8, 16) or equal (0, 100), and the pinned end.
    [InlineData(0, 32768)]
    [InlineData(4, 35493)]
    [InlineData(8, 38180)]
    [InlineData(16, 43304)]
    [InlineData(100, 64536)]
    [InlineData(255, 65535)]
    public void Values_MatchTflmEntries(int index, int entry)
    {
        Assert.Equal(entry, Codegen.Lowering.Dense.SigmoidTable.Values()[index]);
    }
}
