using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>The names of the <see cref="KernelSet"/> values.</summary>
public static class KernelSets
{
    /// <summary>"managed", "native": the <c>--kernels</c> values, in the order the CLI lists them.</summary>
    public static readonly EnumNames<KernelSet> Names = new((KernelSet.Managed, "managed"), (KernelSet.Native, "native"));
}
