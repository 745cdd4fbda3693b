using System.Text.Json;

namespace TinyLite.Tests.Support;

/// <summary>
/// The models of open issues in <c>../shared/models-next</c> beside the repository (never copied into it), same
/// layout and case conventions as <see cref="SharedModels"/>, multi-step cases included: a case with
/// <c>"steps": K</c> feeds K tensors per input file, one per Invoke on one interpreter, and its golden holds the K
/// outputs back to back.
/// </summary>
public static class NextModels
{
    /// <summary>The models-next folder, or null when it is absent.</summary>
    public static string? Root { get; } = Checkout.SharedFolder("models-next");

    /// <summary>Why tests that need models-next are skipped.</summary>
    public const string MissingMessage = "../shared/models-next is absent: golden tests of the open issues' models skipped";

    /// <summary>Folder of a model.</summary>
    public static string Dir(string model) => Path.Combine(Root!, model);

    /// <summary>Every case of a model from its meta.json, with its step count.</summary>
    public static IEnumerable<SteppedCase> Cases(string model)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(model), "meta.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return new SteppedCase(
                c.GetProperty("name").GetString()!,
                c.TryGetProperty("steps", out var s) ? s.GetInt32() : 1,
                c.GetProperty("inputs").EnumerateArray().Select(e => Path.Combine(Dir(model), e.GetString()!)).ToArray(),
                c.GetProperty("golden").EnumerateArray().Select(e => Path.Combine(Dir(model), e.GetString()!)).ToArray());
        }
    }

    /// <summary>xunit rows (model, case) over the given models' cases; one placeholder row when models-next is absent.</summary>
    public static IEnumerable<object[]> CaseRows(params string[] models)
    {
        if (Root == null)
        {
            yield return ["(no models-next)", ""];
            yield break;
        }
        foreach (var m in models)
            foreach (var c in Cases(m))
                yield return [m, c.Name];
    }
}

/// <summary>One case: its step count, input files in model order and golden output files.</summary>
public sealed record SteppedCase(string Name, int Steps, string[] Inputs, string[] Golden);
