using System.CommandLine;
using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;
using TinyLite.Runtime.Native;

namespace TinyLite.Cli;

/// <summary>
/// <c>tinylite run MODEL.(tflite|tlm) -i IN0.bin [-i IN1.bin ...] -o OUTDIR [--kernels managed|native] [--steps K]</c>:
/// K invokes on one interpreter (so variable tensors carry state from one to the next), each input file holding
/// its K tensors back to back and each output file the K outputs concatenated.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "a .tflite model (compiled in memory) or a .tlm image" };
        var inputs = new Option<string[]>("--input", "-i") { Description = "raw bytes of one input tensor, in model order (repeat per input); with --steps K, its K tensors back to back", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "folder for output0.bin, output1.bin, ... (with --steps K, each holds the K outputs concatenated)", Required = true };
        var kernels = new EnumOption<KernelSet>("--kernels", KernelSets.Names, KernelSet.Managed, "managed (C#) or native (C) kernels");
        var steps = new Option<int>("--steps") { Description = "invoke K times on one interpreter, state carried over (stateful models: one step per invoke)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("run", "Run a model on raw input tensors and write raw output tensors") { model, inputs, output, kernels.Option, steps };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string path = r.GetValue(model)!;
            int stepCount = r.GetValue(steps);
            if (stepCount < 1)
                throw new CliError($"--steps {stepCount}: the number of steps must be at least 1");
            var interpreter = Load(path, kernels.GetValue(r));
            var stepInputs = ReadInputs(interpreter, path, r.GetValue(inputs) ?? [], stepCount);
            var outputs = new MemoryStream[interpreter.OutputCount];
            for (int j = 0; j < outputs.Length; j++) outputs[j] = new MemoryStream();
            var invokeTime = TimeSpan.Zero;
            for (int step = 0; step < stepCount; step++)
            {
                // Every step sets every input again: the plans reuse the input's arena bytes (docs/RUNTIME.md).
                for (int i = 0; i < stepInputs.Length; i++)
                    interpreter.SetInput(i, stepInputs[i][step]);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                interpreter.Invoke();
                invokeTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
                for (int j = 0; j < outputs.Length; j++)
                    outputs[j].Write(interpreter.GetOutput(j));
            }
            string outDir = r.GetValue(output)!;
            OutputPaths.CheckFolder(outDir);
            AtomicFiles.Write(staged =>
            {
                for (int j = 0; j < outputs.Length; j++)
                    staged.Add(Path.Combine(outDir, $"output{j}.bin"), outputs[j].ToArray());
            });
            foreach (string line in RunSummary.Lines(interpreter, stepCount, invokeTime, KernelSets.Names.Name(kernels.GetValue(r))))
                Console.WriteLine(line);
            return 0;
        }));
        return cmd;
    }

    /// <summary>
    /// The input tensors of every step: [input][step], each exactly the input's byte size. A file must hold
    /// <paramref name="steps"/> tensors of its input back to back, no more and no fewer bytes.
    /// </summary>
    /// <exception cref="CliError">The number of files differs from the model's inputs, or a file's size is not
    /// <paramref name="steps"/> times its input's size.</exception>
    public static byte[][][] ReadInputs(Interpreter interpreter, string modelPath, string[] files, int steps)
    {
        if (files.Length != interpreter.InputCount)
            throw new CliError($"{Path.GetFileName(modelPath)}: the model has {interpreter.InputCount} input(s) but {files.Length} -i file(s) were given");
        var result = new byte[files.Length][][];
        for (int i = 0; i < files.Length; i++)
        {
            var data = ModelFile.Read(files[i]);
            int t = interpreter.InputTensor(i);
            int need = interpreter.TensorByteSize(t);
            if (data.Length != (long)need * steps)
            {
                string tensor = TensorText.Describe(interpreter, t);
                throw new CliError(steps == 1
                    ? $"{files[i]}: input {i} needs {need} bytes ({tensor}) but the file has {data.Length}"
                    : $"{files[i]}: input {i} needs {steps} x {need} = {(long)need * steps} bytes ({steps} steps of {tensor}) but the file has {data.Length}");
            }
            result[i] = new byte[steps][];
            for (int step = 0; step < steps; step++)
                result[i][step] = data.AsSpan(step * need, need).ToArray();
        }
        return result;
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
            throw new CliError("--kernels native: " + ToolFiles.NativeUnavailableReason());
        // Both kernel sets run every plan (the native runner has the in-place and streaming kernels too).
        var image = ModelFile.LoadImage(path, new CompileOptions());
        var interpreter = ModelFile.OpenImage(path, image);
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
