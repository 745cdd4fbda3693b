using TinyLite.Tests.Compat;

namespace TinyLite.Tests.Audio;

/// <summary>Paths of the keyword-spotting demo's committed artifacts (demo/kws) and the front end's TFLM golden (tests/data/kws_frontend).</summary>
public static class KwsDemoData
{
    /// <summary>demo/kws.</summary>
    public static string Dir => Path.Combine(Checkout.Root(), "demo", "kws");

    /// <summary>A file of demo/kws.</summary>
    public static string File(string name) => Path.Combine(Dir, name);

    /// <summary>tests/data/kws_frontend.</summary>
    public static string GoldenDir => Path.Combine(Checkout.Root(), "tests", "data", "kws_frontend");

    /// <summary>tests/data/kws_classifier.</summary>
    public static string ClassifierGoldenDir => Path.Combine(Checkout.Root(), "tests", "data", "kws_classifier");

    /// <summary>Label names in output order, from labels.txt.</summary>
    public static string[] Labels => System.IO.File.ReadAllLines(File("labels.txt")).Where(l => l.Length > 0).ToArray();
}
