using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// The graph the quantizer measures sensitivity on: the model without the SOFTMAX operators that produce its
/// outputs, so the outputs are the logits. A softmax saturates (one class near 1, the others near 0), which hides
/// most of the error a layer adds; the logits show it, and their argmax is the softmax's.
/// </summary>
public static class LogitsView
{
    /// <summary>A copy of <paramref name="graph"/> whose output softmaxes are dropped (the graph itself when it has none).</summary>
    public static Graph Of(Graph graph)
    {
        var outputs = (int[])graph.Outputs.Clone();
        var dropped = new HashSet<Operator>();
        foreach (var op in graph.Operators)
        {
            if (op.Op != BuiltinOperator.Softmax || op.Inputs.Length < 1 || op.Outputs.Length != 1) continue;
            int at = Array.IndexOf(outputs, op.Outputs[0]);
            bool readByOthers = graph.Operators.Any(o => o.Inputs.Contains(op.Outputs[0]));
            if (at < 0 || readByOthers || graph.Inputs.Contains(op.Inputs[0])) continue;
            outputs[at] = op.Inputs[0];
            dropped.Add(op);
        }
        if (dropped.Count == 0) return graph;
        var copy = Int4Rewriter.Copy(graph);
        return new Graph
        {
            Source = copy.Source, Tensors = copy.Tensors, Operators = [.. copy.Operators.Where(o => !dropped.Contains(o))],
            Inputs = copy.Inputs, Outputs = outputs, SourceSha256 = copy.SourceSha256, Description = copy.Description,
        };
    }
}
