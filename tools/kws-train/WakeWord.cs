namespace TinyLite.KwsTrain;

/// <summary>
/// The wake-word task: one word, "marvin" (two syllables, from the Speech Commands vocabulary, said clearly by every
/// espeak-ng voice), against every other word and silence. Some words that sound like it are trained as unknown;
/// others are kept for the held-back streams only, so the false-accept figure includes near misses the model never
/// heard.
/// </summary>
public static class WakeWord
{
    /// <summary>The wake word.</summary>
    public const string Word = "marvin";

    /// <summary>Label index of the wake word (silence 0 and unknown 1 as in the yes/no model).</summary>
    public const int Wake = 2;

    /// <summary>Class labels in model output order.</summary>
    public static readonly string[] Labels = ["silence", "unknown", Word];

    /// <summary>Words that sound a little like the wake word, trained as unknown with 36 utterances each.</summary>
    public static readonly string[] TrainedNearMisses =
    [
        "martin", "marble", "carving", "harvest", "marching", "garlic", "kevin", "calvin", "melvin", "marlin", "market",
        "farming", "barking", "carbon", "arming", "marking",
    ];

    /// <summary>Words that sound a little like the wake word, never trained on: only the held-back streams say them.</summary>
    public static readonly string[] HeldBackNearMisses = ["marvel", "garden", "morning", "darling", "starving", "margin", "parking"];

    /// <summary>Unknown words: the Speech Commands vocabulary without the wake word.</summary>
    public static readonly string[] UnknownWords = Vocabulary.UnknownWords.Where(w => w != Word).Concat(["yes", "no"]).ToArray();

    /// <summary>
    /// 600 training utterances of the wake word, 16 of each other word, 36 of each trained near miss, 700 silences;
    /// 40 / 2 / 40 held back (fewer than the yes/no model's, to keep rendering and training short).
    /// </summary>
    public static readonly WordTask Task = new(Labels, [(Word, Wake)], UnknownWords, 600, 16, 700, 40, 2, 40, TrainedNearMisses, 36);
}
