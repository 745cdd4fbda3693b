using System.Text.Json;
using TinyLite.Codegen;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;
using TinyLite.Tests.Support;

namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>
/// The element-wise operators of the shared models, each run alone on TFLM's recorded intermediate tensors
/// (intermediates/random_0): includes the int32 MUL/ADD/MINIMUM/MAXIMUM of the audio preprocessor, whose
/// whole-model test waits for the Signal operators.
/// </summary>
public class ElementwiseIntermediateTests
{
    [SkippableTheory]
    [InlineData("ic_pretrained_resnet_quant", 3)]
    [InlineData("ic_pretrained_resnet_quant", 7)]
    [InlineData("ic_pretrained_resnet_quant", 11)]
    [InlineData("micro_speech_audio_preprocessor_int8", 15)]
    [InlineData("micro_speech_audio_preprocessor_int8", 16)]
    [InlineData("micro_speech_audio_preprocessor_int8", 18)]
    [InlineData("micro_speech_audio_preprocessor_int8", 19)]
    [InlineData("micro_speech_audio_preprocessor_int8", 20)]
    public void Operator_OnTflmIntermediates_IsBitExact(string model, int opIndex)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        string dir = Path.Combine(SharedModels.Dir(model), "intermediates", "random_0");
        var full = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(model), "model.tflite"));
        var op = full.Operators[opIndex];
        Assert.Contains(op.Op, new[] { BuiltinOperator.Add, BuiltinOperator.Mul, BuiltinOperator.Minimum, BuiltinOperator.Maximum });
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tensors.json")));
        var files = doc.RootElement.GetProperty("tensors").EnumerateArray()
            .ToDictionary(t => t.GetProperty("index").GetInt32(), t => Path.Combine(dir, t.GetProperty("file").GetString()!));
        int[] inputs = op.Inputs.Where(t => t >= 0 && !full.Tensors[t].IsConstant).Distinct().ToArray();
        var single = new Graph
        {
            Source = $"{model}#op{opIndex}",
            Tensors = new List<Tensor>(full.Tensors),
            Operators = [op],
            Inputs = inputs,
            Outputs = op.Outputs,
        };
        var interpreter = new Interpreter(Compiler.Compile(single).Image);
        for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, File.ReadAllBytes(files[inputs[i]]));
        interpreter.Invoke();
        ByteAssert.Equal(File.ReadAllBytes(files[op.Outputs[0]]), interpreter.GetOutput(0), $"{model} operator {opIndex} ({op.OpName})");
    }
}
