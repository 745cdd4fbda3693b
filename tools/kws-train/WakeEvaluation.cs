using System.Diagnostics;
using System.Text;
using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;
using TinyLite.Runtime.Native;
using TinyLite.Runtime.Speech;

namespace TinyLite.KwsTrain;

/// <summary>
/// <c>wake-eval CACHE_DIR DIR [MINUTES]</c>: the false-accept / false-reject trade-off of the wake model in DIR on
/// held-back streams (<see cref="WakeStreams"/>), heard by the runtime's own <see cref="SpeechPipeline"/> and
/// <see cref="KeywordRecognizer"/>: every row classified, 12 classifications (240 ms) averaged, 1 s refractory,
/// silence and unknown ignored; one recognizer per threshold fed the pipeline's scores after each classification
/// (the pipeline's own recognizer, at the first threshold, must report the same events as its twin). A wake word
/// counts as heard when a wake event comes between its start and one second after its end; any other wake event
/// is a false accept, counted per hour of audio outside those spans. Appends the table to DIR/training_log.txt.
/// </summary>
public static class WakeEvaluation
{
    /// <summary>The seed of the held-back streams and their utterance pool.</summary>
    public const int StreamSeed = 20261407;

    /// <summary>Recognizer settings (those of the yes/no demo).</summary>
    public const int AverageCount = 12, RefractoryMs = 1000, ToleranceMs = 1000;

    /// <summary>Thresholds tried, in score units (probability × 256).</summary>
    public static readonly int[] Thresholds = [102, 128, 153, 166, 179, 192, 204, 217, 230, 242, 250];

    /// <summary>
    /// The default threshold is the one with the fewest false rejects among those at or below this rate of false
    /// accepts: one a minute of the streams' dense, near-miss-heavy speech.
    /// </summary>
    public const double MaxFalseAcceptsPerHour = 60.0;

    /// <summary>Marks the start of the trade-off in the training log (everything after it is rewritten).</summary>
    private const string Marker = "streaming trade-off";

    public static void Run(string cache, string dir, int minutes)
    {
        var clock = Stopwatch.StartNew();
        var speech = new Speech(cache);
        var pool = WakeStreams.Pool(StreamSeed);
        speech.Render(pool);
        var pre = Load(Path.Combine(dir, "frontend.tflite"));
        var cls = Load(Path.Combine(dir, WakeTrain.ModelFile));
        var main = Recognizer(Thresholds[0]);
        var pipeline = new SpeechPipeline(pre, cls, main, 320, 1);
        var recognizers = Thresholds.Select(Recognizer).ToArray();

        int streams = Math.Max(1, minutes * 60 / WakeStreams.StreamSeconds);
        int wakeWords = 0, words = 0, nearMissWords = 0;
        var onNearMisses = new int[Thresholds.Length];
        double nonWakeMs = 0, totalMs = 0;
        var hits = new int[Thresholds.Length];
        var falseAccepts = new int[Thresholds.Length];
        // What the false accepts at each threshold came during: the word whose span (start .. end + 1 s) holds them.
        var causes = Thresholds.Select(_ => new Dictionary<string, int>()).ToArray();
        for (int s = 0; s < streams; s++)
        {
            var (audio, truth) = WakeStreams.Make(speech, pool, StreamSeed, s);
            var events = Listen(pipeline, recognizers, audio);
            for (int t = 0; t < Thresholds.Length; t++)
            {
                var (h, fa) = Match(events[t], truth, out var leftOver);
                hits[t] += h;
                falseAccepts[t] += fa;
                foreach (long e in leftOver)
                {
                    var near = truth.LastOrDefault(w => w.StartMs <= e && e <= w.EndMs + ToleranceMs);
                    string cause = near == null ? "(background)" : near.Label == WakeWord.Word ? "(a wake word, again)" : near.Word;
                    causes[t][cause] = causes[t].GetValueOrDefault(cause) + 1;
                    if (WakeWord.HeldBackNearMisses.Contains(cause)) onNearMisses[t]++;
                }
            }
            wakeWords += truth.Count(w => w.Label == WakeWord.Word);
            words += truth.Count;
            nearMissWords += truth.Count(w => WakeWord.HeldBackNearMisses.Contains(w.Word));
            double ms = audio.Length / 16.0;
            totalMs += ms;
            nonWakeMs += ms - WakeSpans(truth, ms);
        }

        var text = new StringBuilder();
        text.AppendLine($"{Marker} on {streams} held-back streams of {WakeStreams.StreamSeconds} s (seed {StreamSeed}, held-back voices only): " +
                        $"{totalMs / 60000:F1} min, {words} words of which {wakeWords} '{WakeWord.Word}' and {nearMissWords} never-trained near misses, " +
                        $"{nonWakeMs / 3600000:F3} h outside the wake words' spans");
        text.AppendLine($"recognizer: SpeechPipeline (every row classified) + KeywordRecognizer (average {AverageCount}, refractory {RefractoryMs} ms); " +
                        $"heard = a wake event from a word's start to {ToleranceMs} ms after its end");
        text.AppendLine("| threshold (/256) | probability | wake words | missed | false reject % | false accepts | per hour | of them on never-trained near misses | the others per hour |");
        text.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        int best = -1;
        for (int t = 0; t < Thresholds.Length; t++)
        {
            int missed = wakeWords - hits[t];
            double frr = 100.0 * missed / Math.Max(1, wakeWords), faph = falseAccepts[t] / (nonWakeMs / 3600000);
            double hours = nonWakeMs / 3600000;
            text.AppendLine($"| {Thresholds[t]} | {Thresholds[t] / 256.0:F2} | {wakeWords} | {missed} | {frr:F1} | {falseAccepts[t]} | {faph:F1} | " +
                            $"{onNearMisses[t]} ({100.0 * onNearMisses[t] / Math.Max(1, nearMissWords):F1} % of them) | {(falseAccepts[t] - onNearMisses[t]) / hours:F1} |");
            if (faph <= MaxFalseAcceptsPerHour && (best < 0 || hits[t] >= hits[best])) best = t;
        }
        text.AppendLine(best < 0
            ? $"no threshold keeps false accepts at or below {MaxFalseAcceptsPerHour} per hour"
            : $"default threshold: {Thresholds[best]} (fewest false rejects with at most {MaxFalseAcceptsPerHour} false accepts per hour; ties to the higher threshold)");
        int shown = best >= 0 ? best : Array.IndexOf(Thresholds, 204);
        text.AppendLine($"false accepts at {Thresholds[shown]} by the word they came during (held-back near misses: {string.Join(", ", WakeWord.HeldBackNearMisses)}): " +
                        string.Join(", ", causes[shown].OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        text.AppendLine($"({clock.Elapsed.TotalSeconds:F0} s, {(NativeKernels.IsAvailable ? "native" : "managed")} kernels)");
        Console.Write(text);

        string logPath = Path.Combine(dir, "training_log.txt");
        string log = File.Exists(logPath) ? File.ReadAllText(logPath) : "";
        int at = log.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0) log = log[..at];
        File.WriteAllText(logPath, log + text.ToString().Replace($"({clock.Elapsed.TotalSeconds:F0} s, ", "(").Replace(" kernels)", " kernels)"));
    }

    /// <summary>A recognizer of the wake model's three labels at <paramref name="threshold"/>, silence and unknown ignored.</summary>
    public static KeywordRecognizer Recognizer(int threshold)
    {
        var r = new KeywordRecognizer(WakeWord.Labels.Length, AverageCount, threshold, RefractoryMs);
        r.IgnoreLabel(0);
        r.IgnoreLabel(1);
        return r;
    }

    /// <summary>
    /// Streams <paramref name="audio"/> through <paramref name="pipeline"/> (reset first) one hop at a time and feeds
    /// every classification to each of <paramref name="recognizers"/>; each one's event times.
    /// </summary>
    public static List<long>[] Listen(SpeechPipeline pipeline, KeywordRecognizer[] recognizers, short[] audio)
    {
        pipeline.Reset();
        foreach (var r in recognizers) r.Reset();
        var events = recognizers.Select(_ => new List<long>()).ToArray();
        var own = new List<long>();
        const int hop = 320;
        for (int at = 0; at < audio.Length; at += hop)
        {
            long before = pipeline.Classifications;
            pipeline.Feed(audio, at, Math.Min(hop, audio.Length - at));
            if (pipeline.PollEvent()) own.Add(pipeline.Recognizer.EventTimeMs);
            long made = pipeline.Classifications - before;
            if (made > 1) throw new InvalidOperationException("more than one classification in one hop");
            if (made == 0) continue;
            for (int r = 0; r < recognizers.Length; r++)
            {
                if (recognizers[r].Update(pipeline.Scores, pipeline.FrontEnd.LastRowEndMs) && recognizers[r].PollEvent())
                    events[r].Add(recognizers[r].EventTimeMs);
            }
        }
        int twin = Array.IndexOf(Thresholds, pipeline.Recognizer.Threshold);
        if (twin >= 0 && !own.SequenceEqual(events[twin]))
            throw new InvalidOperationException("the pipeline's own recognizer and its twin disagree");
        return events;
    }

    /// <summary>Wake words heard (each matched by at most one event, in time order) and the events left over.</summary>
    public static (int Hits, int FalseAccepts) Match(List<long> events, List<TruthWord> truth, out List<long> leftOver)
    {
        var used = new bool[events.Count];
        int hits = 0;
        foreach (var w in truth.Where(w => w.Label == WakeWord.Word))
        {
            int e = Enumerable.Range(0, events.Count).FirstOrDefault(i => !used[i] && events[i] >= w.StartMs && events[i] <= w.EndMs + ToleranceMs, -1);
            if (e < 0) continue;
            used[e] = true;
            hits++;
        }
        leftOver = events.Where((_, i) => !used[i]).ToList();
        return (hits, leftOver.Count);
    }

    // Milliseconds covered by the wake words' spans (start .. end + tolerance), overlaps counted once.
    private static double WakeSpans(List<TruthWord> truth, double streamMs)
    {
        double covered = 0, reach = 0;
        foreach (var w in truth.Where(w => w.Label == WakeWord.Word).OrderBy(w => w.StartMs))
        {
            double from = Math.Max(w.StartMs, reach), to = Math.Min(streamMs, w.EndMs + ToleranceMs);
            if (to > from) covered += to - from;
            reach = Math.Max(reach, to);
        }
        return covered;
    }

    private static Interpreter Load(string path)
    {
        var interpreter = new Interpreter(Compiler.Compile(File.ReadAllBytes(path), Path.GetFileName(path)).Image);
        if (NativeKernels.IsAvailable)
        {
            try
            {
                interpreter.UseNativeKernels();
            }
            catch (ImageException)
            {
                // The managed kernels give the same bytes.
            }
        }
        return interpreter;
    }
}
