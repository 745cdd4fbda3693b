using System.Diagnostics;
using TinyLite.Codegen;
using TinyLite.Codegen.Audio;
using TinyLite.Runtime;
using TinyLite.Runtime.Native;
using TinyLite.Runtime.Speech;

/// <summary>
/// <c>--speech-stream</c>: streams generated audio (TFLM's four micro_speech test WAVs looped, plus seeded noise) through
/// the whole speech pipeline in 512-sample chunks, as a device would, and reports the real-time factor (processing time /
/// audio time) and the process's memory at the start, middle and end of the stream (GC heap, bytes allocated by the process and by the streaming thread, working set; the process figure includes the
/// runtime's own background work such as tiered JIT compilation).
/// </summary>
public static class SpeechStreamBench
{
    private const int Chunk = 512;

    /// <summary>Runs the bench for each kernel set asked for; prints Markdown rows. Returns the exit code.</summary>
    public static int Run(string models, double minutes, string kernels)
    {
        string wavs = Path.Combine(models, "micro_speech_audio_preprocessor_int8", "wavs");
        short[] loop = new[] { "yes_1000ms", "silence_1000ms", "no_1000ms", "noise_1000ms" }
            .SelectMany(c => WavFile.Read(Path.Combine(wavs, c + ".wav"))).ToArray();
        byte[] pre = Compile(Path.Combine(models, "micro_speech_audio_preprocessor_int8", "model.tflite"));
        byte[] cls = Compile(Path.Combine(models, "micro_speech", "model.tflite"));
        long total = (long)(minutes * 60 * AudioFrontEnd.SampleRateHz);
        Console.WriteLine($"speech stream: {minutes:F1} min of audio ({total} samples: TFLM's four test WAVs looped + seeded noise), {Chunk}-sample chunks, classify every row");
        Console.WriteLine("| kernels | audio s | process s | real-time factor | x real time | rows | classifications | events | GC heap start / middle / end (KB) | allocated during stream: process / this thread (B) | working set start / middle / end (MB) | gen0 GCs during stream |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|---|--:|---|--:|");
        foreach (string k in kernels == "both" ? new[] { "managed", "native" } : new[] { kernels })
        {
            if (k == "native" && !NativeKernels.IsAvailable)
            {
                Console.WriteLine($"| native | — | not available: {NativeKernels.UnavailableReason} |");
                continue;
            }
            Stream(pre, cls, loop, total, k == "native");
        }
        return 0;
    }

    private static byte[] Compile(string path) => Compiler.Compile(File.ReadAllBytes(path), path).Image;

    private static void Stream(byte[] preImage, byte[] clsImage, short[] loop, long total, bool native)
    {
        var pre = new Interpreter(preImage);
        var cls = new Interpreter(clsImage);
        if (native)
        {
            pre.UseNativeKernels();
            cls.UseNativeKernels();
        }
        var recognizer = new KeywordRecognizer(4, averageCount: 3, threshold: 200, refractoryMs: 1000);
        recognizer.IgnoreLabel(0);
        recognizer.IgnoreLabel(1);
        var pipeline = new SpeechPipeline(pre, cls, recognizer, 320, 1);
        short[] chunk = new short[Chunk];
        uint noise = 0x2545F491;
        long loopAt = 0;

        // Warm-up (JIT) on one second, then start over.
        Fill(chunk, loop, ref loopAt, ref noise);
        for (int i = 0; i < 32; i++) pipeline.Feed(chunk, 0, Chunk);
        pipeline.Reset();
        loopAt = 0;

        GC.Collect();
        var clock = new Stopwatch();
        var start = Snapshot();
        // The streaming thread's allocations, without what the middle snapshot itself allocates (reading the working set does).
        long threadStart = GC.GetAllocatedBytesForCurrentThread();
        long snapshotBytes = 0;
        var middle = start;
        int gen0 = GC.CollectionCount(0);
        int events = 0;
        clock.Start();
        long fed = 0;
        while (fed < total)
        {
            Fill(chunk, loop, ref loopAt, ref noise);
            pipeline.Feed(chunk, 0, Chunk);
            if (pipeline.PollEvent()) events++;
            fed += Chunk;
            if (fed - Chunk < total / 2 && fed >= total / 2)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                middle = Snapshot();
                snapshotBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        long streamBytes = GC.GetAllocatedBytesForCurrentThread() - threadStart - snapshotBytes;
        var end = Snapshot();
        double audio = fed / (double)AudioFrontEnd.SampleRateHz;
        Console.WriteLine($"| {(native ? "native" : "managed")} | {audio:F0} | {seconds:F1} | {seconds / audio:F4} | {audio / seconds:F0} | {pipeline.FrontEnd.RowsProduced} | {pipeline.Classifications} | {events} | " +
                          $"{start.Heap / 1024} / {middle.Heap / 1024} / {end.Heap / 1024} | {end.Allocated - start.Allocated} / {streamBytes} | " +
                          $"{start.WorkingSet / 1048576.0:F1} / {middle.WorkingSet / 1048576.0:F1} / {end.WorkingSet / 1048576.0:F1} | {GC.CollectionCount(0) - gen0} |");
    }

    // The next chunk of the looped clips with seeded noise of about ±256 (a xorshift generator; no allocation).
    private static void Fill(short[] chunk, short[] loop, ref long at, ref uint state)
    {
        for (int i = 0; i < chunk.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            int v = loop[at % loop.Length] + (int)(state & 511) - 256;
            chunk[i] = (short)Math.Clamp(v, short.MinValue, short.MaxValue);
            at++;
        }
    }

    private readonly record struct Memory(long Heap, long Allocated, long WorkingSet);

    private static Memory Snapshot() => new(GC.GetTotalMemory(false), GC.GetTotalAllocatedBytes(precise: true), Environment.WorkingSet);
}
