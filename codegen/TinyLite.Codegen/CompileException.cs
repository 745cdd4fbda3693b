namespace TinyLite.Codegen;

/// <summary>
/// A model the compiler cannot accept. The message names the model, the operator (index and type) or tensor, and
/// what is wrong; the CLI prints it as is. When operators are at fault, <see cref="Problems"/> lists each one, so
/// the compiler can report every operator of a model it cannot compile at once (<see cref="OperatorProblems"/>).
/// </summary>
public sealed class CompileException : Exception
{
    /// <summary>A failure that is not (only) one operator's: a malformed file, a graph-level limit, a plan.</summary>
    public CompileException(string message) : base(message)
    {
        Problems = [];
    }

    /// <summary>A failure of the operators in <paramref name="problems"/>, described by <paramref name="message"/>.</summary>
    public CompileException(string message, IReadOnlyList<OperatorProblem> problems) : base(message)
    {
        Problems = problems;
    }

    /// <summary>The operators at fault, in model order; empty when the failure is not an operator's.</summary>
    public IReadOnlyList<OperatorProblem> Problems { get; }
}
