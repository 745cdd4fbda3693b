using nanoFramework.TestFramework;
using TinyLite.Runtime.Image;

namespace TinyLite.DeviceTests
{
    /// <summary>The image checksum: CRC-32 (IEEE 802.3, reflected), as zlib computes it.</summary>
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void Compute_MatchesTheStandardCheckValue()
        {
            byte[] text = new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(text, 0, text.Length));
        }

        [TestMethod]
        public void Compute_CoversOnlyTheGivenRange()
        {
            byte[] framed = new byte[] { 0xFF, (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0xEE };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(framed, 1, 9));
            Assert.AreEqual(0u, Crc32.Compute(framed, 5, 0));
        }
    }
}
