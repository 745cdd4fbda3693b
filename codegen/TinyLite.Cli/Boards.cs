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
            throw new CliError($"{model}: does not fit board {name}: needs {needRam} bytes of RAM (arena {rep.ArenaBytes} + runtime {rep.RuntimeRamBytes}) but the board leaves {ram} for TinyLite, {needRam - ram} bytes too many; a smaller --plan (inplace, patch, stream) may help");
        if (rep.ImageBytes > flash)
            throw new CliError($"{model}: does not fit board {name}: the image takes {rep.ImageBytes} bytes of flash but the board leaves {flash}, {rep.ImageBytes - flash} bytes too many; --weights int4 may help");
    }

    /// <summary>The repository root: the folder holding TinyLite.sln above the running assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
