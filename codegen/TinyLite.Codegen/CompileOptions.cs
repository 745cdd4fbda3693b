namespace TinyLite.Codegen;

/// <summary>Choices the user makes when compiling (the CLI's compile flags).</summary>
public sealed record CompileOptions
{
    /// <summary>Memory plan strategy; "layer" is the only one so far ("auto" picks it).</summary>
    public string Plan { get; init; } = "auto";
}
