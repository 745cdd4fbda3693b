using System.Text.Json;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// Checks decoded options and tensors against facts that do not come from our reader: the shapes TFLM recorded
/// for every intermediate tensor, the windowed-op output size formulas, and the published model architecture.
/// </summary>
public class TfliteReaderOptionsTests
{
    [SharedModelTheory]
    [MemberData(nameof(SharedModelIndex.DirsWithIntermediates), MemberType = typeof(SharedModelIndex))]
    public void Read_SharedModel_TensorsMatchTflmIntermediates(string dir)
    {
        var graph = TfliteReader.ReadFile(SharedModelIndex.ModelPath(dir));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedModelIndex.IntermediatesPath(dir)));
        foreach (var t in doc.RootElement.GetProperty("tensors").EnumerateArray())
        {
            var tensor = graph.Tensors[t.GetProperty("index").GetInt32()];
            Assert.Equal(t.GetProperty("name").GetString(), tensor.Name);
            Assert.Equal(t.GetProperty("type").GetString(), DataTypes.Name(tensor.Type));
            Assert.Equal(t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), tensor.Shape);
            Assert.Equal(t.GetProperty("is_const").GetBoolean(), tensor.IsConstant);
            Assert.Equal(t.GetProperty("bytes").GetInt64(), tensor.ByteSize);
            if (t.GetProperty("produced_by").ValueKind == JsonValueKind.Object)
            {
                var producer = graph.Operators[t.GetProperty("produced_by").GetProperty("op_index").GetInt32()];
                string op = t.GetProperty("produced_by").GetProperty("op").GetString()!;
                Assert.Equal(op, producer.Op == BuiltinOperator.Custom ? "CUSTOM:" + producer.CustomCode : BuiltinOperators.Name(producer.Op));
                Assert.Contains(tensor.Index, producer.Outputs);
            }
        }
    }

    /// <summary>
    /// TFLite's output size of a windowed op: SAME gives ceil(in / stride), VALID ceil((in - dilated filter + 1) / stride).
    /// A misread padding, stride or dilation breaks the agreement with the output shapes stored in the file.
    /// </summary>
    [SharedModelTheory]
    [MemberData(nameof(SharedModelIndex.AllDirs), MemberType = typeof(SharedModelIndex))]
    public void Read_SharedModel_WindowOptionsAgreeWithOutputShapes(string dir)
    {
        var graph = TfliteReader.ReadFile(SharedModelIndex.ModelPath(dir));
        foreach (var op in graph.Operators)
        {
            var input = graph.Tensors[op.Inputs[0]].Shape;
            var output = graph.Tensors[op.Outputs[0]].Shape;
            switch (op.Options)
            {
                case Conv2DOptions c:
                    var filter = graph.Tensors[op.Inputs[1]].Shape; // [out, h, w, in]
                    AssertWindow(op, input, output, filter[1], filter[2], c.StrideH, c.StrideW, c.DilationH, c.DilationW, c.Padding);
                    break;
                case DepthwiseConv2DOptions d:
                    var dwFilter = graph.Tensors[op.Inputs[1]].Shape; // [1, h, w, channels]
                    AssertWindow(op, input, output, dwFilter[1], dwFilter[2], d.StrideH, d.StrideW, d.DilationH, d.DilationW, d.Padding);
                    Assert.Equal(output[3], input[3] * d.DepthMultiplier);
                    break;
                case Pool2DOptions p:
                    AssertWindow(op, input, output, p.FilterH, p.FilterW, p.StrideH, p.StrideW, 1, 1, p.Padding);
                    break;
                case TransposeConvOptions t:
                    // Inputs: output shape, filter [out, h, w, in], data. SAME: out = in * stride.
                    var data = graph.Tensors[op.Inputs[2]].Shape;
                    var tFilter = graph.Tensors[op.Inputs[1]].Shape;
                    int expectH = t.Padding == Padding.Same ? data[1] * t.StrideH : (data[1] - 1) * t.StrideH + tFilter[1];
                    int expectW = t.Padding == Padding.Same ? data[2] * t.StrideW : (data[2] - 1) * t.StrideW + tFilter[2];
                    Assert.Equal([expectH, expectW], new[] { output[1], output[2] });
                    break;
            }
        }
    }

    [SharedModelFact]
    public void Read_KwsDscnn_FirstConvIsTenByFourStrideTwoSameRelu()
    {
        // MLCommons Tiny KWS reference: Conv2D(64, (10, 4), strides=(2, 2), padding="same") + BN + ReLU, then
        // depthwise-separable blocks with 3x3 depthwise convolutions, stride 1, same padding.
        var graph = TfliteReader.ReadFile(SharedModelIndex.ModelPath("kws_dscnn"));
        var conv = graph.Operators[0];
        Assert.Equal(BuiltinOperator.Conv2D, conv.Op);
        Assert.Equal(new Conv2DOptions(Padding.Same, 2, 2, Activation.Relu, 1, 1), conv.Options);
        Assert.Equal([64, 10, 4, 1], graph.Tensors[conv.Inputs[1]].Shape);
        Assert.Equal(64, graph.Tensors[conv.Inputs[1]].Quantization!.Scales.Length);
        Assert.Equal(0, graph.Tensors[conv.Inputs[1]].Quantization!.QuantizedDimension);

        var dw = graph.Operators.First(o => o.Op == BuiltinOperator.DepthwiseConv2D);
        Assert.Equal(new DepthwiseConv2DOptions(Padding.Same, 1, 1, 1, Activation.Relu, 1, 1), dw.Options);
        Assert.Equal(3, graph.Tensors[dw.Inputs[1]].Quantization!.QuantizedDimension);

        var softmax = graph.Operators.Single(o => o.Op == BuiltinOperator.Softmax);
        Assert.Equal(new SoftmaxOptions(1.0f), softmax.Options);
    }

    [SharedModelFact]
    public void Read_AudioPreprocessor_KeepsCustomCodesAndFlexbufferOptions()
    {
        var graph = TfliteReader.ReadFile(SharedModelIndex.ModelPath("micro_speech_audio_preprocessor_int8"));
        var window = graph.Operators.Single(o => o.CustomCode == "SignalWindow");
        Assert.Equal(BuiltinOperator.Custom, window.Op);
        Assert.Null(window.Options);
        // Flexbuffer maps end with the root's byte width as the last byte (1, 2, 4 or 8).
        Assert.NotNull(window.CustomOptions);
        Assert.Contains(window.CustomOptions![^1], new byte[] { 1, 2, 4, 8 });
    }

    private static void AssertWindow(Operator op, int[] input, int[] output, int filterH, int filterW,
        int strideH, int strideW, int dilationH, int dilationW, Padding padding)
    {
        int Size(int inSize, int f, int s, int d) => padding == Padding.Same
            ? (inSize + s - 1) / s
            : (inSize - ((f - 1) * d + 1) + s) / s;
        Assert.True(Size(input[1], filterH, strideH, dilationH) == output[1] && Size(input[2], filterW, strideW, dilationW) == output[2],
            $"operator {op.Index} ({op.OpName}) {op.Options}: input [{string.Join(",", input)}] output [{string.Join(",", output)}] filter {filterH}x{filterW}");
    }
}
