namespace TinyLite.KwsTrain;

/// <summary>
/// Plans the utterances (seeded) and turns them into one-second examples: each word is placed at a random time in a
/// second of synthetic background, at a random level, after two seconds of the same background that warm the
/// front end's noise estimate; silence examples are background alone.
/// </summary>
public static class DataSet
{
    /// <summary>Samples of background before the one-second clip (the front end's warm-up).</summary>
    public const int PrerollSamples = 32000;

    /// <summary>Samples the 49 windows cover.</summary>
    public const int ClipSamples = (FrontEnd.Rows - 1) * 320 + 480;

    /// <summary>Examples per training utterance (the held-back split has one).</summary>
    private const int TrainCopies = 3;

    /// <summary>The utterances of a split of <paramref name="task"/>; held-back ones use only <see cref="Vocabulary.HeldBackVariants"/>.</summary>
    public static List<(Utterance Utterance, int Label)> Plan(WordTask task, bool heldBack, int seed)
    {
        var rng = new Random(seed);
        string[] variants = heldBack ? Vocabulary.HeldBackVariants : Vocabulary.TrainVariants;
        Utterance Pick(string word) => new(word, Vocabulary.Accents[rng.Next(Vocabulary.Accents.Length)],
            variants[rng.Next(variants.Length)], 110 + 10 * rng.Next(12), 20 + 5 * rng.Next(14));
        var plan = new List<(Utterance, int)>();
        foreach (var (word, label) in task.Keywords)
        {
            for (int i = 0; i < (heldBack ? task.HeldKeyword : task.TrainKeyword); i++) plan.Add((Pick(word), label));
        }
        foreach (string word in task.UnknownWords)
        {
            for (int i = 0; i < (heldBack ? task.HeldUnknown : task.TrainUnknown); i++) plan.Add((Pick(word), Vocabulary.Unknown));
        }
        foreach (string word in heldBack ? [] : task.NearMisses ?? [])
        {
            for (int i = 0; i < task.TrainNearMiss; i++) plan.Add((Pick(word), Vocabulary.Unknown));
        }
        return plan;
    }

    /// <summary>The examples of a split of <paramref name="task"/> (utterances already rendered), in a seeded order.</summary>
    public static List<Example> Build(WordTask task, Speech speech, FrontEnd frontEnd, bool heldBack, int seed)
    {
        var rng = new Random(seed + 1);
        var examples = new List<Example>();
        int copies = heldBack ? 1 : TrainCopies;
        foreach (var (u, label) in Plan(task, heldBack, seed))
        {
            short[] word = speech.Load(u);
            for (int c = 0; c < copies; c++)
            {
                // Copies after the first are sped up or slowed down by up to 12% (pitch moves with them).
                short[] spoken = c == 0 ? word : Resample(word, 0.88 + 0.24 * rng.NextDouble());
                examples.Add(new Example(frontEnd.Features(Compose(rng, spoken)), label));
            }
            // A stream also shows the classifier words only partly inside its second, entering or leaving: those
            // must not fire, so half the training words also give a clipped example labelled unknown.
            if (!heldBack && rng.NextDouble() < 0.5)
                examples.Add(new Example(frontEnd.Features(ComposeClipped(rng, word, label == Vocabulary.Unknown ? 0.9 : 0.45)), Vocabulary.Unknown));
        }
        int silence = heldBack ? task.HeldSilence : task.TrainSilence;
        for (int i = 0; i < silence; i++) examples.Add(new Example(frontEnd.Features(Compose(rng, null)), Vocabulary.Silence));
        Shuffle(examples, new Random(seed + 2));
        return examples;
    }

    /// <summary>Preroll + one second of random background with <paramref name="word"/> (if any) at a random time and level.</summary>
    public static float[] Compose(Random rng, short[]? word)
    {
        int length = PrerollSamples + ClipSamples;
        // Background from -75 to -30 dBFS RMS; the word peaks from -26 to -1 dBFS.
        float level = 32768f * MathF.Pow(10f, (-75f + 45f * (float)rng.NextDouble()) / 20f);
        float[] audio = Background.Make(rng, rng.Next(Background.Kinds), length, level);
        if (word != null) Mix(rng, audio, word, PrerollSamples, ClipSamples);
        return audio;
    }

    /// <summary>
    /// As <see cref="Compose"/>, but with only 10% to <paramref name="most"/> of <paramref name="word"/> inside the
    /// second, at its start or end (a clipped keyword is unknown only while little of it is heard; any part of an
    /// unknown word is unknown).
    /// </summary>
    public static float[] ComposeClipped(Random rng, short[] word, double most)
    {
        float[] audio = Compose(rng, null);
        int inside = (int)(word.Length * (0.10 + (most - 0.10) * rng.NextDouble()));
        bool leaving = rng.Next(2) == 0;
        // Leaving: the word's tail is at the start of the second (its head lies in the preroll); entering: its head at the end.
        int offset = leaving ? PrerollSamples + inside - word.Length : PrerollSamples + ClipSamples - inside;
        int peak = 1;
        foreach (short s in word) peak = Math.Max(peak, Math.Abs((int)s));
        float gain = 32768f * MathF.Pow(10f, (-26f + 25f * (float)rng.NextDouble()) / 20f) / peak;
        for (int i = 0; i < word.Length; i++)
        {
            int at = offset + i;
            if (at >= 0 && at < audio.Length) audio[at] += gain * word[i];
        }
        return audio;
    }

    /// <summary>Adds <paramref name="word"/> inside [from, from + span) at a random offset and peak level.</summary>
    public static void Mix(Random rng, float[] audio, short[] word, int from, int span)
    {
        int length = Math.Min(word.Length, span);
        int offset = from + rng.Next(span - length + 1);
        int peak = 1;
        foreach (short s in word) peak = Math.Max(peak, Math.Abs((int)s));
        float gain = 32768f * MathF.Pow(10f, (-26f + 25f * (float)rng.NextDouble()) / 20f) / peak;
        for (int i = 0; i < length; i++) audio[offset + i] += gain * word[i];
    }

    /// <summary><paramref name="word"/> played <paramref name="rate"/> times as fast (linear interpolation).</summary>
    public static short[] Resample(short[] word, double rate)
    {
        var result = new short[Math.Max(1, (int)(word.Length / rate))];
        for (int i = 0; i < result.Length; i++)
        {
            double at = i * rate;
            int j = Math.Min((int)at, word.Length - 1), k = Math.Min(j + 1, word.Length - 1);
            double frac = at - j;
            result[i] = (short)Math.Round(word[j] * (1 - frac) + word[k] * frac);
        }
        return result;
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
