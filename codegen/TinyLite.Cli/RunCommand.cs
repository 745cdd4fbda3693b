using System.CommandLine;
using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;
using TinyLite.Runtime.Native;

namespace TinyLite.Cli;

/// <summary><c>tinylite run MODEL.(tflite|tlm) -i IN0.bin [-i IN1.bin ...] -o OUTDIR [--kernels managed|native]</c></summary>
public static class RunCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "a .tflite model (compiled in memory) or a .tlm image" };
        var inputs = new Option<string[]>("--input", "-i") { Description = "raw bytes of one input tensor, in model order (repeat per input)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "folder for output0.bin, output1.bin, ...", Required = true };
        var kernels = new EnumOption<KernelSet>("--kernels", KernelSets.Names, KernelSet.Managed, "managed (C#) or native (C) kernels");
        var cmd = new Command("run", "Run a model on raw input tensors and write raw output tensors") { model, inputs, output, kernels.Option };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string path = r.GetValue(model)!;
            var interpreter = Load(path, kernels.GetValue(r));
            var files = r.GetValue(inputs) ?? [];
            if (files.Length != interpreter.InputCount)
                throw new CliError($"{Path.GetFileName(path)}: the model has {interpreter.InputCount} input(s) but {files.Length} -i file(s) were given");
            for (int i = 0; i < files.Length; i++)
            {
                var data = ModelFile.Read(files[i]);
                int t = interpreter.InputTensor(i);
                int need = interpreter.TensorByteSize(t);
                if (data.Length != need)
                    throw new CliError($"{files[i]}: input {i} needs {need} bytes ({TensorText.Describe(interpreter, t)}) but the file has {data.Length}");
                interpreter.SetInput(i, data);
            }
            interpreter.Invoke();
            string outDir = r.GetValue(output)!;
            AtomicFiles.Write(staged =>
            {
                for (int j = 0; j < interpreter.OutputCount; j++)
                    staged.Add(Path.Combine(outDir, $"output{j}.bin"), interpreter.GetOutput(j));
            });
            return 0;
        }));
        return cmd;
    }

    /// <summary>
    /// The interpreter <c>run</c> uses for <paramref name="path"/>: a .tlm image as it is, a .tflite compiled in
    /// memory with <c>compile</c>'s defaults (plan auto) whatever the kernels; the native kernels selected for
    /// <see cref="KernelSet.Native"/>.
    /// </summary>
    /// <exception cref="CliError">The native kernels are unavailable or refuse the image.</exception>
    public static Interpreter Load(string path, KernelSet kernels)
    {
        bool native = kernels == KernelSet.Native;
        if (native && !NativeKernels.IsAvailable)
            throw new CliError("--kernels native: " + NativeKernels.UnavailableReason);
        // Both kernel sets run every plan (the native runner has the in-place and streaming kernels too).
        var image = ModelFile.LoadImage(path, new CompileOptions());
        var interpreter = new Interpreter(image);
        if (native)
        {
            try
            {
                interpreter.UseNativeKernels();
            }
            catch (ImageException e)
            {
                throw new CliError($"{Path.GetFileName(path)}: --kernels native: {e.Message}");
            }
        }
        return interpreter;
    }
}
