using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// Requantizes int8 weights to int4 (<c>tinylite quantize</c>, <c>compile --weights</c>). int4: every candidate
/// layer (<see cref="WeightLayers"/>). auto: each candidate alone in int4, the model's output compared with the int8
/// model's on the calibration cases; the layers whose error stays within the budget become int4 together, and the
/// final model is measured against the int8 one.
/// </summary>
public static class WeightQuantizer
{
    /// <summary>Quantizes <paramref name="graph"/> (not changed); layers already in int4 stay as they are.</summary>
    /// <exception cref="CompileException">An unsupported weight layout, or a bad calibration folder.</exception>
    public static QuantizeResult Quantize(Graph graph, QuantizeOptions options)
    {
        if (options.Weights == WeightPrecision.Int8)
            throw new ArgumentException("int8 is not a quantization target", nameof(options));
        var (candidates, kept) = WeightLayers.Find(graph);
        bool measure = options.Weights == WeightPrecision.Auto || options.MeasureAgreement;
        List<byte[][]> cases = [];
        string source = "";
        if (measure)
        {
            cases = options.CalibrationFolder is { } folder
                ? CalibrationSet.FromFolder(graph, folder)
                : CalibrationSet.Generated(graph, options.GeneratedCases);
            source = options.CalibrationFolder is { } f ? $"{cases.Count} files in {f}" : $"{cases.Count} generated inputs";
        }
        double[][]? reference = measure && candidates.Count > 0 ? ModelRunner.Run(graph, cases) : null;
        int top1Length = (int)graph.Tensors[graph.Outputs[0]].ElementCount;

        var choices = new List<LayerChoice>();
        foreach (var layer in candidates)
        {
            if (options.Weights == WeightPrecision.Int4)
            {
                choices.Add(new LayerChoice(layer, true, null));
                continue;
            }
            var alone = ModelRunner.Run(Int4Rewriter.Apply(graph, [layer]), cases);
            double sqnr = OutputAgreement.Compare(reference!, alone, top1Length).SqnrDb;
            choices.Add(new LayerChoice(layer, -sqnr <= options.MaxErrorDb, sqnr));
        }

        var chosen = choices.Where(c => c.Int4).Select(c => c.Layer).ToList();
        var quantized = Int4Rewriter.Apply(graph, chosen);
        OutputAgreement? agreement = reference is null ? null
            : OutputAgreement.Compare(reference, chosen.Count == 0 ? reference : ModelRunner.Run(quantized, cases), top1Length);
        long before = candidates.Sum(l => l.WeightCount);
        long after = candidates.Sum(l => chosen.Contains(l) ? (l.WeightCount + 1) / 2 : l.WeightCount);
        return new QuantizeResult
        {
            Graph = quantized, Choices = choices, Kept = kept, Agreement = agreement, CalibrationSource = source,
            WeightBytesBefore = before, WeightBytesAfter = after,
        };
    }
}
