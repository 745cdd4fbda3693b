using System.Diagnostics;
using System.Security.Cryptography;
using TinyLite.Codegen.Image;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Codegen.Passes;
using TinyLite.Codegen.Planning;
using TinyLite.Codegen.Planning.Streaming;
using TinyLite.Codegen.Report;
using TinyLite.Codegen.Tflite;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;

namespace TinyLite.Codegen;

/// <summary>The host compiler: TFLite model → lowered kernel calls → memory plan → .tlm image.</summary>
public static class Compiler
{
    /// <summary>Compiles the bytes of a .tflite file; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="CompileException">The model is malformed or uses something TinyLite does not support.</exception>
    public static CompiledModel Compile(byte[] tflite, string sourceName, CompileOptions? options = null)
        => Compile(TfliteReader.Read(tflite, sourceName), options);

    /// <summary>Compiles a graph (from the reader or built by hand). The graph gains the tensors the lowerings add.</summary>
    public static CompiledModel Compile(Graph graph, CompileOptions? options = null)
    {
        options ??= new CompileOptions();
        var clock = Stopwatch.StartNew();
        string model = Path.GetFileName(graph.Source);
        // int4 / auto: requantize in memory first (Quantize/WeightQuantizer); int4 weights already in the model stay.
        if (options.Weights != WeightPrecision.Int8)
            graph = Quantize.WeightQuantizer.Quantize(graph, new Quantize.QuantizeOptions { Weights = options.Weights, MeasureAgreement = false }).Graph;
        if (!(options.MaxExtraMacs >= 0 && options.MaxExtraMacs <= 10))
            throw new CompileException($"{model}: --max-extra-macs must be between 0% and 1000% (got {options.MaxExtraMacs * 100:0.##}%)");
        CheckGraph(graph, model);
        if (options.FoldPads) PadFolding.Fold(graph);

        var calls = Lower(graph, options, model);

        var plans = options.Plan == PlanStrategy.Auto || options.ComparePlans ? Plans(graph, calls, options.MaxExtraMacs) : [Plan(graph, calls, options.Plan, options.MaxExtraMacs)];
        long macs = calls.Sum(c => c.Macs);
        string sha = graph.SourceSha256.Length > 0 ? graph.SourceSha256 : "";
        var meta = ImageMetadata.ForModel(sha, model);
        // Each plan's own image: its interpreter state and size differ (more kernel calls for streamed layers).
        var images = plans.Select(p => ImageWriter.Write(p.Graph ?? graph, p.Calls, p, meta)).ToList();
        var figures = plans.Select((p, i) => PlanFigures.Of(p, images[i], macs, options.ImageInRam, options.InstructionsPerMac)).ToList();
        var chosen = options.Plan == PlanStrategy.Auto
            ? PlanChoice.Pick([.. figures.Where(f => f.ExtraMacs <= macs * options.MaxExtraMacs)])
            : figures.Single(f => f.Strategy == options.Plan);
        int index = figures.IndexOf(chosen);
        var plan = plans[index];
        var planned = plan.Graph ?? graph;
        var image = images[index];
        RefuseImagesTheRuntimeWouldRefuse(image, model);
        var report = CompileReport.Create(planned, plan.Calls, plan, image, clock.Elapsed) with { ImageInRam = options.ImageInRam, Plans = figures };
        return new CompiledModel { Graph = planned, Calls = plan.Calls, Plan = plan, Image = image, Report = report, Alternatives = plans, PlanFigures = figures };
    }

    /// <summary>
    /// Lowers every operator in model order. An operator that cannot be lowered (no lowering for its type, or one
    /// that refuses its dtypes or parameters) does not stop the others: all such problems end in one
    /// <see cref="CompileException"/> (<see cref="OperatorProblems.Combine"/>) once every operator has been tried.
    /// </summary>
    private static List<KernelCall> Lower(Graph graph, CompileOptions options, string model)
    {
        var calls = new List<KernelCall>();
        var problems = new List<OperatorProblem>();
        foreach (var op in graph.Operators.ToList())
        {
            var ctx = new LoweringContext(graph, op, options);
            try
            {
                var lowering = op.Op == BuiltinOperator.Custom
                    ? LoweringRegistry.Default.FindCustom(op.CustomCode) ?? throw ctx.Error($"custom operator '{op.CustomCode}' is not supported")
                    : LoweringRegistry.Default.Find(op.Op, ctx.OptionalInput(0)?.Type) ?? throw ctx.Error("operator type is not supported by TinyLite");
                foreach (var call in lowering.Lower(ctx))
                {
                    foreach (var c in call.InPlaceVariant is null ? [call] : new[] { call, call.InPlaceVariant })
                    {
                        c.SourceIndex = op.Index;
                        c.SourceOp = op.OpName;
                    }
                    calls.Add(call);
                }
            }
            catch (CompileException e) when (e.Problems.Count > 0)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0) throw OperatorProblems.Combine(model, problems);
        return calls;
    }

    /// <summary>
    /// Every plan the compiler can make for the lowered calls, in the order of <see cref="PlanStrategies.Concrete"/>
    /// (simplest first, so "auto" keeps the simpler plan on a tie); the memory picture compares them.
    /// </summary>
    public static IReadOnlyList<MemoryPlan> Plans(Graph graph, IReadOnlyList<KernelCall> calls, double maxExtraMacs = 0.05) =>
        [.. PlanStrategies.Concrete.Select(s => Plan(graph, calls, s, maxExtraMacs))];

    /// <summary>The plan of one concrete strategy (any but <see cref="PlanStrategy.Auto"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is <see cref="PlanStrategy.Auto"/> or not a strategy.</exception>
    public static MemoryPlan Plan(Graph graph, IReadOnlyList<KernelCall> calls, PlanStrategy strategy, double maxExtraMacs = 0.05) => strategy switch
    {
        PlanStrategy.Layer => LayerPlanner.Plan(graph, calls),
        PlanStrategy.InPlace => InPlacePlanner.Plan(graph, calls),
        PlanStrategy.Stream => StreamPlanner.Plan(graph, calls),
        PlanStrategy.Patch => StreamPlanner.Plan(graph, calls, patch: true, maxExtraMacs),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "not a strategy that makes a plan (auto picks among them)"),
    };

    /// <summary>
    /// Loads the image with the runtime's own validator, so the compiler never emits an image a device would
    /// refuse (e.g. a requantization shift out of range from an absurd scale in the model).
    /// </summary>
    private static void RefuseImagesTheRuntimeWouldRefuse(byte[] image, string model)
    {
        try
        {
            _ = new Interpreter(image);
        }
        catch (ImageException e)
        {
            throw new CompileException($"{model}: the model's parameters are outside what the runtime accepts: {e.Message}");
        }
    }

    /// <summary>SHA-256 of bytes, lower-case hex.</summary>
    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void CheckGraph(Graph graph, string model)
    {
        if (graph.Inputs.Length == 0) throw new CompileException($"{model}: the model has no inputs");
        if (graph.Outputs.Length == 0) throw new CompileException($"{model}: the model has no outputs");
        foreach (int t in graph.Inputs.Concat(graph.Outputs))
        {
            if (t < 0 || t >= graph.Tensors.Count) throw new CompileException($"{model}: graph input/output refers to tensor {t}, which does not exist");
            if (graph.Tensors[t].IsConstant) throw new CompileException($"{model}: graph input/output tensor {t} is a constant");
        }
        foreach (var tensor in graph.Tensors)
        {
            if (tensor.Shape.Any(d => d < 0))
                throw new CompileException($"{model}: tensor {tensor.Index} ({tensor.Name}) has a dynamic shape [{string.Join(", ", tensor.Shape)}]; TinyLite needs static shapes");
        }
        foreach (var op in graph.Operators)
            foreach (int t in op.Inputs.Concat(op.Outputs))
                if (t >= graph.Tensors.Count || t < -1)
                    throw new CompileException($"{model}: operator {op.Index} ({op.OpName}) refers to tensor {t}, which does not exist");
    }
}
