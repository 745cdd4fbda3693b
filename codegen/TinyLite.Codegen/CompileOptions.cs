namespace TinyLite.Codegen;

/// <summary>Choices the user makes when compiling (the CLI's compile flags).</summary>
public sealed record CompileOptions
{
    /// <summary>
    /// Memory plan strategy: "layer" (layer by layer), "inplace" (outputs over dying inputs where the kernel
    /// allows it) or "auto" (the smaller arena of the two); "patch" and "stream" are not implemented yet.
    /// </summary>
    public string Plan { get; init; } = "auto";
}
