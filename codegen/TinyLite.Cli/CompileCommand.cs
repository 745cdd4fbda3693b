using System.CommandLine;
using TinyLite.Codegen;
using TinyLite.Codegen.Report;

namespace TinyLite.Cli;

/// <summary><c>tinylite compile MODEL.tflite -o OUT.tlm [--plan P] [--report R.json] ...</c></summary>
public static class CompileCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL.tflite") { Description = "the TFLite model to compile" };
        var output = new Option<string>("--output", "-o") { Description = "the .tlm image to write", Required = true };
        var board = new Option<string?>("--board") { Description = "check the model fits this board (see boards/)" };
        var weights = new Option<string>("--weights") { Description = "weight precision: int8, int4 or auto", DefaultValueFactory = _ => "int8" };
        weights.AcceptOnlyFromAmong("int8", "int4", "auto");
        var plan = new Option<string>("--plan") { Description = "memory plan: layer, inplace, patch, stream or auto", DefaultValueFactory = _ => "auto" };
        plan.AcceptOnlyFromAmong("layer", "inplace", "patch", "stream", "auto");
        var cmsisNn = new Option<bool>("--cmsis-nn") { Description = "reserve the scratch of the native CMSIS-NN backend (int8 conv, depthwise, average pool)" };
        var report = new Option<string?>("--report") { Description = "write the report JSON here, and the memory picture (.html) beside it" };
        var emitC = new Option<string?>("--emit-c") { Description = "write the image as C source (model_data.c/.h) into this folder" };
        var emitCs = new Option<string?>("--emit-cs") { Description = "write the model's constants as C# (Model.g.cs) into this folder" };
        var cmd = new Command("compile", "Compile a TFLite model to a TinyLite flash image") { model, output, board, weights, plan, cmsisNn, report, emitC, emitCs };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string path = r.GetValue(model)!;
            if (r.GetValue(weights) == "int4")
                throw new CliError($"{path}: --weights int4 is not implemented yet (int8 weights, and int4 weights already in the model, are supported)");
            var compiled = Compiler.Compile(ModelFile.Read(path), path, new CompileOptions { Plan = r.GetValue(plan)!, CmsisNn = r.GetValue(cmsisNn) });
            if (r.GetValue(board) is { } boardName) Boards.Check(boardName, compiled, path);
            AtomicFiles.Write(files =>
            {
                files.Add(r.GetValue(output)!, compiled.Image);
                if (r.GetValue(report) is { } reportPath)
                {
                    files.Add(reportPath, compiled.Report.ToJson());
                    // The memory picture goes beside the JSON: r.json -> r.html.
                    files.Add(Path.ChangeExtension(reportPath, ".html"), MemoryPicture.Html(compiled.Graph, compiled.Alternatives, compiled.Plan));
                }
                if (r.GetValue(emitC) is { } cDir) Emitters.AddC(files, cDir, compiled);
                if (r.GetValue(emitCs) is { } csDir) Emitters.AddCSharp(files, csDir, compiled);
            });
            var rep = compiled.Report;
            Console.WriteLine($"{Path.GetFileName(path)} -> {r.GetValue(output)}: image {rep.ImageBytes} B, arena {rep.ArenaBytes} B, weights {rep.WeightBytes} B, {rep.Macs} MACs, {compiled.Calls.Count} kernel calls, plan {rep.Plan}");
            return 0;
        }));
        return cmd;
    }
}
