namespace TinyLite.Codegen.Quantize;

/// <summary>What <c>tinylite quantize</c> (and <c>compile --weights</c>) asks of <see cref="WeightQuantizer"/>.</summary>
public sealed record QuantizeOptions
{
    /// <summary><see cref="WeightPrecision.Int4"/>: every candidate layer; <see cref="WeightPrecision.Auto"/>: those within <see cref="MaxErrorDb"/>.</summary>
    public WeightPrecision Weights { get; init; } = WeightPrecision.Int4;

    /// <summary>A folder of raw input files (one case each), or null for <see cref="GeneratedCases"/> generated inputs.</summary>
    public string? CalibrationFolder { get; init; }

    /// <summary>Cases generated when there is no <see cref="CalibrationFolder"/>.</summary>
    public int GeneratedCases { get; init; } = CalibrationSet.DefaultGeneratedCount;

    /// <summary>
    /// Auto's budget: the most output error one layer's int4 weights may cause, as noise relative to the int8
    /// model's output in dB (10·log10(noise / signal), so -20 means an output SQNR of at least 20 dB).
    /// </summary>
    public double MaxErrorDb { get; init; } = DefaultMaxErrorDb;

    /// <summary>Measure the final model against the int8 one on the calibration cases (auto always measures).</summary>
    public bool MeasureAgreement { get; init; } = true;

    /// <summary>The default <see cref="MaxErrorDb"/>.</summary>
    public const double DefaultMaxErrorDb = -20;
}
