using System.Text.Json;
using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>Board budgets from <c>boards/NAME/board.json</c>: does a compiled model fit?</summary>
public static class Boards
{
    /// <summary>Throws a <see cref="CliError"/> saying by how much the model misses the board's budget.</summary>
    public static void Check(string name, CompiledModel compiled, string modelPath)
    {
        string file = Path.Combine(RepoRoot(), "boards", name, "board.json");
        if (!File.Exists(file))
        {
            var known = Directory.Exists(Path.Combine(RepoRoot(), "boards"))
                ? Directory.GetDirectories(Path.Combine(RepoRoot(), "boards")).Where(d => File.Exists(Path.Combine(d, "board.json"))).Select(Path.GetFileName)
                : [];
            throw new CliError($"--board {name}: unknown board (known: {string.Join(", ", known)})");
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        long ram = doc.RootElement.GetProperty("ram_bytes_for_tinylite").GetInt64();
        long flash = doc.RootElement.GetProperty("flash_bytes_for_tinylite").GetInt64();
        var rep = compiled.Report;
        long needRam = rep.ArenaBytes + rep.RuntimeRamBytes;
        string model = Path.GetFileName(modelPath);
        if (needRam > ram)
            throw new CliError($"{model}: does not fit board {name}: needs {needRam} bytes of RAM (arena {rep.ArenaBytes} + runtime {rep.RuntimeRamBytes}) but the board leaves {ram} for TinyLite, {needRam - ram} bytes too many; {Advice(compiled, ram - rep.RuntimeRamBytes)}");
        if (rep.ImageBytes > flash)
            throw new CliError($"{model}: does not fit board {name}: the image takes {rep.ImageBytes} bytes of flash but the board leaves {flash}, {rep.ImageBytes - flash} bytes too many; --weights int4 may help");
    }

    /// <summary>Which other plan leaves the arena within <paramref name="arenaBudget"/>, or that none does.</summary>
    private static string Advice(CompiledModel compiled, long arenaBudget)
    {
        var others = compiled.Alternatives.Where(p => p.Strategy != compiled.Plan.Strategy).OrderBy(p => p.ArenaBytes).ToList();
        string each = string.Join(", ", compiled.Alternatives.Select(p => $"{p.Strategy} {p.ArenaBytes}"));
        var fits = others.FirstOrDefault(p => p.ArenaBytes <= arenaBudget);
        if (fits != null) return $"--plan {fits.Strategy} needs an arena of {fits.ArenaBytes} bytes and fits (arena per plan: {each})";
        return $"no plan fits (arena per plan: {each}); a larger --max-extra-macs lets the patch plan recompute more, or the model must shrink";
    }

    /// <summary>The repository root: the folder holding TinyLite.sln above the running assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
