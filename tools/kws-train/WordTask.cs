namespace TinyLite.KwsTrain;

/// <summary>
/// What a classifier is trained to tell apart: its labels (silence at <see cref="Vocabulary.Silence"/>, unknown at
/// <see cref="Vocabulary.Unknown"/>), the words of each keyword label, the other words, and how many utterances and
/// examples each split gets.
/// </summary>
/// <param name="Labels">Class labels in model output order.</param>
/// <param name="Keywords">Each keyword and its label index.</param>
/// <param name="UnknownWords">Words that are not keywords (label unknown).</param>
/// <param name="TrainKeyword">Training utterances per keyword.</param>
/// <param name="TrainUnknown">Training utterances per unknown word.</param>
/// <param name="TrainSilence">Training silence examples.</param>
/// <param name="HeldKeyword">Held-back utterances per keyword.</param>
/// <param name="HeldUnknown">Held-back utterances per unknown word.</param>
/// <param name="HeldSilence">Held-back silence examples.</param>
/// <param name="NearMisses">Words that sound like a keyword (label unknown), trained with more utterances; none for yes/no.</param>
/// <param name="TrainNearMiss">Training utterances per near miss (none held back).</param>
public sealed record WordTask(
    string[] Labels, (string Word, int Label)[] Keywords, string[] UnknownWords,
    int TrainKeyword, int TrainUnknown, int TrainSilence, int HeldKeyword, int HeldUnknown, int HeldSilence,
    string[]? NearMisses = null, int TrainNearMiss = 0);
