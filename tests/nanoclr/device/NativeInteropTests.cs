using System;
using nanoFramework.TestFramework;
using TinyLite.Runtime.Native;

namespace TinyLite.DeviceTests
{
    /// <summary>The interop call itself on a nanoCLR whose firmware has TinyLite's native part.</summary>
    [TestClass]
    public class NativeInteropTests
    {
        private const int Calls = 20000;

        [TestMethod]
        public void RefusedCall_ReturnsTheArgumentStatus_AndItsCostIsPrinted()
        {
            if (!NativeKernels.IsAvailable)
            {
                Assert.SkipTest(NativeKernels.UnavailableReason);
            }
            byte[] message = new byte[NativeKernels.MessageBytes];
            // An image length past the (null) image array: the glue refuses it before any kernel code runs, so the
            // time is that of one InternalCall with six arguments and their checks.
            Assert.AreEqual(NativeKernels.StatusArgument, NativeKernels.Invoke(null, 1, null, 0, message, message.Length));
            Assert.Contains("image", NativeKernels.MessageText(message));

            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Calls; i++)
            {
                NativeKernels.Invoke(null, 1, null, 0, message, message.Length);
            }
            long calls = DateTime.UtcNow.Ticks - start;
            start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Calls; i++)
            {
                Empty(null, 1, null, 0, message, message.Length);
            }
            long managed = DateTime.UtcNow.Ticks - start;
            Console.WriteLine("TIME interop call " + (calls * 100 / Calls).ToString() + " ns, an empty managed static call with the same arguments "
                + (managed * 100 / Calls).ToString() + " ns");
        }

        private static int Empty(byte[] image, int imageBytes, byte[] arena, int arenaBytes, byte[] message, int messageBytes)
        {
            return imageBytes;
        }
    }
}
