using System.Globalization;
using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>
/// <c>compile --board NAME</c>: does a compiled model fit the board's budgets (<c>boards/NAME/board.json</c>), and how
/// long would one inference take there (<c>boards/speed.json</c>)?
/// </summary>
public static class Boards
{
    /// <summary>
    /// The line <c>compile --board</c> prints when the model fits: the budgets used and the estimated milliseconds per
    /// inference. Throws a <see cref="CliError"/> saying by how much the model misses a budget, and which other plan
    /// would fit; <paramref name="compileWithPlan"/> compiles the same model under another plan for that advice.
    /// </summary>
    public static string Check(string name, CompiledModel compiled, string modelPath, Func<PlanStrategy, CompiledModel> compileWithPlan)
    {
        var board = Load(name);
        var rep = compiled.Report;
        long needRam = RamNeed(board, compiled);
        string model = Path.GetFileName(modelPath);
        if (needRam > board.RamBytes)
            throw new CliError($"{model}: does not fit board {name}: needs {N(needRam)} bytes of RAM ({RamParts(board, compiled)}) but the board leaves {N(board.RamBytes)} for TinyLite, {N(needRam - board.RamBytes)} bytes too many; {Advice(board, compiled, compileWithPlan)}");
        if (rep.ImageBytes > board.FlashBytes)
            throw new CliError($"{model}: does not fit board {name}: the image takes {N(rep.ImageBytes)} bytes of flash but the board leaves {N(board.FlashBytes)}, {N(rep.ImageBytes - board.FlashBytes)} bytes too many; --weights int4 may help");
        var speed = SpeedEstimate.For(board, rep.Plan, rep.Macs + rep.ExtraMacs, SpeedFile());
        return $"board {name}: fits (RAM {N(needRam)} of {N(board.RamBytes)} B: {RamParts(board, compiled)}; flash {N(rep.ImageBytes)} of {N(board.FlashBytes)} B); "
               + $"estimated {SpeedEstimate.FormatMs(speed.NativeMs)} per inference with native kernels, {SpeedEstimate.FormatMs(speed.ManagedMs)} with managed kernels "
               + $"(assumptions: {speed.Assumptions})";
    }

    /// <summary>The board's profile; a <see cref="CliError"/> listing the known boards when there is none.</summary>
    public static BoardProfile Load(string name)
    {
        string boards = Path.Combine(RepoRoot(), "boards");
        string file = Path.Combine(boards, name, "board.json");
        if (!File.Exists(file))
        {
            var known = Directory.Exists(boards)
                ? Directory.GetDirectories(boards).Where(d => File.Exists(Path.Combine(d, "board.json"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray()
                : [];
            throw new CliError($"--board {name}: unknown board (known: {string.Join(", ", known)})");
        }
        return BoardProfile.Load(name, file);
    }

    /// <summary>The speed figures: <c>boards/speed.json</c>.</summary>
    public static string SpeedFile() => Path.Combine(RepoRoot(), "boards", "speed.json");

    /// <summary>RAM the model takes on the board: arena, interpreter state, and the image when the board holds it in RAM.</summary>
    private static long RamNeed(BoardProfile board, CompiledModel compiled)
        => compiled.Report.ArenaBytes + compiled.Report.RuntimeRamBytes + (board.ImageInRam ? compiled.Report.ImageBytes : 0);

    private static string RamParts(BoardProfile board, CompiledModel compiled)
    {
        var rep = compiled.Report;
        string parts = $"arena {N(rep.ArenaBytes)} + interpreter {N(rep.RuntimeRamBytes)}";
        return board.ImageInRam ? parts + $" + image {N(rep.ImageBytes)}, a byte[] in the managed heap" : parts;
    }

    /// <summary>
    /// Which other plan fits the board's RAM, or that none does. Each plan is compiled on its own: its interpreter
    /// state and image differ from the chosen plan's (more kernel calls for streamed or patched layers).
    /// </summary>
    private static string Advice(BoardProfile board, CompiledModel compiled, Func<PlanStrategy, CompiledModel> compileWithPlan)
    {
        string each = string.Join(", ", compiled.Alternatives.Select(p => $"{p.Strategy.Name()} {p.ArenaBytes}"));
        var fits = compiled.Alternatives
            .Where(p => p.Strategy != compiled.Plan.Strategy)
            .Select(p => compileWithPlan(p.Strategy))
            .Select(c => (Compiled: c, Need: RamNeed(board, c)))
            .Where(c => c.Need <= board.RamBytes)
            .OrderBy(c => c.Need)
            .Select(c => c.Compiled)
            .FirstOrDefault();
        if (fits != null)
            return $"--plan {fits.Plan.Strategy.Name()} needs an arena of {N(fits.Report.ArenaBytes)} bytes, {N(RamNeed(board, fits))} in all, and fits (arena per plan: {each})";
        if (board.ImageInRam && compiled.Report.ImageBytes >= board.RamBytes)
            return $"no plan fits: the image alone ({N(compiled.Report.ImageBytes)} bytes) is more than the budget (arena per plan: {each}); --weights int4 may help, or a board with a larger managed heap";
        return $"no plan fits (arena per plan: {each}); a larger --max-extra-macs lets the patch plan recompute more, or the model must shrink";
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The repository root: the folder holding TinyLite.sln above the running assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
