namespace TinyLite.Codegen;

/// <summary>
/// A model the compiler cannot accept. The message is one line that names the model, the operator
/// (index and type) or tensor, and what is wrong; the CLI prints it as is.
/// </summary>
public sealed class CompileException(string message) : Exception(message);
