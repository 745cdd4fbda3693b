using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Quantize;

/// <summary>
/// The inputs the quantizer measures a model on: each case holds one byte array per model input. From a folder,
/// every file (in name order) is one case: the raw bytes of the model's inputs back to back, exactly their size.
/// Generated cases are seeded uniform random bytes (random floats in [-1, 1] for FLOAT32 inputs), the same on
/// every run.
/// </summary>
public static class CalibrationSet
{
    /// <summary>Cases generated when no folder is given (auto), enough to rank the layers.</summary>
    public const int DefaultGeneratedCount = 32;

    /// <summary>The bytes one case needs: the model's input tensors back to back.</summary>
    public static long CaseBytes(Graph graph) => graph.Inputs.Sum(t => graph.Tensors[t].ByteSize);

    /// <summary>The cases of every file in <paramref name="folder"/>.</summary>
    /// <exception cref="CompileException">The folder is missing or empty, or a file's size is not one case.</exception>
    public static List<byte[][]> FromFolder(Graph graph, string folder)
    {
        if (!Directory.Exists(folder))
            throw new CompileException($"--calibration {folder}: no such folder");
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new CompileException($"--calibration {folder}: the folder is empty; it needs raw input files of {CaseBytes(graph)} bytes ({InputText(graph)})");
        var cases = new List<byte[][]>();
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            if (bytes.Length != CaseBytes(graph))
                throw new CompileException($"--calibration {file}: {bytes.Length} bytes, but one input of {Path.GetFileName(graph.Source)} is {CaseBytes(graph)} bytes ({InputText(graph)})");
            cases.Add(Split(graph, bytes));
        }
        return cases;
    }

    /// <summary><paramref name="count"/> seeded random cases.</summary>
    public static List<byte[][]> Generated(Graph graph, int count, int seed = 13)
    {
        var random = new Random(seed);
        var cases = new List<byte[][]>();
        for (int n = 0; n < count; n++)
        {
            var one = new byte[graph.Inputs.Length][];
            for (int i = 0; i < one.Length; i++)
            {
                var tensor = graph.Tensors[graph.Inputs[i]];
                one[i] = new byte[tensor.ByteSize];
                if (tensor.Type == DataType.Float32)
                {
                    for (int e = 0; e < one[i].Length / 4; e++)
                        BitConverter.TryWriteBytes(one[i].AsSpan(e * 4), (float)(random.NextDouble() * 2 - 1));
                }
                else
                {
                    random.NextBytes(one[i]);
                }
            }
            cases.Add(one);
        }
        return cases;
    }

    private static byte[][] Split(Graph graph, byte[] bytes)
    {
        var one = new byte[graph.Inputs.Length][];
        int at = 0;
        for (int i = 0; i < one.Length; i++)
        {
            int size = (int)graph.Tensors[graph.Inputs[i]].ByteSize;
            one[i] = bytes.AsSpan(at, size).ToArray();
            at += size;
        }
        return one;
    }

    private static string InputText(Graph graph) => string.Join(" + ", graph.Inputs.Select(t => graph.Tensors[t].Describe()));
}
