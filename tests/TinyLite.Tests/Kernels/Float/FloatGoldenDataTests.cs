namespace TinyLite.Tests.Kernels.Float;

/// <summary>
/// Keeps tests/data/float in step with <see cref="FloatTestModels"/>: the committed models and inputs must be the
/// bytes the builders make now (their goldens were made from exactly those). With TINYLITE_WRITE_FLOAT_DATA=1 the
/// test writes them instead (then re-run TFLM's oracle as tests/data/float/README.md says).
/// </summary>
public class FloatGoldenDataTests
{
    public static IEnumerable<object[]> Models() => FloatTestModels.All.Keys.Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Models))]
    public void CommittedModelAndInputs_AreWhatTheBuildersMake(string model)
    {
        string dir = Path.Combine(FloatGoldenData.Root, model);
        bool write = Environment.GetEnvironmentVariable("TINYLITE_WRITE_FLOAT_DATA") == "1";
        var files = new List<(string Path, byte[] Bytes)> { (Path.Combine(dir, "model.tflite"), FloatGoldenData.ModelBytes(model)) };
        foreach (var (name, input) in FloatGoldenData.Inputs(model))
            files.Add((Path.Combine(dir, "inputs", $"{name}.input0.bin"), input));
        foreach (var (path, bytes) in files)
        {
            if (write)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
            Assert.True(File.Exists(path), $"{path} is missing (TINYLITE_WRITE_FLOAT_DATA=1 writes it)");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} differs from what the builder makes now");
        }
    }
}
