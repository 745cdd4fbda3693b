using System;
using TinyLite.Runtime;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Native;

namespace TinyLite.NanoClr.NativeSmoke
{
    /// <summary>
    /// Runs hello_world_int8 (ModelImage.g.cs) on nanoCLR with the managed kernels and with the firmware's native
    /// kernels on the same input, prints both outputs, their agreement, the mean time per inference of each and the
    /// managed heap's free bytes (NativeKernels.ManagedHeapFreeBytes). Exit line: "SMOKE PASS" or "SMOKE FAIL ...".
    /// </summary>
    public static class Program
    {
        private const int Runs = 200;

        public static void Main()
        {
            DenseFamily.Register();
            Console.WriteLine("NativeKernels.IsAvailable: " + (NativeKernels.IsAvailable ? "true" : "false"));
            if (!NativeKernels.IsAvailable)
            {
                Console.WriteLine("SMOKE FAIL " + NativeKernels.UnavailableReason);
                return;
            }
            Console.WriteLine("ManagedHeapFreeBytes before load: " + NativeKernels.ManagedHeapFreeBytes().ToString());

            byte[] input = new byte[] { 0x5A }; // one int8 x value; the host (./tinylite run) gives 0xA2 for it
            Interpreter managed = new Interpreter(ModelImage.Bytes);
            Interpreter native = new Interpreter(ModelImage.Bytes);
            native.UseNativeKernels();
            Console.WriteLine("ManagedHeapFreeBytes after load: " + NativeKernels.ManagedHeapFreeBytes().ToString());

            long managedTicks = Time(managed, input);
            long nativeTicks = Time(native, input);
            byte[] a = managed.GetOutput(0);
            byte[] b = native.GetOutput(0);
            Console.WriteLine("managed output: " + Hex(a) + ", " + (managedTicks / Runs / 10).ToString() + " us per inference");
            Console.WriteLine("native output:  " + Hex(b) + ", " + (nativeTicks / Runs / 10).ToString() + " us per inference");
            Console.WriteLine("ManagedHeapFreeBytes after runs: " + NativeKernels.ManagedHeapFreeBytes().ToString());
            bool same = a.Length == b.Length;
            for (int i = 0; same && i < a.Length; i++)
            {
                same = a[i] == b[i];
            }
            Console.WriteLine(same ? "SMOKE PASS" : "SMOKE FAIL native and managed outputs differ");
        }

        /// <summary>
        /// Runs <see cref="Runs"/> inferences, each on a fresh copy of <paramref name="input"/> (the memory plan lets
        /// later tensors reuse the input's arena bytes); returns the elapsed 100-ns ticks.
        /// </summary>
        private static long Time(Interpreter interpreter, byte[] input)
        {
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Runs; i++)
            {
                interpreter.SetInput(0, input);
                interpreter.Invoke();
            }
            return DateTime.UtcNow.Ticks - start;
        }

        private static string Hex(byte[] data)
        {
            string text = "";
            for (int i = 0; i < data.Length; i++)
            {
                text += data[i].ToString("X2");
            }
            return text;
        }
    }
}
