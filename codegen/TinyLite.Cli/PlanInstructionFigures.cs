using System.Text.Json;
using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>
/// The instructions per MAC each memory plan costs on a core, from <c>boards/speed.json</c> (QEMU measurements of
/// the native kernels: <c>native_kernels.CORE.plans</c>, each plan mapped to a measured figure by
/// <c>plan_figures</c>). <c>--plan auto</c> uses them to prefer the faster of plans with about the same device RAM.
/// </summary>
public static class PlanInstructionFigures
{
    /// <summary>The core whose figures <c>compile</c> uses without <c>--board</c>: the Cortex-M4 of the emulated board.</summary>
    public const string DefaultCore = "cortex-m4f";

    /// <summary>
    /// Instructions per MAC of every plan on <paramref name="core"/> (or the core it is approximated by); null when
    /// <paramref name="speedFile"/> is absent or has no figures for the core (auto then compares executed MACs).
    /// </summary>
    public static IReadOnlyDictionary<PlanStrategy, double>? For(string core, string speedFile)
    {
        if (!File.Exists(speedFile)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(speedFile));
        var root = doc.RootElement;
        if (!root.TryGetProperty("native_kernels", out var native) || !native.TryGetProperty(core, out var figures)) return null;
        if (figures.TryGetProperty("approximated_by", out var proxy) && !native.TryGetProperty(proxy.GetString()!, out figures)) return null;
        if (!figures.TryGetProperty("plans", out var plans) || !root.TryGetProperty("plan_figures", out var planFigures)) return null;
        var result = new Dictionary<PlanStrategy, double>();
        foreach (var strategy in PlanStrategies.Concrete)
        {
            string measured = planFigures.TryGetProperty(strategy.Name(), out var name) ? name.GetString()! : "layer";
            if (!plans.TryGetProperty(measured, out var m)) continue;
            result[strategy] = m.GetProperty("instructions").GetDouble() / m.GetProperty("macs").GetDouble();
        }
        return result;
    }
}
