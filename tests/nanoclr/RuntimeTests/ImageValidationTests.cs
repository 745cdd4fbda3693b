using nanoFramework.TestFramework;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;

namespace TinyLite.DeviceTests
{
    /// <summary>The loader refuses what is not a whole, intact image, with a message that says why.</summary>
    [TestClass]
    public class ImageValidationTests
    {
        [TestMethod]
        public void NoImage_IsRefused()
        {
            ImageException e = (ImageException)Assert.ThrowsException(typeof(ImageException), delegate { new Interpreter(null); });
            Assert.Contains("no image", e.Message);
        }

        [TestMethod]
        public void BytesWithoutTheMagic_AreRefused()
        {
            ImageException e = (ImageException)Assert.ThrowsException(typeof(ImageException), delegate { new Interpreter(new byte[256]); });
            Assert.Contains("bad magic", e.Message);
        }

        [TestMethod]
        public void TooShortForAHeader_IsRefused()
        {
            Assert.ThrowsException(typeof(ImageException), delegate { new Interpreter(new byte[3]); });
        }
    }
}
