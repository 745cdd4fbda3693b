namespace TinyLite.KwsTrain;

/// <summary>One espeak-ng rendering of a word.</summary>
public sealed record Utterance(string Word, string Accent, string Variant, int Speed, int Pitch)
{
    /// <summary>File name in the speech cache.</summary>
    public string FileName => $"{Word}_{Accent}_{Variant}_s{Speed}_p{Pitch}.wav";
}
