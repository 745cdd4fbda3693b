namespace TinyLite.Tests.Tflite;

/// <summary>Field-by-field graph comparison; failures name the tensor or operator and show both values.</summary>
internal static class GraphAssert
{
    public static void Equal(Graph expected, Graph actual)
    {
        Assert.Equal(expected.Tensors.Count, actual.Tensors.Count);
        for (int i = 0; i < expected.Tensors.Count; i++) TensorEqual(expected.Tensors[i], actual.Tensors[i]);
        Assert.Equal(expected.Operators.Count, actual.Operators.Count);
        for (int i = 0; i < expected.Operators.Count; i++) OperatorEqual(expected.Operators[i], actual.Operators[i]);
        Assert.Equal(expected.Inputs, actual.Inputs);
        Assert.Equal(expected.Outputs, actual.Outputs);
        Assert.Equal(expected.Description, actual.Description);
    }

    public static void TensorEqual(Tensor e, Tensor a)
    {
        string at = $"tensor {e.Index} ({e.Name})";
        Assert.True(e.Index == a.Index, $"{at}: index {a.Index}");
        Assert.True(e.Name == a.Name, $"{at}: name '{a.Name}'");
        Assert.True(e.Type == a.Type, $"{at}: type {a.Type}, expected {e.Type}");
        Assert.True(e.Shape.SequenceEqual(a.Shape), $"{at}: shape [{string.Join(",", a.Shape)}], expected [{string.Join(",", e.Shape)}]");
        Assert.True(e.IsVariable == a.IsVariable, $"{at}: is_variable {a.IsVariable}");
        Assert.True((e.Data is null) == (a.Data is null), $"{at}: data presence differs");
        if (e.Data != null) Assert.True(e.Data.AsSpan().SequenceEqual(a.Data), $"{at}: data differs");
        Assert.True((e.Quantization is null) == (a.Quantization is null), $"{at}: quantization presence differs");
        if (e.Quantization is { } qe && a.Quantization is { } qa)
        {
            Assert.True(qe.Scales.SequenceEqual(qa.Scales), $"{at}: scales differ");
            Assert.True(qe.ZeroPoints.SequenceEqual(qa.ZeroPoints), $"{at}: zero points differ");
            Assert.True(qe.QuantizedDimension == qa.QuantizedDimension, $"{at}: quantized dimension {qa.QuantizedDimension}");
        }
    }

    public static void OperatorEqual(Operator e, Operator a)
    {
        string at = $"operator {e.Index} ({e.OpName})";
        Assert.True(e.Index == a.Index, $"{at}: index {a.Index}");
        Assert.True(e.Op == a.Op, $"{at}: op {a.Op}");
        Assert.True(e.CustomCode == a.CustomCode, $"{at}: custom code '{a.CustomCode}'");
        Assert.True(e.Inputs.SequenceEqual(a.Inputs), $"{at}: inputs [{string.Join(",", a.Inputs)}]");
        Assert.True(e.Outputs.SequenceEqual(a.Outputs), $"{at}: outputs [{string.Join(",", a.Outputs)}]");
        Assert.True(OptionsEqual(e.Options, a.Options), $"{at}: options {a.Options}, expected {e.Options}");
        Assert.True((e.CustomOptions ?? []).AsSpan().SequenceEqual(a.CustomOptions ?? []), $"{at}: custom options differ");
    }

    /// <summary>Record equality, except that array members are compared by contents.</summary>
    public static bool OptionsEqual(OperatorOptions? e, OperatorOptions? a) => (e, a) switch
    {
        (ReshapeOptions re, ReshapeOptions ra) => re.NewShape.SequenceEqual(ra.NewShape),
        (SqueezeOptions se, SqueezeOptions sa) => se.SqueezeDims.SequenceEqual(sa.SqueezeDims),
        _ => Equals(e, a),
    };
}
