namespace TinyLite.Codegen.Image;

/// <summary>What an image records about where it came from.</summary>
public sealed record ImageMetadata(string CompilerVersion, string GitCommit, string ModelSha256, string ModelName)
{
    /// <summary>The running compiler's version and git commit (stamped at build time), for a model.</summary>
    public static ImageMetadata ForModel(string modelSha256, string modelName)
    {
        var (version, commit) = CompilerInfo.VersionAndCommit();
        return new ImageMetadata(version, commit, modelSha256, modelName);
    }
}
