using System;
using nanoFramework.TestFramework;
using TinyLite.Runtime;
using TinyLite.Runtime.Native;

namespace TinyLite.DeviceTests
{
    /// <summary>
    /// One golden case on the device: a fresh interpreter over the image, the case's inputs, one Invoke with the
    /// managed or the native kernels, every output compared byte for byte with TFLM's; prints the time it took.
    /// </summary>
    public static class GoldenRun
    {
        /// <summary>
        /// Runs the case and fails on the first output byte that differs from <paramref name="goldens"/>. Prints
        /// <c>TIME label kernels microseconds MAC/s</c> for the benchmark tables and, where the firmware can tell the
        /// free managed heap (<see cref="NativeKernels.ManagedHeapFreeBytes"/>), <c>HEAP label measured report</c>:
        /// the heap <c>new Interpreter(image, arena)</c> takes besides the image and the arena, against the
        /// compiler's <c>runtime_ram_bytes</c>.
        /// </summary>
        public static void Check(string label, byte[] image, byte[][] inputs, byte[][] goldens, long macs, int arenaBytes,
            int runtimeRamBytes, bool native)
        {
            if (native && !NativeKernels.IsAvailable)
            {
                Assert.SkipTest(NativeKernels.UnavailableReason);
            }
            byte[] arena = new byte[arenaBytes];
            int freeBefore = NativeKernels.ManagedHeapFreeBytes();
            Interpreter interpreter = new Interpreter(image, arena);
            int freeAfter = NativeKernels.ManagedHeapFreeBytes();
            if (!native && freeBefore >= 0 && freeAfter >= 0)
            {
                Console.WriteLine("HEAP " + label + " measured " + (freeBefore - freeAfter).ToString() + " report " + runtimeRamBytes.ToString());
            }
            if (native)
            {
                interpreter.UseNativeKernels();
            }
            Assert.AreEqual(inputs.Length, interpreter.InputCount, "input count");
            Assert.AreEqual(goldens.Length, interpreter.OutputCount, "output count");
            for (int i = 0; i < inputs.Length; i++)
            {
                interpreter.SetInput(i, inputs[i]);
            }
            long start = DateTime.UtcNow.Ticks;
            interpreter.Invoke();
            long ticks = DateTime.UtcNow.Ticks - start;
            for (int o = 0; o < goldens.Length; o++)
            {
                Assert.AreEqual(goldens[o], interpreter.GetOutput(o), label + " output " + o.ToString());
            }
            long macsPerSecond = ticks > 0 ? macs * TimeSpan.TicksPerSecond / ticks : 0;
            Console.WriteLine("TIME " + label + " " + (native ? "native " : "managed ") + (ticks / 10).ToString() + " us " + macsPerSecond.ToString() + " MAC/s");
        }

        /// <summary>The blobs of <paramref name="parts"/> joined into one array (the data assemblies hold large blobs in pieces).</summary>
        public static byte[] Join(byte[][] parts)
        {
            int total = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                total += parts[i].Length;
            }
            byte[] joined = new byte[total];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                Array.Copy(parts[i], 0, joined, at, parts[i].Length);
                at += parts[i].Length;
            }
            return joined;
        }
    }
}
