namespace TinyLite.Codegen;

/// <summary>The names of the <see cref="PlanStrategy"/> values and the strategies that make plans.</summary>
public static class PlanStrategies
{
    /// <summary>
    /// "layer", "inplace", "patch", "stream", "auto": the <c>--plan</c> values, the report's <c>plan</c> field, in the
    /// order the CLI lists them.
    /// </summary>
    public static readonly EnumNames<PlanStrategy> Names = new(
        (PlanStrategy.Layer, "layer"), (PlanStrategy.InPlace, "inplace"), (PlanStrategy.Patch, "patch"),
        (PlanStrategy.Stream, "stream"), (PlanStrategy.Auto, "auto"));

    /// <summary>
    /// The strategies that make a plan, simplest first (so "auto" keeps the plain layer-by-layer plan on a tie, then
    /// in place, then streaming over patches).
    /// </summary>
    public static readonly IReadOnlyList<PlanStrategy> Concrete = [PlanStrategy.Layer, PlanStrategy.InPlace, PlanStrategy.Stream, PlanStrategy.Patch];

    /// <summary>The strategy's name ("inplace" for <see cref="PlanStrategy.InPlace"/>): use it in every message.</summary>
    public static string Name(this PlanStrategy strategy) => Names.Name(strategy);
}
