namespace TinyLite.Codegen;

/// <summary>
/// A memory plan strategy (<c>compile --plan</c>); <see cref="PlanStrategies.Names"/> spells them at the edges.
/// A <see cref="Planning.MemoryPlan"/> is made by one of the four concrete strategies, never by <see cref="Auto"/>.
/// </summary>
public enum PlanStrategy
{
    /// <summary>"auto": the smallest arena whose extra MACs stay within <see cref="CompileOptions.MaxExtraMacs"/>.</summary>
    Auto,

    /// <summary>"layer": layer by layer, every tensor in its own block.</summary>
    Layer,

    /// <summary>"inplace": outputs over dying inputs where the kernel allows it.</summary>
    InPlace,

    /// <summary>"stream": line-buffer streaming of runs of layers, on top of in place.</summary>
    Stream,

    /// <summary>"patch": runs of layers in horizontal strips that recompute their halo rows.</summary>
    Patch,
}
