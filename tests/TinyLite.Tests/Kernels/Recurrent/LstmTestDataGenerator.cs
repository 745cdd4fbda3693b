namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// Writes tests/data/lstm/&lt;variant&gt;/model.tflite and input0.bin for every <see cref="LstmTestModels.GoldenVariants"/>
/// entry. Runs only when TINYLITE_WRITE_LSTM_DATA=1 (the goldens then come from the TFLM oracle, see the README there);
/// otherwise it is skipped, and LstmGoldenTests checks that the committed files are what this generator writes.
/// </summary>
public class LstmTestDataGenerator
{
    [SkippableFact]
    public void WriteLstmTestData()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("TINYLITE_WRITE_LSTM_DATA") == "1", "set TINYLITE_WRITE_LSTM_DATA=1 to rewrite tests/data/lstm");
        foreach (var spec in LstmTestModels.GoldenVariants)
        {
            string dir = LstmTestData.Dir(spec.Name);
            Directory.CreateDirectory(dir);
            byte[] model = LstmTestData.ModelBytes(spec);
            File.WriteAllBytes(Path.Combine(dir, "model.tflite"), model);
            var interpreter = new Interpreter(Compiler.Compile(model, spec.Name + ".tflite").Image);
            int inputBytes = interpreter.TensorByteSize(interpreter.InputTensor(0));
            File.WriteAllBytes(Path.Combine(dir, "input0.bin"), LstmTestData.Inputs(spec, inputBytes));
        }
    }
}
