namespace TinyLite.Codegen;

/// <summary>
/// Turns every operator problem of a model into one error, so a user sees all that stands between the model and an
/// image at once instead of fixing (or waiting for) one operator after another.
/// </summary>
public static class OperatorProblems
{
    /// <summary>
    /// One problem: its own one-line message. Several: a first line counting them, then one indented line per
    /// distinct problem (same operator type, dtypes and reason), naming every operator index that has it, in model
    /// order. <paramref name="problems"/> must not be empty.
    /// </summary>
    public static CompileException Combine(string model, IReadOnlyList<OperatorProblem> problems)
    {
        if (problems.Count == 0) throw new ArgumentException("no problems to report", nameof(problems));
        if (problems.Count == 1) return problems[0].ToException();
        var groups = problems.GroupBy(p => (p.Operator, p.Dtypes, p.What)).ToList();
        var lines = new List<string>
        {
            $"{model}: {problems.Count} operators cannot be compiled ({groups.Count} distinct problem{(groups.Count == 1 ? "" : "s")}):",
        };
        foreach (var g in groups)
        {
            var indexes = g.Select(p => p.OperatorIndex).ToList();
            string which = indexes.Count == 1 ? $"operator {indexes[0]}" : $"operators {string.Join(", ", indexes)}";
            lines.Add($"  {which} ({g.Key.Operator}, {g.Key.Dtypes}): {g.Key.What}");
        }
        return new CompileException(string.Join(Environment.NewLine, lines), problems);
    }
}
