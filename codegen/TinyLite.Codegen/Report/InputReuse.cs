using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Planning;

namespace TinyLite.Codegen.Report;

/// <summary>
/// Whether a plan keeps each model input's bytes intact through <c>Invoke()</c>. A plan may place a later tensor over
/// an input once the input's last reader has run, or run a kernel in place over it, so after <c>Invoke()</c> the
/// input tensor holds other bytes and a second <c>Invoke()</c> without <c>SetInput</c> gives another answer
/// (docs/RUNTIME.md, "Inputs").
/// </summary>
public static class InputReuse
{
    /// <summary>One flag per model input: true when no other arena tensor of <paramref name="plan"/> shares its bytes.</summary>
    public static IReadOnlyList<bool> InputsKept(Graph graph, MemoryPlan plan) =>
        [.. graph.Inputs.Select(t => Kept(plan, t))];

    private static bool Kept(MemoryPlan plan, int input)
    {
        if (!plan.Offsets.TryGetValue(input, out int start) || !plan.Lifetimes.TryGetValue(input, out var life)) return true;
        long end = start + life.Bytes;
        return !plan.Lifetimes.Values.Any(other => other.Tensor != input && other.Bytes > 0
            && plan.Offsets[other.Tensor] < end && start < plan.Offsets[other.Tensor] + other.Bytes);
    }
}
