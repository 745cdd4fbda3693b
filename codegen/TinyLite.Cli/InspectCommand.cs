using System.CommandLine;
using TinyLite.Codegen;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;

namespace TinyLite.Cli;

/// <summary><c>tinylite inspect MODEL.(tflite|tlm)</c>: what a model or image holds.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "a .tflite model or a .tlm image" };
        var cmd = new Command("inspect", "Describe a model or an image: inputs, outputs, operators, memory") { model };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string path = r.GetValue(model)!;
            var bytes = ModelFile.Read(path);
            if (ModelFile.IsImage(path, bytes)) InspectImage(bytes, path);
            else InspectTflite(ModelFile.ReadTflite(path), path);
            return 0;
        }));
        return cmd;
    }

    private static void InspectImage(byte[] bytes, string path)
    {
        var it = ModelFile.OpenImage(path, bytes);
        Console.WriteLine($"TinyLite image {Path.GetFileName(path)}, {bytes.Length} bytes, made by tinylite {it.CompilerVersion} (commit {it.GitCommit})");
        Console.WriteLine($"model: {it.ModelName} (sha256 {it.ModelSha256})");
        Console.WriteLine($"arena: {it.ArenaBytes} bytes; {it.OperatorCount} kernel calls; {it.TensorCount} tensors");
        for (int i = 0; i < it.InputCount; i++) Console.WriteLine($"input {i}: {Io(it, it.InputTensor(i))}");
        for (int i = 0; i < it.OutputCount; i++) Console.WriteLine($"output {i}: {Io(it, it.OutputTensor(i))}");
        var calls = ImageCall.Read(bytes);
        Console.WriteLine("kernel calls (index, kernel, model operator, input tensors -> output tensors, bytes read and written, MACs):");
        long macs = 0;
        for (int c = 0; c < calls.Count; c++)
        {
            var call = calls[c];
            long callMacs = KernelCallMacs.Of(call, it);
            macs += callMacs;
            Console.WriteLine($"  {c,4} {call.Name,-26} op {call.SourceIndex,3}  {Tensors(it, call.Inputs)} -> {Tensors(it, call.Outputs)}  "
                + $"{Bytes(it, call.Inputs)} B in, {Bytes(it, call.Outputs)} B out, {callMacs} MACs");
        }
        Console.WriteLine($"total: {macs} MACs in {calls.Count} kernel calls");
    }

    /// <summary>"t3 INT8 [1, 49, 10, 1], t7 ..." ("-" for an absent optional input).</summary>
    private static string Tensors(Interpreter it, int[] tensors) =>
        string.Join(", ", tensors.Select(t => t < 0 ? "-" : $"t{t} {TensorText.Describe(it, t)}"));

    private static long Bytes(Interpreter it, int[] tensors) => tensors.Where(t => t >= 0).Sum(t => (long)it.TensorByteSize(t));

    private static string Io(Interpreter it, int t) =>
        $"tensor {t} {TensorText.Describe(it, t)} scale {BitConverter.Int32BitsToSingle(it.TensorScaleBits(t))} zero point {it.TensorZeroPoint(t)}";

    private static void InspectTflite(byte[] bytes, string path)
    {
        var graph = TfliteReader.Read(bytes, path);
        Console.WriteLine($"TFLite model {Path.GetFileName(path)}, {bytes.Length} bytes, {graph.Operators.Count} operators, {graph.Tensors.Count} tensors");
        foreach (int t in graph.Inputs) Console.WriteLine($"input: tensor {t} {Tensor(graph.Tensors[t])}");
        foreach (int t in graph.Outputs) Console.WriteLine($"output: tensor {t} {Tensor(graph.Tensors[t])}");
        foreach (var op in graph.Operators)
        {
            string ins = string.Join(", ", op.Inputs.Select(t => t < 0 ? "-" : graph.Tensors[t].Describe()));
            string outs = string.Join(", ", op.Outputs.Select(t => graph.Tensors[t].Describe()));
            Console.WriteLine($"  {op.Index,3} {op.OpName,-20} {ins} -> {outs}");
        }
        try
        {
            var compiled = Compiler.Compile(graph);
            var rep = compiled.Report;
            Console.WriteLine($"compiles: image {rep.ImageBytes} B, arena {rep.ArenaBytes} B, {rep.Macs} MACs; plan {rep.Plan.Name()} (auto), "
                + $"device RAM {rep.DeviceRamBytes} B = arena + interpreter {rep.RuntimeRamBytes} B + image");
        }
        catch (CompileException e)
        {
            Console.WriteLine("does not compile: " + e.Message);
        }
    }

    private static string Tensor(Tensor t) =>
        t.Quantization is { } q ? $"{t.Describe()} scale {q.Scale} zero point {q.ZeroPoint}" : t.Describe();
}
