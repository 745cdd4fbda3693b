using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// Requantizes int8 weights to int4 (<c>tinylite quantize</c>, <c>compile --weights</c>). int4: every candidate
/// layer (<see cref="WeightLayers"/>). auto: each candidate alone in int4, the model's logits (<see cref="LogitsView"/>)
/// compared with the int8 model's on the calibration cases (output SQNR); the layers whose error stays within the
/// budget become int4 together, and the final model is measured against the int8 one.
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
        // Sensitivity is measured on the logits (LogitsView), agreement on the model's own outputs.
        var logits = LogitsView.Of(graph);
        double[][]? logitsReference = options.Weights == WeightPrecision.Auto ? ModelRunner.Run(logits, cases) : null;

        var choices = options.Weights == WeightPrecision.Int4
            ? candidates.Select(l => new LayerChoice(l, true, null)).ToList()
            : Choose(logits, candidates, cases, logitsReference!, options.MaxErrorDb);
        var chosen = choices.Where(c => c.Int4).Select(c => c.Layer).ToList();
        var quantized = Int4Rewriter.Apply(graph, chosen);
        OutputAgreement? agreement = null;
        double? logitsSqnr = null;
        string? notMeasured = null;
        if (measure)
        {
            try
            {
                (agreement, logitsSqnr) = Measure(graph, logits, quantized, chosen, cases, logitsReference);
            }
            catch (CompileException e) when (options.Weights == WeightPrecision.Int4)
            {
                // int4 needs no measurement to choose: a model TinyLite cannot run is still quantized.
                notMeasured = e.Message;
            }
        }
        long before = candidates.Sum(l => l.WeightCount);
        long after = candidates.Sum(l => chosen.Contains(l) ? (l.WeightCount + 1) / 2 : l.WeightCount);
        return new QuantizeResult
        {
            Graph = quantized, Choices = choices, Kept = kept, Agreement = agreement, LogitsSqnrDb = logitsSqnr, CalibrationSource = source, NotMeasured = notMeasured,
            WeightBytesBefore = before, WeightBytesAfter = after,
            BiasBytes = candidates.Where(l => l.Bias >= 0).Sum(l => graph.Tensors[l.Bias].ByteSize),
        };
    }

    /// <summary>The final model against the int8 model: agreement of the outputs, SQNR of the logits.</summary>
    private static (OutputAgreement, double) Measure(Graph graph, Graph logits, Graph quantized, List<WeightLayer> chosen,
        List<byte[][]> cases, double[][]? logitsReference)
    {
        int logitsLength = (int)logits.Tensors[logits.Outputs[0]].ElementCount;
        logitsReference ??= ModelRunner.Run(logits, cases);
        double logitsSqnr = chosen.Count == 0 ? double.PositiveInfinity
            : OutputAgreement.Compare(logitsReference, ModelRunner.Run(Int4Rewriter.Apply(logits, chosen), cases), logitsLength).SqnrDb;
        var reference = ModelRunner.Run(graph, cases);
        int top1Length = (int)graph.Tensors[graph.Outputs[0]].ElementCount;
        return (OutputAgreement.Compare(reference, chosen.Count == 0 ? reference : ModelRunner.Run(quantized, cases), top1Length), logitsSqnr);
    }

    /// <summary>
    /// Auto: each layer alone in int4 is measured; then, best first, a layer becomes int4 when the model with it and
    /// the layers already chosen still has a logits error within the budget, so the budget holds for the whole model
    /// and not only layer by layer.
    /// </summary>
    private static List<LayerChoice> Choose(Graph logits, List<WeightLayer> candidates, List<byte[][]> cases, double[][] reference, double maxErrorDb)
    {
        int length = (int)logits.Tensors[logits.Outputs[0]].ElementCount;
        var alone = candidates.ToDictionary(l => l, l => OutputAgreement.Compare(reference, ModelRunner.Run(Int4Rewriter.Apply(logits, [l]), cases), length).SqnrDb);
        var chosen = new List<WeightLayer>();
        var kept = new Dictionary<WeightLayer, string>();
        // Best SQNR first; on a tie the layer with more weights (it saves more).
        foreach (var layer in candidates.OrderByDescending(l => alone[l]).ThenByDescending(l => l.WeightCount))
        {
            if (-alone[layer] > maxErrorDb)
            {
                kept[layer] = $"alone its error is {-alone[layer]:0.0} dB, over the budget of {maxErrorDb:0.0} dB";
                continue;
            }
            double together = OutputAgreement.Compare(reference, ModelRunner.Run(Int4Rewriter.Apply(logits, [.. chosen, layer]), cases), length).SqnrDb;
            if (-together > maxErrorDb)
                kept[layer] = $"with the {chosen.Count} layer(s) chosen before it the error would be {-together:0.0} dB, over the budget of {maxErrorDb:0.0} dB";
            else
                chosen.Add(layer);
        }
        return [.. candidates.Select(l => new LayerChoice(l, chosen.Contains(l), alone[l], kept.GetValueOrDefault(l)))];
    }
}
