using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Codegen.Planning;
using TinyLite.Codegen.Report;

namespace TinyLite.Codegen;

/// <summary>The result of compiling a model: the image and everything the reports and emitters need.</summary>
public sealed class CompiledModel
{
    public required Graph Graph { get; init; }
    public required IReadOnlyList<KernelCall> Calls { get; init; }
    public required MemoryPlan Plan { get; init; }
    /// <summary>The .tlm flash image.</summary>
    public required byte[] Image { get; init; }
    public required CompileReport Report { get; init; }
    /// <summary>Every plan the compiler made (the chosen one among them), for the memory picture.</summary>
    public IReadOnlyList<MemoryPlan> Alternatives { get; init; } = [];
    /// <summary>
    /// The device figures of every plan in <see cref="Alternatives"/> (same order), each from its own image: what
    /// <c>--plan auto</c> chose by and what <c>--board</c> checks each plan with.
    /// </summary>
    public IReadOnlyList<PlanFigures> PlanFigures { get; init; } = [];
}
