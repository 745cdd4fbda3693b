using TinyLite.Codegen.Report;

namespace TinyLite.Cli;

/// <summary>Whether one plan's figures fit a board's RAM and flash budgets.</summary>
public static class BoardFit
{
    /// <summary>True when the plan's device RAM and image fit <paramref name="board"/>'s budgets.</summary>
    public static bool Fits(BoardProfile board, PlanFigures plan) => RamNeed(board, plan) <= board.RamBytes && plan.ImageBytes <= board.FlashBytes;

    /// <summary>RAM the plan takes on the board: arena + interpreter state, + the image when the board holds it in RAM.</summary>
    public static long RamNeed(BoardProfile board, PlanFigures plan) => plan.ArenaBytes + plan.RuntimeRamBytes + (board.ImageInRam ? plan.ImageBytes : 0);
}
