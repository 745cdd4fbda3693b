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
        /// <c>TIME label kernels microseconds MAC/s</c> for the benchmark tables. Where the firmware can tell the
        /// free managed heap (<see cref="NativeKernels.ManagedHeapFreeBytes"/>), the managed run also measures the
        /// heap <c>new Interpreter(image, arena)</c> keeps besides the image and the arena, prints
        /// <c>HEAP label measured M report R</c> and fails when M is more than 10% away from R: the compiler's
        /// <c>runtime_ram_bytes</c> (<paramref name="runtimeRamBytes32"/>) on a heap of 12-byte blocks,
        /// <c>runtime_ram_bytes_posix64</c> (<paramref name="runtimeRamBytes64"/>) on the 24-byte blocks of a 64-bit nanoCLR.
        /// </summary>
        public static void Check(string label, byte[] image, byte[][] inputs, byte[][] goldens, long macs, int arenaBytes,
            int runtimeRamBytes32, int runtimeRamBytes64, bool native)
        {
            if (native && !NativeKernels.IsAvailable)
            {
                Assert.SkipTest(NativeKernels.UnavailableReason);
            }
            byte[] arena = new byte[arenaBytes];
            Interpreter interpreter = null;
            int kept = native ? -1 : HeapKept(image, arena, out interpreter);
            if (interpreter == null)
            {
                interpreter = new Interpreter(image, arena);
            }
            if (kept >= 0)
            {
                int report = HeapBlockBytes() >= 24 ? runtimeRamBytes64 : runtimeRamBytes32;
                Console.WriteLine("HEAP " + label + " measured " + kept.ToString() + " report " + report.ToString());
                int allowed = report / 10;
                Assert.IsTrue(kept >= report - allowed && kept <= report + allowed,
                    label + ": interpreter heap " + kept.ToString() + " B is not within 10% of the report's " + report.ToString() + " B");
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

        /// <summary>
        /// Heap bytes an interpreter over <paramref name="image"/> keeps, or -1 when the firmware cannot tell. The image
        /// is loaded twice, each load in its own call, and the second load measured: the first can pay one-time static
        /// initialisers of the classes it touches, and the GC during it can free what the previous test left (it read
        /// up to 1.6 KB low on micro_speech), neither of which is the interpreter's.
        /// </summary>
        private static int HeapKept(byte[] image, byte[] arena, out Interpreter interpreter)
        {
            interpreter = null;
            int first = LoadOnce(image, arena, out _dropped);
            _dropped = null;
            if (first < 0)
            {
                return -1;
            }
            return LoadOnce(image, arena, out interpreter);
        }

        private static Interpreter _dropped;

        /// <summary>Free heap before minus after one <c>new Interpreter(image, arena)</c> (GC first each time), or -1.</summary>
        private static int LoadOnce(byte[] image, byte[] arena, out Interpreter interpreter)
        {
            int freeBefore = NativeKernels.ManagedHeapFreeBytes();
            interpreter = new Interpreter(image, arena);
            if (freeBefore < 0)
            {
                return -1;
            }
            return freeBefore - NativeKernels.ManagedHeapFreeBytes();
        }

        private static object _probe;

        /// <summary>Heap bytes of one plain object: 12 on a 32-bit nanoCLR, 24 on a 64-bit one.</summary>
        private static int HeapBlockBytes()
        {
            int before = NativeKernels.ManagedHeapFreeBytes();
            _probe = new object();
            int size = before - NativeKernels.ManagedHeapFreeBytes();
            _probe = null;
            return size;
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
