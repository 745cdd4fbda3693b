using System.Text.Json;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// index.json of the golden models in <c>../shared/models</c> (found by <see cref="Support.SharedModels"/>). They are
/// not part of the repository; tests that need them skip with a message when the folder is absent.
/// </summary>
internal static class SharedModelIndex
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

    /// <summary>Model dirs that have intermediates/random_0/tensors.json (one placeholder row when none).</summary>
    public static IEnumerable<object[]> DirsWithIntermediates()
    {
        var dirs = Index.Select(m => m.GetProperty("dir").GetString()!)
            .Where(d => File.Exists(IntermediatesPath(d))).ToArray();
        return dirs.Length == 0 ? [["(no shared models)"]] : dirs.Select(d => new object[] { d });
    }

    /// <summary>Path of a model's intermediates/random_0/tensors.json.</summary>
    public static string IntermediatesPath(string dir) =>
        Path.Combine(_directory.Value ?? "", dir, "intermediates", "random_0", "tensors.json");

    private static string? FindDirectory() =>
        Support.SharedModels.Root is { } root && File.Exists(Path.Combine(root, "index.json")) ? root : null;

    private static JsonElement[] LoadIndex()
    {
        if (_directory.Value is null) return [];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_directory.Value, "index.json")));
        return doc.RootElement.GetProperty("models").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
