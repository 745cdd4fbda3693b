namespace TinyLite.KwsTrain;

/// <summary>One spoken word of a stream: its label name, first and last audible millisecond, and the word.</summary>
public sealed record TruthWord(string Label, int StartMs, int EndMs, string Word);

/// <summary>
/// Held-back streams for the wake word's false-accept / false-reject trade-off: a minute each of one steady
/// background with words one after another, spoken only by held-back voices: the wake word (about one word in seven,
/// never within 2 s of the previous one), other vocabulary words and trained near misses, and near misses the model never heard; now and then a
/// few seconds of background alone. Seeded; the words and their times are the stream's truth.
/// </summary>
public static class WakeStreams
{
    /// <summary>Length of one stream.</summary>
    public const int StreamSeconds = 60;

    private const int Rate = 16000;
    private const int PoolWake = 60, PoolPerWord = 2, PoolPerNearMiss = 6;

    /// <summary>The utterances streams draw from: wake word, vocabulary words, held-back near misses (held-back voices only).</summary>
    public static List<Utterance> Pool(int seed)
    {
        var rng = new Random(seed);
        string[] variants = Vocabulary.HeldBackVariants;
        Utterance Pick(string word) => new(word, Vocabulary.Accents[rng.Next(Vocabulary.Accents.Length)],
            variants[rng.Next(variants.Length)], 110 + 10 * rng.Next(12), 20 + 5 * rng.Next(14));
        var pool = new List<Utterance>();
        for (int i = 0; i < PoolWake; i++) pool.Add(Pick(WakeWord.Word));
        foreach (string w in WakeWord.UnknownWords.Concat(WakeWord.TrainedNearMisses))
            for (int i = 0; i < PoolPerWord; i++) pool.Add(Pick(w));
        foreach (string w in WakeWord.HeldBackNearMisses)
            for (int i = 0; i < PoolPerNearMiss; i++) pool.Add(Pick(w));
        return pool;
    }

    /// <summary>Stream number <paramref name="index"/> of the seeded series: 16 kHz samples and the words in time order.</summary>
    public static (short[] Audio, List<TruthWord> Truth) Make(Speech speech, List<Utterance> pool, int seed, int index)
    {
        var rng = new Random(seed * 1000 + index);
        int total = StreamSeconds * Rate;
        // Background -70..-40 dBFS RMS, one kind per stream; words peak at -20..-3 dBFS.
        float level = 32768f * MathF.Pow(10f, (-70f + 30f * (float)rng.NextDouble()) / 20f);
        float[] audio = Background.Make(rng, rng.Next(Background.Kinds), total, level);
        var wakes = pool.Where(u => u.Word == WakeWord.Word).ToList();
        var nearMisses = pool.Where(u => WakeWord.HeldBackNearMisses.Contains(u.Word)).ToList();
        var others = pool.Where(u => u.Word != WakeWord.Word && !WakeWord.HeldBackNearMisses.Contains(u.Word)).ToList();
        var truth = new List<TruthWord>();
        int at = Rate, lastWakeEnd = -10 * Rate;
        while (true)
        {
            at += rng.NextDouble() < 0.15 ? rng.Next(2 * Rate, 6 * Rate) : rng.Next(Rate / 5, Rate * 6 / 5);
            double pick = rng.NextDouble();
            bool wake = pick < 0.15 && at - lastWakeEnd >= 2 * Rate;
            var from = wake ? wakes : pick < 0.35 ? nearMisses : others;
            Utterance u = from[rng.Next(from.Count)];
            short[] word = DataSet.Resample(speech.Load(u), 0.9 + 0.2 * rng.NextDouble());
            if (at + word.Length > total - Rate / 5) break;
            int peak = 1;
            foreach (short s in word) peak = Math.Max(peak, Math.Abs((int)s));
            float gain = 32768f * MathF.Pow(10f, (-20f + 17f * (float)rng.NextDouble()) / 20f) / peak;
            for (int i = 0; i < word.Length; i++) audio[at + i] += gain * word[i];
            truth.Add(new TruthWord(wake ? WakeWord.Word : "unknown", at / 16, (at + word.Length) / 16, u.Word));
            at += word.Length;
            if (wake) lastWakeEnd = at;
        }
        return (audio.Select(FrontEnd.ToInt16).ToArray(), truth);
    }
}
