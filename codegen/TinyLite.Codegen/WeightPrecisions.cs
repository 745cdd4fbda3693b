namespace TinyLite.Codegen;

/// <summary>The names of the <see cref="WeightPrecision"/> values.</summary>
public static class WeightPrecisions
{
    /// <summary>"int8", "int4", "auto": the <c>--weights</c> values, in the order the CLI lists them.</summary>
    public static readonly EnumNames<WeightPrecision> Names = new(
        (WeightPrecision.Int8, "int8"), (WeightPrecision.Int4, "int4"), (WeightPrecision.Auto, "auto"));

    /// <summary>The precision's name ("int4" for <see cref="WeightPrecision.Int4"/>): use it in every message.</summary>
    public static string Name(this WeightPrecision precision) => Names.Name(precision);
}
