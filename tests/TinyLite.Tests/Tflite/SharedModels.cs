using System.Text.Json;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// The golden models in <c>../shared/models</c> (relative to the folder holding TinyLite.sln). They are not part of
/// the repository; tests that need them skip with a message when the folder is absent.
/// </summary>
internal static class SharedModels
{
    private static readonly Lazy<string?> _directory = new(FindDirectory);
    private static readonly Lazy<JsonElement[]> _index = new(LoadIndex);

    /// <summary>Why model tests are skipped, or null when the models are there.</summary>
    public static string? SkipReason =>
        _directory.Value is null ? "shared models not found: expected ../shared/models/index.json next to the repository root" : null;

    /// <summary>The entries of index.json's "models" list (empty when the models are absent).</summary>
    public static JsonElement[] Index => _index.Value;

    /// <summary>Path of a model's .tflite by its index.json "dir".</summary>
    public static string ModelPath(string dir) => Path.Combine(_directory.Value!, dir, "model.tflite");

    /// <summary>Path of a model's meta.json by its index.json "dir".</summary>
    public static string MetaPath(string dir) => Path.Combine(_directory.Value!, dir, "meta.json");

    /// <summary>The index.json entry of <paramref name="dir"/>.</summary>
    public static JsonElement Entry(string dir) => Index.First(m => m.GetProperty("dir").GetString() == dir);

    /// <summary>xunit theory data: every model dir listed in index.json (one placeholder row when absent).</summary>
    public static IEnumerable<object[]> AllDirs() =>
        Index.Length == 0 ? [["(no shared models)"]] : Index.Select(m => new object[] { m.GetProperty("dir").GetString()! });

    private static string? FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln")))
            {
                string models = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "models"));
                return File.Exists(Path.Combine(models, "index.json")) ? models : null;
            }
        }
        return null;
    }

    private static JsonElement[] LoadIndex()
    {
        if (_directory.Value is null) return [];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_directory.Value, "index.json")));
        return doc.RootElement.GetProperty("models").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
