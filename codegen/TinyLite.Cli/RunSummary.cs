using System.Globalization;
using TinyLite.Runtime;

namespace TinyLite.Cli;

/// <summary>
/// What <c>run</c> prints after writing the outputs: each output's largest values dequantized with their indexes (the
/// first being the top class), and the time per <c>Invoke()</c>.
/// </summary>
public static class RunSummary
{
    /// <summary>How many of the largest values each output line shows.</summary>
    public const int TopCount = 3;

    /// <summary>The summary lines for the interpreter's current outputs after <paramref name="invokes"/> invokes taking <paramref name="elapsed"/>.</summary>
    public static IEnumerable<string> Lines(Interpreter it, int invokes, TimeSpan elapsed, string kernels)
    {
        for (int j = 0; j < it.OutputCount; j++)
        {
            int t = it.OutputTensor(j);
            var values = Dequantized(it, t);
            var top = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(TopCount).ToList();
            string list = string.Join(", ", top.Select(i => $"[{i}] {Format(values[i])}"));
            yield return top.Count == 0
                ? $"output {j} ({TensorText.Describe(it, t)}): empty"
                : $"output {j} ({TensorText.Describe(it, t)}): top class {top[0]}; largest values {list}";
        }
        double ms = elapsed.TotalMilliseconds / Math.Max(invokes, 1);
        yield return string.Format(CultureInfo.InvariantCulture, "{0:0.###} ms per Invoke ({1} kernels on this host, {2} invoke{3})", ms, kernels, invokes, invokes == 1 ? "" : "s");
    }

    /// <summary>
    /// The tensor's values as real numbers: (q − zero point) × scale for integer tensors with a scale, the raw integers
    /// without one, float32 as stored.
    /// </summary>
    public static double[] Dequantized(Interpreter it, int tensor)
    {
        byte[] bytes = it.ReadTensor(tensor);
        string type = TensorText.TypeName(it.TensorTypeOf(tensor));
        float scale = BitConverter.Int32BitsToSingle(it.TensorScaleBits(tensor));
        int zero = it.TensorZeroPoint(tensor);
        double[] raw = type switch
        {
            "INT8" => bytes.Select(b => (double)(sbyte)b).ToArray(),
            "UINT8" => bytes.Select(b => (double)b).ToArray(),
            "INT16" => Enumerable.Range(0, bytes.Length / 2).Select(i => (double)BitConverter.ToInt16(bytes, 2 * i)).ToArray(),
            "INT32" => Enumerable.Range(0, bytes.Length / 4).Select(i => (double)BitConverter.ToInt32(bytes, 4 * i)).ToArray(),
            "FLOAT32" => Enumerable.Range(0, bytes.Length / 4).Select(i => (double)BitConverter.ToSingle(bytes, 4 * i)).ToArray(),
            _ => bytes.Select(b => (double)b).ToArray(),
        };
        if (type == "FLOAT32" || !(scale > 0)) return raw;
        return raw.Select(q => (q - zero) * scale).ToArray();
    }

    private static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
