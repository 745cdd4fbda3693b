namespace TinyLite.Codegen;

/// <summary>The precision of the weights in the image (<c>compile --weights</c>); <see cref="WeightPrecisions.Names"/> spells them.</summary>
public enum WeightPrecision
{
    /// <summary>"int8": the model's own weights (int8, or int4 where the model already has int4 weights).</summary>
    Int8,

    /// <summary>"int4": requantize the int8 weights of every layer TFLM can run with int4 weights (<see cref="Quantize.WeightQuantizer"/>).</summary>
    Int4,

    /// <summary>"auto": int4 where the model's output error stays within a budget, int8 elsewhere (<see cref="Quantize.WeightQuantizer"/>).</summary>
    Auto,
}
