using System;
using TinyLite.Runtime;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;
using TinyLite.Runtime.Kernels.Signal;
using TinyLite.Runtime.Native;
using TinyLite.Runtime.Speech;

namespace TinyLite.Samples.KeywordSpotter
{
    /// <summary>
    /// Keyword spotting on a nanoFramework board: 16 kHz audio from an I2S microphone (or, in the nanoCLR lane, from
    /// a recorded clip) through TinyLite.Speech's <see cref="SpeechPipeline"/> with the project's own front end and
    /// yes/no classifier (demo/kws). Prints each keyword it hears and when, and at the end of a recording the
    /// real-time factor of the whole pipeline (seconds of processing per second of audio).
    /// </summary>
    public static class Program
    {
        /// <summary>Bytes handed to the pipeline per read: 512 samples, 32 ms (what an I2S DMA buffer might hold).</summary>
        private const int ChunkBytes = 1024;

        /// <summary>The front end's window step: 20 ms at 16 kHz (the models were trained with it).</summary>
        private const int HopSamples = 320;

        /// <summary>The demo's recognizer (codegen/TinyLite.Cli/KwsDemo.cs): classify every row, average 12 (240 ms),
        /// threshold 179/256, 1 s between events.</summary>
        private const int ClassifyEveryRows = 1, AverageCount = 12, Threshold = 179, RefractoryMs = 1000;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            // The kernel families of the two models: front end (Signal and a few element-wise and shape ops), classifier
            // (RESHAPE, CONV_2D, FULLY_CONNECTED, SOFTMAX).
            SignalFamily.Register();
            ElementwiseFamily.Register();
            ShapeFamily.Register();
            ConvFamily.Register();
            DenseFamily.Register();

            int heapBefore = NativeKernels.ManagedHeapFreeBytes();
            Interpreter preprocessor = new Interpreter(ImageBuffer.Load(KwsStore.Preprocessor()));
            Interpreter classifier = new Interpreter(ImageBuffer.Load(KwsStore.Classifier()));
            string kernels = "managed";
            if (NativeKernels.IsAvailable)
            {
                preprocessor.UseNativeKernels();
                classifier.UseNativeKernels();
                kernels = "native";
            }
            string[] labels = KwsStore.Labels();
            KeywordRecognizer recognizer = new KeywordRecognizer(labels.Length, AverageCount, Threshold, RefractoryMs);
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == "silence" || labels[i] == "unknown")
                {
                    recognizer.IgnoreLabel(i);
                }
            }
            SpeechPipeline pipeline = new SpeechPipeline(preprocessor, classifier, recognizer, HopSamples, ClassifyEveryRows);
            IAudioSource audio = KwsStore.Audio();
            byte[] buffer = new byte[ChunkBytes];
            Console.WriteLine("TinyLite KeywordSpotter: listening to " + audio.Description + " (" + kernels + " kernels)");
            int heapAfter = NativeKernels.ManagedHeapFreeBytes();
            if (heapBefore >= 0 && heapAfter >= 0)
            {
                // Only a firmware with TinyLite's native part can tell (NativeKernels.ManagedHeapFreeBytes).
                Console.WriteLine("heap kept by the spotter: " + (heapBefore - heapAfter).ToString()
                    + " bytes (both images and arenas, interpreters, speech pipeline, audio source, read buffer)");
            }

            int carried = 0;
            long samples = 0;
            long start = DateTime.UtcNow.Ticks;
            while (true)
            {
                int n = audio.Read(buffer, carried, buffer.Length - carried);
                if (n == 0)
                {
                    break;
                }
                samples += n / 2;
                int have = carried + n;
                int taken = pipeline.FeedBytes(buffer, 0, have);
                // An odd trailing byte is half a sample: it goes in front of the next read.
                carried = have - taken;
                if (carried > 0)
                {
                    buffer[0] = buffer[taken];
                }
                while (pipeline.PollEvent())
                {
                    Console.WriteLine("heard '" + labels[recognizer.EventLabel] + "' (" + recognizer.EventScore.ToString() + "/256) at "
                        + recognizer.EventTimeMs.ToString() + " ms");
                }
            }
            long elapsedMicroseconds = (DateTime.UtcNow.Ticks - start) / (TimeSpan.TicksPerMillisecond / 1000);
            long audioMicroseconds = samples * 1000000 / AudioFrontEnd.SampleRateHz;
            Console.WriteLine("kws: " + Fixed3(audioMicroseconds) + " s of audio in " + Fixed3(elapsedMicroseconds) + " s, "
                + pipeline.FrontEnd.RowsProduced.ToString() + " feature rows, " + pipeline.Classifications.ToString()
                + " classifications, " + recognizer.EventCount.ToString() + " keywords, real-time factor "
                + Fixed3(elapsedMicroseconds * 1000000 / audioMicroseconds) + " (" + kernels + " kernels)");
        }

        // Millionths as a decimal with 3 places ("1.234").
        private static string Fixed3(long millionths)
        {
            long thousandths = millionths / 1000;
            long fraction = thousandths % 1000;
            return (thousandths / 1000).ToString() + "." + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction.ToString();
        }
    }
}
