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
        var board = new Option<string?>("--board") { Description = "check the model fits this board's RAM and flash budgets and estimate its ms per inference there (see boards/)" };
        var weights = new EnumOption<WeightPrecision>("--weights", WeightPrecisions.Names, WeightPrecision.Int8, "weight precision: int8, int4 or auto");
        var plan = new EnumOption<PlanStrategy>("--plan", PlanStrategies.Names, PlanStrategy.Auto, "memory plan: layer, inplace, stream, patch or auto (the least device RAM: arena + interpreter state + image when in RAM, within --max-extra-macs; the fastest within 2% of it)");
        var maxExtraMacs = new Option<string>("--max-extra-macs") { Description = "most MACs a plan may add by recomputing rows, in percent of the model's (patch, auto)", DefaultValueFactory = _ => "5%" };
        var cmsisNn = new Option<bool>("--cmsis-nn") { Description = "reserve the scratch of the native CMSIS-NN backend and add what its routes need (int8 conv, depthwise, average pool; int4 depthwise filter in TFLite order; int8 softmax parameters) and mark the int16 conv, depthwise and fully-connected layers it is proven bit-exact on" };
        var report = new Option<string?>("--report") { Description = "write the report JSON here, and the memory picture (.html) beside it" };
        var emitC = new Option<string?>("--emit-c") { Description = "write the image as C source (model_data.c/.h) into this folder" };
        var emitCs = new Option<string?>("--emit-cs") { Description = "write the model's constants as C# (Model.g.cs) into this folder" };
        var name = new Option<string?>("--name") { Description = "C symbol (NAME_data, NAME_data.c/.h) and C# class of --emit-c/--emit-cs; default from the file name (kws.tflite: kws, KwsModel; model.tflite: model, Model)" };
        var cmd = new Command("compile", "Compile a TFLite model to a TinyLite flash image") { model, output, board, weights.Option, plan.Option, maxExtraMacs, cmsisNn, report, emitC, emitCs, name };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string path = r.GetValue(model)!;
            var boardProfile = r.GetValue(board) is { } boardName ? Boards.Load(boardName) : null;
            var options = new CompileOptions
            {
                Plan = plan.GetValue(r), Weights = weights.GetValue(r), CmsisNn = r.GetValue(cmsisNn), MaxExtraMacs = Percent(r.GetValue(maxExtraMacs)!),
                ComparePlans = r.GetValue(report) != null || boardProfile != null,
                // Device RAM as the target holds it: nanoFramework boards keep the image in RAM; without --board, too.
                ImageInRam = boardProfile?.ImageInRam ?? true,
                InstructionsPerMac = PlanInstructionFigures.For(boardProfile?.Core ?? PlanInstructionFigures.DefaultCore, Boards.SpeedFile()),
            };
            byte[] tflite = ModelFile.ReadTflite(path);
            var compiled = Compiler.Compile(tflite, path, options);
            string? boardLine = null;
            if (boardProfile != null)
                (compiled, boardLine) = Boards.Check(boardProfile, compiled, path, options.Plan, options.MaxExtraMacs, strategy => Compiler.Compile(tflite, path, options with { Plan = strategy }));
            AtomicFiles.Write(files =>
            {
                files.Add(r.GetValue(output)!, compiled.Image);
                if (r.GetValue(report) is { } reportPath)
                {
                    files.Add(reportPath, compiled.Report.ToJson());
                    // The memory picture goes beside the JSON: r.json -> r.html.
                    files.Add(Path.ChangeExtension(reportPath, ".html"), MemoryPicture.Html(compiled, boardProfile is { } b ? new BoardBudget(b.Name, b.RamBytes) : null));
                }
                var (symbol, className) = Emitters.Names(r.GetValue(name), path);
                if (r.GetValue(emitC) is { } cDir) Emitters.AddC(files, cDir, compiled, symbol);
                if (r.GetValue(emitCs) is { } csDir) Emitters.AddCSharp(files, csDir, compiled, className);
            });
            var rep = compiled.Report;
            Console.WriteLine($"{Path.GetFileName(path)} -> {r.GetValue(output)}: image {rep.ImageBytes} B, arena {rep.ArenaBytes} B, weights {rep.WeightBytes} B, {rep.Macs} MACs, {compiled.Calls.Count} kernel calls, plan {rep.Plan.Name()}");
            if (boardLine != null) Console.WriteLine(boardLine);
            return 0;
        }));
        return cmd;
    }

    /// <summary>"5%", "5" or "0.5%" as a fraction; a clear error otherwise.</summary>
    private static double Percent(string text)
    {
        string t = text.Trim().TrimEnd('%').Trim();
        if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || v < 0 || v > 1000 || double.IsNaN(v))
            throw new CliError($"--max-extra-macs: '{text}' is not a percentage between 0% and 1000%");
        return v / 100;
    }
}
