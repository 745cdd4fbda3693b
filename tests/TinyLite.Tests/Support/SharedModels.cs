using System.Text.Json;

namespace TinyLite.Tests.Support;

/// <summary>
/// The golden test data in <c>../shared/models</c> beside the repository (never copied into it): models,
/// their cases (input files, golden outputs) and TFLM intermediates.
/// </summary>
public static class SharedModels
{
    /// <summary>Models whose operators belong to the keyword-spotting issue (Signal*, SVDF).</summary>
    public static readonly string[] KeywordSpottingOnly = ["micro_speech_audio_preprocessor_int8", "keyword_scrambled"];

    /// <summary>The models folder, or null when it is absent.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>Why tests that need the shared models are skipped.</summary>
    public const string MissingMessage = "../shared/models is absent: golden-model tests skipped";

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln")))
            {
                string models = Path.Combine(dir.FullName, "..", "shared", "models");
                return Directory.Exists(models) ? Path.GetFullPath(models) : null;
            }
        }
        return null;
    }

    /// <summary>Relative names ("kws_dscnn", "seanet/add/add0") of every model with a meta.json and model.tflite.</summary>
    public static IEnumerable<string> ModelNames(bool includeKeywordSpotting = false)
    {
        if (Root == null) yield break;
        foreach (var meta in Directory.EnumerateFiles(Root, "meta.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string dir = Path.GetDirectoryName(meta)!;
            if (!File.Exists(Path.Combine(dir, "model.tflite"))) continue;
            string rel = Path.GetRelativePath(Root, dir).Replace('\\', '/');
            if (!includeKeywordSpotting && KeywordSpottingOnly.Contains(rel)) continue;
            yield return rel;
        }
    }

    /// <summary>Folder of a model.</summary>
    public static string Dir(string model) => Path.Combine(Root!, model);

    /// <summary>The single-step cases of a model from its meta.json.</summary>
    public static IEnumerable<GoldenCase> Cases(string model)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(model), "meta.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int steps = c.TryGetProperty("steps", out var s) ? s.GetInt32() : 1;
            if (steps != 1) continue;
            yield return new GoldenCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("inputs").EnumerateArray().Select(e => Path.Combine(Dir(model), e.GetString()!)).ToArray(),
                c.GetProperty("golden").EnumerateArray().Select(e => Path.Combine(Dir(model), e.GetString()!)).ToArray());
        }
    }

    /// <summary>xunit rows (model, case) over every model and single-step case; one placeholder row when absent.</summary>
    public static IEnumerable<object[]> CaseRows()
    {
        if (Root == null)
        {
            yield return ["(no shared models)", ""];
            yield break;
        }
        foreach (var m in ModelNames())
            foreach (var c in Cases(m))
                yield return [m, c.Name];
    }
}

/// <summary>One case: input files in model order and golden output files.</summary>
public sealed record GoldenCase(string Name, string[] Inputs, string[] Golden);
