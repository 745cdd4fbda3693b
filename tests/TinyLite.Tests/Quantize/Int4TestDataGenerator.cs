using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Cli;

namespace TinyLite.Tests.Quantize;

/// <summary>
/// Writes tests/data/int4: model_int8.tflite (<see cref="Int4TestModel"/>), the quantized variants through the CLI's
/// <c>quantize</c>, and the seeded inputs. Runs only when TINYLITE_WRITE_INT4_DATA=1 (the goldens then come from the
/// TFLM oracle, see the README there); otherwise skipped, and Int4GoldenTests checks that the committed files are
/// what this writes.
/// </summary>
[Collection("Console")]
public class Int4TestDataGenerator
{
    [SkippableFact]
    public void WriteInt4TestData()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("TINYLITE_WRITE_INT4_DATA") == "1", "set TINYLITE_WRITE_INT4_DATA=1 to rewrite tests/data/int4");
        Directory.CreateDirectory(Int4TestData.Root);
        string int8 = Int4TestData.File("model_int8.tflite");
        File.WriteAllBytes(int8, TfliteWriter.Write(Int4TestModel.Build()));
        foreach (var (stem, args) in Int4TestData.Variants)
        {
            var r = CliRunner.Run(["quantize", int8, "-o", Int4TestData.File(stem + ".tflite"), .. args]);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        for (int k = 0; k < Int4TestData.Cases; k++)
            File.WriteAllBytes(Int4TestData.File($"case{k}.input0.bin"), Int4TestModel.Input(k));
    }
}
