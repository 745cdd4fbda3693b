namespace TinyLite.KwsTrain;

/// <summary>The classes, the words spoken for each and the espeak-ng voices, split into training and held-back sets.</summary>
public static class Vocabulary
{
    /// <summary>Class labels in model output order (as micro_speech).</summary>
    public static readonly string[] Labels = ["silence", "unknown", "yes", "no"];

    /// <summary>Index of each label.</summary>
    public const int Silence = 0, Unknown = 1, Yes = 2, No = 3;

    /// <summary>The keywords, by label index.</summary>
    public static readonly (string Word, int Label)[] Keywords = [("yes", Yes), ("no", No)];

    /// <summary>Other words: the Speech Commands vocabulary without yes/no (and without homophones such as "know").</summary>
    public static readonly string[] UnknownWords =
    [
        "left", "right", "up", "down", "stop", "go", "on", "off", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "zero", "cat", "dog", "bird", "bed", "house", "tree", "wow", "happy", "marvin", "sheila",
        "learn", "follow", "forward", "visual", "backward",
    ];

    /// <summary>The demo's yes/no task: 520 training utterances per keyword, 18 per other word, 900 silences; 50 / 2 / 50 held back.</summary>
    public static readonly WordTask YesNo = new(Labels, Keywords, UnknownWords, 520, 18, 900, 50, 2, 50);

    /// <summary>espeak-ng English accents (the gmw voices that ship with the Debian package).</summary>
    public static readonly string[] Accents =
        ["en", "en-us", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-rp", "en-gb-x-gbcwmd", "en-029", "en-us-nyc"];

    /// <summary>Voice variants the classifier is trained on.</summary>
    public static readonly string[] TrainVariants =
    [
        "m1", "m2", "m3", "m4", "m5", "m6", "f1", "f2", "f3", "f4", "klatt", "klatt3", "Alex", "Andy", "annie",
        "boris", "david", "edward", "gustave", "linda", "max", "michel", "paul", "john", "croak", "norbert",
    ];

    /// <summary>Voice variants held back: only the accuracy figure and the demo clip use them.</summary>
    public static readonly string[] HeldBackVariants = ["m7", "m8", "f5", "klatt2", "grandpa", "belinda", "caleb", "iven"];
}
