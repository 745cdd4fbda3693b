using System.Globalization;
using System.Text;

namespace TinyLite.KwsTrain;

/// <summary>
/// The wake-word demo's clip: twenty seconds of steady pink noise (-50 dBFS) with the wake word four times and
/// other words between, near misses the model never heard among them, all spoken by held-back voices at known
/// times; and its truth table (label, start and end of each word in milliseconds).
/// </summary>
public static class WakeClip
{
    /// <summary>Length of the clip, samples at 16 kHz.</summary>
    public const int Samples = 20 * 16000;

    /// <summary>The words and their start times (ms).</summary>
    public static readonly (string Word, int StartMs)[] Script =
    [
        ("marvin", 1000), ("left", 3000), ("garden", 4500), ("marvin", 6500), ("seven", 8500), ("marvel", 10000),
        ("marvin", 12000), ("morning", 14000), ("stop", 15500), ("marvin", 17500),
    ];

    /// <summary>The utterances the clip uses (held-back voices), seeded.</summary>
    public static List<Utterance> Utterances(int seed)
    {
        var rng = new Random(seed);
        return Script.Select(s => new Utterance(s.Word, Vocabulary.Accents[rng.Next(Vocabulary.Accents.Length)],
            Vocabulary.HeldBackVariants[rng.Next(Vocabulary.HeldBackVariants.Length)], 140 + 10 * rng.Next(6), 30 + 10 * rng.Next(5))).ToList();
    }

    /// <summary>Writes the clip WAV and its truth CSV.</summary>
    public static void Write(Speech speech, int seed, string wavPath, string truthPath)
    {
        var rng = new Random(seed + 1);
        float[] audio = Background.Make(rng, Background.Pink, Samples, 32768f * MathF.Pow(10f, -50f / 20f));
        var truth = new StringBuilder("label,start_ms,end_ms,word\n");
        var utterances = Utterances(seed);
        for (int i = 0; i < Script.Length; i++)
        {
            short[] word = speech.Load(utterances[i]);
            int start = Script[i].StartMs * 16;
            float gain = 32768f * MathF.Pow(10f, -6f / 20f) / Math.Max(1, word.Max(s => Math.Abs((int)s)));
            for (int j = 0; j < word.Length && start + j < Samples; j++) audio[start + j] += gain * word[j];
            int endMs = (start + word.Length) / 16;
            string label = Script[i].Word == WakeWord.Word ? WakeWord.Word : "unknown";
            truth.Append(CultureInfo.InvariantCulture, $"{label},{Script[i].StartMs},{endMs},{Script[i].Word}\n");
        }
        Wav.Write(wavPath, audio.Select(FrontEnd.ToInt16).ToArray(), 16000);
        File.WriteAllText(truthPath, truth.ToString());
    }
}
