using System;
using TinyLite.Runtime;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;
using TinyLite.Runtime.Native;

namespace TinyLite.Bench.NanoClr
{
    /// <summary>
    /// Measures, on nanoCLR, the managed heap an <see cref="Interpreter"/> keeps: with the image and the arena
    /// already allocated, nanoCLR's free heap (after a GC) before minus after <c>new Interpreter(image, arena)</c>.
    /// Each image is loaded twice (the first load also runs one-time static initialisers of the kernel classes it
    /// touches; the second is the steady figure) and, when asked, timed over a few <see cref="Interpreter.Invoke"/>
    /// calls (fastest of them, DateTime.UtcNow ticks). One line per image: "heap MODEL PLAN first=B steady=B
    /// report64=B report32=B ops=N ms=T" (the report's runtime_ram_bytes_posix64 and runtime_ram_bytes); the images and
    /// their report figures come from generated/Catalog.g.cs. A "size" line first gives the heap bytes of a few object
    /// shapes (each figure is the new object's size minus the previous one's, which it replaces).
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            ConvFamily.Register();
            DenseFamily.Register();
            ElementwiseFamily.Register();
            ShapeFamily.Register();
            if (NativeKernels.ManagedHeapFreeBytes() < 0)
            {
                Console.WriteLine("heap: this nanoCLR has no TinyLite interop (ManagedHeapFreeBytes is -1)");
                return;
            }
            Sizes();
            for (int i = 0; i < Catalog.Count; i++)
            {
                Measure(i);
            }
        }

        private static void Measure(int entry)
        {
            byte[] image = Catalog.Image(entry);
            byte[] arena = new byte[Catalog.ArenaBytes(entry)];
            int first = Load(image, arena, 0, out int ops);
            int steady = Load(image, arena, Catalog.TimedRuns(entry), out ops);
            string ms = "";
            if (Catalog.TimedRuns(entry) > 0)
            {
                long hundredths = (_bestTicks / 100) % 100;
                ms = " ms=" + (_bestTicks / 10000).ToString() + (hundredths < 10 ? ".0" : ".") + hundredths.ToString();
            }
            Console.WriteLine("heap " + Catalog.Name(entry) + " " + Catalog.Plan(entry) + " first=" + first.ToString()
                + " steady=" + steady.ToString() + " report64=" + Catalog.ReportPosix64(entry).ToString() + " report32=" + Catalog.ReportDevice32(entry).ToString()
                + " ops=" + ops.ToString() + ms);
        }

        private static long _bestTicks;

        private static object _keep;

        /// <summary>Heap bytes of a few object shapes on this nanoCLR (the facts the report's estimate is built on).</summary>
        private static void Sizes()
        {
            string line = "size";
            for (int n = 0; n <= 9; n++)
            {
                int before = NativeKernels.ManagedHeapFreeBytes();
                _keep = new int[n];
                int after = NativeKernels.ManagedHeapFreeBytes();
                line += " int[" + n.ToString() + "]=" + (before - after).ToString();
            }
            for (int n = 0; n <= 3; n++)
            {
                int before = NativeKernels.ManagedHeapFreeBytes();
                _keep = new int[n][];
                int after = NativeKernels.ManagedHeapFreeBytes();
                line += " int[" + n.ToString() + "][]=" + (before - after).ToString();
            }
            for (int n = 0; n <= 3; n++)
            {
                int before = NativeKernels.ManagedHeapFreeBytes();
                _keep = new byte[n * 4 + 1];
                int after = NativeKernels.ManagedHeapFreeBytes();
                line += " byte[" + (n * 4 + 1).ToString() + "]=" + (before - after).ToString();
            }
            int b0 = NativeKernels.ManagedHeapFreeBytes();
            _keep = new object();
            int a0 = NativeKernels.ManagedHeapFreeBytes();
            line += " object=" + (b0 - a0).ToString();
            b0 = NativeKernels.ManagedHeapFreeBytes();
            _keep = new TinyLite.Runtime.Execution.OpRecord();
            a0 = NativeKernels.ManagedHeapFreeBytes();
            line += " OpRecord(5 fields)=" + (b0 - a0).ToString();
            for (int n = 0; n <= 12; n += 3)
            {
                char[] chars = new char[n];
                for (int k = 0; k < n; k++)
                {
                    chars[k] = 'a';
                }
                b0 = NativeKernels.ManagedHeapFreeBytes();
                _keep = new string(chars);
                a0 = NativeKernels.ManagedHeapFreeBytes();
                line += " string(" + n.ToString() + ")=" + (b0 - a0).ToString();
            }
            _keep = null;
            Console.WriteLine(line);
        }

        /// <summary>Heap bytes one load keeps; then <paramref name="runs"/> timed Invoke calls (fastest in _bestTicks).</summary>
        private static int Load(byte[] image, byte[] arena, int runs, out int ops)
        {
            int before = NativeKernels.ManagedHeapFreeBytes();
            Interpreter interpreter = new Interpreter(image, arena);
            int after = NativeKernels.ManagedHeapFreeBytes();
            ops = interpreter.OperatorCount;
            _bestTicks = long.MaxValue;
            for (int r = 0; r < runs; r++)
            {
                long start = DateTime.UtcNow.Ticks;
                interpreter.Invoke();
                long ticks = DateTime.UtcNow.Ticks - start;
                if (ticks < _bestTicks)
                {
                    _bestTicks = ticks;
                }
            }
            if (runs > 0 && NativeKernels.ManagedHeapFreeBytes() != after)
            {
                Console.WriteLine("heap: Invoke allocated (free heap changed after the timed runs)");
            }
            return before - after;
        }
    }
}
