namespace TinyLite.Codegen;

/// <summary>Choices the user makes when compiling (the CLI's compile flags).</summary>
public sealed record CompileOptions
{
    /// <summary>
    /// Memory plan strategy: "layer" (layer by layer), "inplace" (outputs over dying inputs where the kernel
    /// allows it) or "auto" (the smaller arena of the two); "patch" and "stream" are not implemented yet.
    /// </summary>
    public string Plan { get; init; } = "auto";

    /// <summary>
    /// Reserve, in the arena plan, the scratch the optional CMSIS-NN backend of the native kernels needs for int8
    /// CONV_2D, DEPTHWISE_CONV_2D and AVERAGE_POOL_2D (see Lowering/Conv/CmsisNnScratch.cs). Off by default: the images of the
    /// reference kernels carry no scratch; a CMSIS-NN build runs images compiled without it on its reference kernels.
    /// </summary>
    public bool CmsisNn { get; init; }
}
