using System.CommandLine;
using System.Globalization;
using TinyLite.Codegen;
using TinyLite.Codegen.Quantize;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Cli;

/// <summary>
/// <c>tinylite quantize MODEL.tflite --weights int4|auto [--calibration DIR] [--max-error DB] -o OUT.tflite</c>:
/// requantizes int8 weights to int4 (<see cref="WeightQuantizer"/>) and writes a standard TFLite file with INT4
/// tensors, which TFLM runs as it is.
/// </summary>
public static class QuantizeCommand
{
    /// <summary>The precisions quantize can target (int8 is the input's).</summary>
    private static readonly EnumNames<WeightPrecision> Targets = new((WeightPrecision.Int4, "int4"), (WeightPrecision.Auto, "auto"));

    public static Command Create()
    {
        var model = new Argument<string>("MODEL.tflite") { Description = "an int8 TFLite model" };
        var output = new Option<string>("--output", "-o") { Description = "the .tflite file to write (INT4 weight tensors in TFLite's packed layout)", Required = true };
        var weights = new EnumOption<WeightPrecision>("--weights", Targets, WeightPrecision.Int4, "int4: every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED TFLM can run with int4 weights; auto: only those whose output error stays within --max-error");
        var calibration = new Option<string?>("--calibration") { Description = "a folder of raw input files (the model's inputs back to back, one case per file); generated inputs when absent" };
        var maxError = new Option<string>("--max-error") { Description = "auto: the most output error one layer in int4 may cause, in dB of noise relative to the int8 model's output (-20: SQNR >= 20 dB)", DefaultValueFactory = _ => QuantizeOptions.DefaultMaxErrorDb.ToString(CultureInfo.InvariantCulture) };
        var generated = new Option<int>("--generated") { Description = "without --calibration: how many seeded random inputs to measure on", DefaultValueFactory = _ => CalibrationSet.DefaultGeneratedCount };
        var cmd = new Command("quantize", "Requantize a TFLite model's int8 weights to int4 (or mixed int4/int8) and write a TFLite file") { model, output, weights.Option, calibration, maxError, generated };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string path = r.GetValue(model)!;
            string outPath = r.GetValue(output)!;
            string maxErrorText = r.GetValue(maxError)!;
            if (!double.TryParse(maxErrorText, NumberStyles.Float, CultureInfo.InvariantCulture, out double maxErrorDb) || !double.IsFinite(maxErrorDb))
                throw new CliError($"--max-error: '{maxErrorText}' is not a number of dB");
            int generatedCount = r.GetValue(generated);
            if (generatedCount < 1 || generatedCount > 100_000)
                throw new CliError($"--generated {generatedCount}: the number of generated inputs must be between 1 and 100000");
            var graph = TfliteReader.Read(ModelFile.Read(path), path);
            var options = new QuantizeOptions { Weights = weights.GetValue(r), CalibrationFolder = r.GetValue(calibration), MaxErrorDb = maxErrorDb, GeneratedCases = generatedCount };
            var result = WeightQuantizer.Quantize(graph, options);
            byte[] bytes;
            try
            {
                bytes = TfliteWriter.Write(result.Graph);
            }
            catch (ArgumentException e)
            {
                throw new CliError($"{Path.GetFileName(path)}: unsupported layout: the model cannot be written back as TFLite: {e.Message}");
            }
            AtomicFiles.Write(files => files.Add(outPath, bytes));
            Console.Write(result.ToText(options.Weights));
            Console.WriteLine($"{Path.GetFileName(path)} -> {outPath}: {new FileInfo(path).Length} -> {bytes.Length} bytes");
            return 0;
        }));
        return cmd;
    }
}
