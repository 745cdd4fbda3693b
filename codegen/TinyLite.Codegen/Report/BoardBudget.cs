namespace TinyLite.Codegen.Report;

/// <summary>A board's RAM budget for TinyLite, drawn as a line in the memory picture.</summary>
/// <param name="Board">The board's name (<c>--board</c>).</param>
/// <param name="RamBytes">Bytes of RAM the board leaves for TinyLite: arena + interpreter state (+ image when in RAM).</param>
public sealed record BoardBudget(string Board, long RamBytes);
