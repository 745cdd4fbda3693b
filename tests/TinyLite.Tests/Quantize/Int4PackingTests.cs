using TinyLite.Codegen.Quantize;

namespace TinyLite.Tests.Quantize;

/// <summary>TFLite's packed int4 layout, on hand-worked bytes.</summary>
public class Int4PackingTests
{
    [Fact]
    public void Pack_PutsEvenElementsInTheLowNibble()
    {
        // 1 | -1 -> 0xF1; 7 | -8 -> 0x87; a lone 3 -> 0x03.
        Assert.Equal(new byte[] { 0xF1, 0x87, 0x03 }, Int4Packing.Pack(new sbyte[] { 1, -1, 7, -8, 3 }));
    }

    [Fact]
    public void Unpack_SignExtendsEachNibble() =>
        Assert.Equal(new sbyte[] { 1, -1, 7, -8, 3 }, Int4Packing.Unpack([0xF1, 0x87, 0x03], 5));

    [Theory]
    [InlineData(8)]
    [InlineData(-9)]
    public void Pack_ValueOutsideInt4_Throws(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Int4Packing.Pack(new[] { (sbyte)0, (sbyte)value }));
}
