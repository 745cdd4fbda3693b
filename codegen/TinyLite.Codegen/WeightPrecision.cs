namespace TinyLite.Codegen;

/// <summary>The precision of the weights in the image (<c>compile --weights</c>); <see cref="WeightPrecisions.Names"/> spells them.</summary>
public enum WeightPrecision
{
    /// <summary>"int8": the model's own weights (int8, or int4 where the model already has int4 weights).</summary>
    Int8,

    /// <summary>"int4": requantize int8 weights to int4 (not implemented yet: the compiler refuses it).</summary>
    Int4,

    /// <summary>"auto": int4 where it keeps the model's accuracy; until int4 requantization exists, as <see cref="Int8"/>.</summary>
    Auto,
}
