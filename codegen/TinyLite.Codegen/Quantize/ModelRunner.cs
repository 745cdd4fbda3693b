using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;
using TinyLite.Runtime.Native;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// Runs a graph on calibration cases with TinyLite's own interpreter (bit-exact with TFLM; native kernels when the
/// host library is there, they are faster and give the same bytes) and returns every case's outputs as real values.
/// </summary>
public static class ModelRunner
{
    /// <summary>Per case, the model's outputs back to back, dequantized (scale · (q - zero point)).</summary>
    public static double[][] Run(Graph graph, IReadOnlyList<byte[][]> cases)
    {
        var compiled = Compiler.Compile(Int4Rewriter.Copy(graph), new CompileOptions { Plan = PlanStrategy.Layer });
        var interpreter = new Interpreter(compiled.Image);
        if (NativeKernels.IsAvailable)
        {
            try
            {
                interpreter.UseNativeKernels();
            }
            catch (ImageException)
            {
                // The managed kernels give the same bytes.
            }
        }
        var results = new double[cases.Count][];
        for (int n = 0; n < cases.Count; n++)
        {
            for (int i = 0; i < cases[n].Length; i++) interpreter.SetInput(i, cases[n][i]);
            interpreter.Invoke();
            var values = new List<double>();
            for (int j = 0; j < graph.Outputs.Length; j++)
                values.AddRange(Dequantize(graph.Tensors[graph.Outputs[j]], interpreter.GetOutput(j)));
            results[n] = [.. values];
        }
        return results;
    }

    /// <summary>The real values of an output tensor's bytes.</summary>
    public static double[] Dequantize(Tensor tensor, byte[] bytes)
    {
        double scale = tensor.Quantization is { Scales.Length: > 0 } q ? q.Scale : 1.0;
        int zero = tensor.Quantization?.ZeroPoint ?? 0;
        int count = (int)tensor.ElementCount;
        var values = new double[count];
        for (int e = 0; e < count; e++)
        {
            long raw = tensor.Type switch
            {
                DataType.Int8 => (sbyte)bytes[e],
                DataType.UInt8 => bytes[e],
                DataType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(e * 2)),
                DataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(e * 4)),
                _ => 0,
            };
            values[e] = tensor.Type == DataType.Float32
                ? BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(e * 4))
                : scale * (raw - zero);
        }
        return values;
    }
}
