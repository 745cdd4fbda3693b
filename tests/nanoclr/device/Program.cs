using System;
using nanoFramework.TestFramework;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Recurrent;
using TinyLite.Runtime.Kernels.Float;
using TinyLite.Runtime.Kernels.Shape;

namespace TinyLite.DeviceTests
{
    /// <summary>
    /// Runs every test of this assembly on nanoCLR and prints one line per test, then the two result lines the
    /// nanoCLR lane reads: <c>nanoclr managed: N passed, N failed</c> (every test class except the ones whose name
    /// starts with "Native") and <c>nanoclr native: N passed, N failed</c> (those, which run the C kernels through
    /// the firmware's interop; a nanoCLR without it reports them as skipped).
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Console.WriteLine("TinyLite device tests on nanoCLR");
            int[] registration = RegistrationCheck.Run();
            ConvFamily.Register();
            DenseFamily.Register();
            ElementwiseFamily.Register();
            ShapeFamily.Register();
            RecurrentFamily.Register();
            FloatFamily.Register();

            Type[] classes = TestRunner.TestClasses(typeof(Program).Assembly);
            Type[] managed = Select(classes, false);
            Type[] native = Select(classes, true);
            int[] managedCounts = TestRunner.RunAll(managed);
            int[] nativeCounts = TestRunner.RunAll(native);
            for (int i = 0; i < 3; i++)
            {
                managedCounts[i] += registration[i];
            }
            Console.WriteLine("nanoclr managed: " + Counts(managedCounts));
            Console.WriteLine("nanoclr native: " + Counts(nativeCounts));
        }

        private static string Counts(int[] counts)
        {
            return counts[0].ToString() + " passed, " + counts[1].ToString() + " failed, " + counts[2].ToString() + " skipped";
        }

        private static Type[] Select(Type[] classes, bool native)
        {
            int count = 0;
            Type[] chosen = new Type[classes.Length];
            for (int i = 0; i < classes.Length; i++)
            {
                if (classes[i].Name.StartsWith("Native") == native)
                {
                    chosen[count++] = classes[i];
                }
            }
            Type[] result = new Type[count];
            Array.Copy(chosen, result, count);
            return result;
        }
    }
}
