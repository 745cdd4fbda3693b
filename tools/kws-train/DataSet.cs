namespace TinyLite.KwsTrain;

/// <summary>One example: the classifier's int8 input (49 x 40 features) and its label index.</summary>
public sealed record Example(sbyte[] Features, int Label);

/// <summary>
/// Plans the utterances (seeded) and turns them into one-second examples: each word is placed at a random time in a
/// second of synthetic background, at a random level, after half a second of the same background that warms the
/// front end's noise estimate; silence examples are background alone.
/// </summary>
public static class DataSet
{
    /// <summary>Samples of background before the one-second clip (the front end's warm-up).</summary>
    public const int PrerollSamples = 8000;

    /// <summary>Samples the 49 windows cover.</summary>
    public const int ClipSamples = (FrontEnd.Rows - 1) * 320 + 480;

    /// <summary>Keyword utterances per keyword, unknown utterances per word, silence examples; training split.</summary>
    private const int TrainKeyword = 360, TrainUnknown = 12, TrainSilence = 600, TrainCopies = 2;

    /// <summary>The same for the held-back split (one example per utterance).</summary>
    private const int HeldKeyword = 50, HeldUnknown = 2, HeldSilence = 50;

    /// <summary>The utterances of a split; held-back ones use only <see cref="Vocabulary.HeldBackVariants"/>.</summary>
    public static List<(Utterance Utterance, int Label)> Plan(bool heldBack, int seed)
    {
        var rng = new Random(seed);
        string[] variants = heldBack ? Vocabulary.HeldBackVariants : Vocabulary.TrainVariants;
        Utterance Pick(string word) => new(word, Vocabulary.Accents[rng.Next(Vocabulary.Accents.Length)],
            variants[rng.Next(variants.Length)], 110 + 10 * rng.Next(12), 20 + 5 * rng.Next(14));
        var plan = new List<(Utterance, int)>();
        foreach (var (word, label) in Vocabulary.Keywords)
        {
            for (int i = 0; i < (heldBack ? HeldKeyword : TrainKeyword); i++) plan.Add((Pick(word), label));
        }
        foreach (string word in Vocabulary.UnknownWords)
        {
            for (int i = 0; i < (heldBack ? HeldUnknown : TrainUnknown); i++) plan.Add((Pick(word), Vocabulary.Unknown));
        }
        return plan;
    }

    /// <summary>The examples of a split (utterances already rendered), in a seeded order.</summary>
    public static List<Example> Build(Speech speech, FrontEnd frontEnd, bool heldBack, int seed)
    {
        var rng = new Random(seed + 1);
        var examples = new List<Example>();
        int copies = heldBack ? 1 : TrainCopies;
        foreach (var (u, label) in Plan(heldBack, seed))
        {
            short[] word = speech.Load(u);
            for (int c = 0; c < copies; c++) examples.Add(new Example(frontEnd.Features(Compose(rng, word)), label));
        }
        int silence = heldBack ? HeldSilence : TrainSilence;
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

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
