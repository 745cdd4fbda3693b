using System.Text;
using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>The quantized graph and what the quantizer measured and chose, for the report.</summary>
public sealed record QuantizeResult
{
    /// <summary>The model with the chosen layers in int4 (a copy; the source graph is unchanged).</summary>
    public required Graph Graph { get; init; }
    /// <summary>One choice per candidate layer, in model order.</summary>
    public required IReadOnlyList<LayerChoice> Choices { get; init; }
    /// <summary>Weighted layers that were not candidates, with the reason.</summary>
    public required IReadOnlyList<KeptLayer> Kept { get; init; }
    /// <summary>The final model against the int8 model on the calibration cases, when measured.</summary>
    public OutputAgreement? Agreement { get; init; }
    /// <summary>The final model's logits SQNR against the int8 model's (<see cref="LogitsView"/>), when measured.</summary>
    public double? LogitsSqnrDb { get; init; }
    /// <summary>Where the calibration cases came from ("12 files in calib/", "32 generated inputs").</summary>
    public string CalibrationSource { get; init; } = "";
    /// <summary>Weight bytes (weights only, not biases) of the candidate layers before and after.</summary>
    public long WeightBytesBefore { get; init; }
    /// <inheritdoc cref="WeightBytesBefore"/>
    public long WeightBytesAfter { get; init; }

    /// <summary>Why the agreement was not measured (int4 of a model TinyLite cannot run), or null.</summary>
    public string? NotMeasured { get; init; }

    /// <summary>Bytes of the int32 biases of the candidate layers (unchanged by int4: TFLM keeps the bias int32).</summary>
    public long BiasBytes { get; init; }

    /// <summary>The report: one line per layer, then the totals and the agreement.</summary>
    public string ToText(WeightPrecision weights)
    {
        var s = new StringBuilder();
        foreach (var c in Choices)
        {
            string sqnr = c.SqnrDb is { } db ? $"alone in int4: SQNR {OutputAgreement.Db(db),8}" : "";
            string why = c.KeptBecause is { } k ? $" ({k})" : "";
            s.AppendLine($"  layer {c.Layer.Describe(),-22} {c.Layer.WeightCount,8} weights  {sqnr,-30} -> {(c.Int4 ? "int4" : "int8")}{why}");
        }
        foreach (var k in Kept)
            s.AppendLine($"  layer {k.OperatorIndex + " " + k.OperatorName,-22} kept: {k.Reason}");
        int chosen = Choices.Count(c => c.Int4);
        double ratio = WeightBytesBefore + BiasBytes == 0 ? 1 : (double)(WeightBytesAfter + BiasBytes) / (WeightBytesBefore + BiasBytes);
        s.AppendLine($"  {chosen} of {Choices.Count} layers int4 ({weights.Name()}): weight bytes {WeightBytesBefore} -> {WeightBytesAfter}, " +
            $"with int32 biases {WeightBytesBefore + BiasBytes} -> {WeightBytesAfter + BiasBytes} ({ratio:0.000}x)");
        if (NotMeasured is { } reason)
            s.AppendLine($"  agreement with the int8 model not measured: {reason}");
        if (Agreement is { } a)
            s.AppendLine($"  vs the int8 model on {CalibrationSource}: top-1 agreement {a.Top1Agreement * 100:0.0}%, mean |output diff| {a.MeanAbsDifference:0.#####}, logits SQNR {OutputAgreement.Db(LogitsSqnrDb ?? a.SqnrDb)}");
        return s.ToString();
    }
}
