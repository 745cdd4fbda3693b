using System.Globalization;
using TinyLite.Codegen;
using TinyLite.Codegen.Report;

namespace TinyLite.Cli;

/// <summary>
/// <c>compile --board NAME</c>: does a compiled model fit the board's budgets (<c>boards/NAME/board.json</c>), and how
/// long would one inference take there (<c>boards/speed.json</c>)?
/// </summary>
public static class Boards
{
    /// <summary>
    /// Checks the compiled model against the board's budgets, each plan with its own figures
    /// (<see cref="CompiledModel.PlanFigures"/>: arena, interpreter state and image of that plan's image). Returns the
    /// model to write (under <c>--plan auto</c>, another plan's when auto's pick does not fit and another does;
    /// <paramref name="compileWithPlan"/> compiles it) and the line <c>compile --board</c> prints: the budgets used and
    /// the estimated milliseconds per inference. Throws a <see cref="CliError"/> when the named plan does not fit
    /// (naming the plans that do) or when no plan fits (naming the budgets, each plan's need and what to try).
    /// </summary>
    public static (CompiledModel Compiled, string Line) Check(BoardProfile board, CompiledModel compiled, string modelPath,
        PlanStrategy requested, double maxExtraMacs, Func<PlanStrategy, CompiledModel> compileWithPlan)
    {
        string model = Path.GetFileName(modelPath);
        var figures = compiled.PlanFigures;
        var chosen = figures.Single(f => f.Strategy == compiled.Plan.Strategy);
        if (BoardFit.Fits(board, chosen)) return (compiled, FitsLine(board, compiled, chosen, ""));

        var fitting = figures.Where(f => BoardFit.Fits(board, f)).ToList();
        if (requested == PlanStrategy.Auto)
        {
            var eligible = fitting.Where(f => f.ExtraMacs <= compiled.Report.Macs * maxExtraMacs).ToList();
            if (eligible.Count > 0)
            {
                var pick = PlanChoice.Pick(eligible);
                var recompiled = compileWithPlan(pick.Strategy);
                string why = $" (auto's first choice, {chosen.Strategy.Name()}, {Misses(board, chosen)}; {pick.Strategy.Name()} is the plan with the least device RAM that fits)";
                return (recompiled, FitsLine(board, recompiled, recompiled.PlanFigures.Single(f => f.Strategy == pick.Strategy), why));
            }
        }
        else if (fitting.Count > 0)
        {
            throw new CliError($"{model}: --plan {requested.Name()} does not fit board {board.Name}: it {Misses(board, chosen)}; "
                + $"these plans fit: {string.Join(", ", fitting.Select(f => $"--plan {f.Strategy.Name()} ({N(BoardFit.RamNeed(board, f))} B of RAM)"))} (RAM needed per plan: {NeedPerPlan(board, figures)})");
        }
        throw new CliError($"{model}: does not fit board {board.Name}: no plan fits its budgets of {N(board.RamBytes)} bytes of RAM and {N(board.FlashBytes)} of flash "
            + $"(RAM needed per plan: {NeedPerPlan(board, figures)}); {WhatToTry(board, figures)}");
    }

    private static string FitsLine(BoardProfile board, CompiledModel compiled, PlanFigures plan, string why)
    {
        var rep = compiled.Report;
        var speed = SpeedEstimate.For(board, rep.Plan, rep.Macs + rep.ExtraMacs, SpeedFile());
        return $"board {board.Name}: fits with plan {plan.Strategy.Name()}{why} (RAM {N(BoardFit.RamNeed(board, plan))} of {N(board.RamBytes)} B: {RamParts(board, plan)}; flash {N(plan.ImageBytes)} of {N(board.FlashBytes)} B); "
               + $"estimated {SpeedEstimate.FormatMs(speed.NativeMs)} per inference with native kernels, {SpeedEstimate.FormatMs(speed.ManagedMs)} with managed kernels "
               + $"(assumptions: {speed.Assumptions})";
    }

    /// <summary>"needs 331,692 bytes of RAM (...) but the board leaves 80,896, 250,796 too many" (or the same for flash).</summary>
    private static string Misses(BoardProfile board, PlanFigures plan)
    {
        long ram = BoardFit.RamNeed(board, plan);
        if (ram > board.RamBytes)
            return $"needs {N(ram)} bytes of RAM ({RamParts(board, plan)}) but the board leaves {N(board.RamBytes)} for TinyLite, {N(ram - board.RamBytes)} bytes too many";
        return $"takes {N(plan.ImageBytes)} bytes of flash but the board leaves {N(board.FlashBytes)}, {N(plan.ImageBytes - board.FlashBytes)} bytes too many";
    }

    /// <summary>"arena 8,490 + interpreter 6,480 + image 34,576, a byte[] in the managed heap" (no image when it stays in flash).</summary>
    private static string RamParts(BoardProfile board, PlanFigures plan) =>
        board.ImageInRam ? RamTerms(board, plan) + ", a byte[] in the managed heap" : RamTerms(board, plan);

    /// <summary>"layer 323,648 B (arena 55,296 + interpreter 14,496 + image 253,856), ..." (flash too when a plan misses it).</summary>
    private static string NeedPerPlan(BoardProfile board, IReadOnlyList<PlanFigures> figures)
    {
        bool flash = figures.Any(f => f.ImageBytes > board.FlashBytes);
        return string.Join(", ", figures.Select(f =>
            $"{f.Strategy.Name()} {N(BoardFit.RamNeed(board, f))} B ({RamTerms(board, f)}){(flash ? $" and {N(f.ImageBytes)} B of flash" : "")}"));
    }

    private static string RamTerms(BoardProfile board, PlanFigures plan)
    {
        string parts = $"arena {N(plan.ArenaBytes)} + interpreter {N(plan.RuntimeRamBytes)}";
        return board.ImageInRam ? parts + $" + image {N(plan.ImageBytes)}" : parts;
    }

    /// <summary>What could make the model fit, from what stands in the way.</summary>
    private static string WhatToTry(BoardProfile board, IReadOnlyList<PlanFigures> figures)
    {
        var tries = new List<string>();
        long smallestImage = figures.Min(f => f.ImageBytes);
        if (smallestImage > board.FlashBytes)
            tries.Add($"the image alone ({N(smallestImage)} bytes) is more than the flash budget: the model must shrink, or try a board with more flash");
        else if (board.ImageInRam && smallestImage >= board.RamBytes)
            tries.Add($"the image alone ({N(smallestImage)} bytes) is more than the RAM budget, and nanoFramework holds it as a byte[] in the managed heap (Resources.GetBytes copies it there): try a board with a larger managed heap (e.g. esp32-psram) or firmware that runs the image from flash (--emit-c with the native runner)");
        else
        {
            if (figures.Any(f => f.Strategy == PlanStrategy.Patch))
                tries.Add("try a larger --max-extra-macs (the patch plan recomputes more rows for a smaller arena)");
            tries.Add((tries.Count > 0 ? "or " : "try ") + (board.ImageInRam
                ? "a board with a larger managed heap, or firmware that runs the image from flash (--emit-c with the native runner)"
                : "a board with more RAM, or a smaller model"));
        }
        return string.Join("; ", tries);
    }

    /// <summary>The board's profile; a <see cref="CliError"/> listing the known boards when there is none.</summary>
    public static BoardProfile Load(string name)
    {
        string boards = ToolFiles.Folder("boards");
        string file = Path.Combine(boards, name, "board.json");
        if (!Directory.Exists(boards))
            throw new CliError($"--board {name}: no boards/ folder next to tinylite ({ToolFiles.InstallFolder}) nor in a TinyLite checkout");
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
    public static string SpeedFile() => Path.Combine(ToolFiles.Folder("boards"), "speed.json");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The repository root: the folder holding TinyLite.sln above the running assembly; the current folder when the
    /// CLI does not run from a checkout (an installed tool).
    /// </summary>
    public static string RepoRoot() => FindRepoRoot() ?? Directory.GetCurrentDirectory();

    /// <summary>The folder holding TinyLite.sln above the running assembly, or null outside a checkout.</summary>
    public static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln"))) return dir.FullName;
        return null;
    }
}
