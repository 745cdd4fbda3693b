using System;
using TinyLite.Runtime;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;
using TinyLite.Runtime.Native;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>
    /// Loads a compiled TinyLite image (.tlm), runs it and prints the top class and the time per inference, with the
    /// managed kernels and, when the firmware has them, the native ones. Where the image comes from is chosen when
    /// the app is built (<see cref="ModelStore"/>: assembly data, a file on the board's storage, or a binary
    /// resource); in each case it is read in chunks into the one array the interpreter keeps.
    /// </summary>
    public static class Program
    {
        /// <summary>Timed inferences per kernel set (after one untimed warm-up).</summary>
        private const int Runs = 10;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Console.WriteLine("TinyLite ModelRunner: image from " + ModelStore.Where);
            // The kernel families of the models this sample is meant for (int8 convolutional and dense networks);
            // add a family's assembly and its Register() call when `tinylite inspect` lists operators of another one.
            ConvFamily.Register();
            DenseFamily.Register();
            ElementwiseFamily.Register();
            ShapeFamily.Register();

            int heapBefore = NativeKernels.ManagedHeapFreeBytes();
            byte[] image = ImageBuffer.Load(ModelStore.Image());
            int heapAfter = NativeKernels.ManagedHeapFreeBytes();
            Interpreter interpreter = new Interpreter(image);
            Console.WriteLine("model " + interpreter.ModelName + ": image " + image.Length.ToString() + " bytes, arena "
                + interpreter.ArenaBytes.ToString() + " bytes, " + interpreter.OperatorCount.ToString() + " kernel calls");
            if (heapBefore >= 0 && heapAfter >= 0)
            {
                // Only a firmware with TinyLite's native part can tell (NativeKernels.ManagedHeapFreeBytes).
                Console.WriteLine("heap kept by the loaded image: " + (heapBefore - heapAfter).ToString() + " bytes (image "
                    + image.Length.ToString() + " bytes + the array's header): one copy");
            }

            byte[] input = ModelStore.Input(interpreter);
            string[] labels = ModelStore.Labels();
            Report("managed", interpreter, input, labels);
            if (NativeKernels.IsAvailable)
            {
                interpreter.UseNativeKernels();
                Report("native", interpreter, input, labels);
            }
            else
            {
                Console.WriteLine("native: skipped (" + NativeKernels.UnavailableReason + ")");
            }
            Console.WriteLine("ModelRunner done");
        }

        // One warm-up, then Runs timed inferences; SetInput before every Invoke (the plans reuse the input's bytes).
        private static void Report(string kernels, Interpreter interpreter, byte[] input, string[] labels)
        {
            interpreter.SetInput(0, input);
            interpreter.Invoke();
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Runs; i++)
            {
                interpreter.SetInput(0, input);
                interpreter.Invoke();
            }
            long microseconds = (DateTime.UtcNow.Ticks - start) / (TimeSpan.TicksPerMillisecond / 1000) / Runs;
            byte[] output = interpreter.GetOutput(0);
            int outputTensor = interpreter.OutputTensor(0);
            int top = TopClass.Of(output, interpreter.TensorTypeOf(outputTensor));
            string name = labels != null && top < labels.Length ? " '" + labels[top] + "'" : "";
            string score = TopClass.Score(output, top, interpreter.TensorTypeOf(outputTensor), interpreter.TensorScaleBits(outputTensor),
                interpreter.TensorZeroPoint(outputTensor));
            Console.WriteLine(kernels + ": top class " + top.ToString() + name + " (score " + score + "), "
                + Milliseconds(microseconds) + " ms per inference (" + Runs.ToString() + " runs)");
        }

        private static string Milliseconds(long microseconds)
        {
            long fraction = microseconds % 1000;
            return (microseconds / 1000).ToString() + "." + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction.ToString();
        }
    }
}
