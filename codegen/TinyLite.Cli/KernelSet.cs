namespace TinyLite.Cli;

/// <summary>The kernels <c>run</c> executes a model with (<c>--kernels</c>); <see cref="KernelSets.Names"/> spells them.</summary>
public enum KernelSet
{
    /// <summary>"managed": the C# kernels of nf-runtime.</summary>
    Managed,

    /// <summary>"native": the C kernels of native-kernels, through the host library.</summary>
    Native,
}
