using System.Globalization;
using System.Text.Json;
using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>
/// Milliseconds per inference on a board, estimated from the executed MACs, the board's clock and the measured
/// figures in <c>boards/speed.json</c> (instructions per MAC of the native kernels per core and plan; M MAC/s of the
/// managed kernels on nanoCLR).
/// </summary>
public sealed record SpeedEstimate
{
    /// <summary>Estimated milliseconds per inference with the native C kernels.</summary>
    public required double NativeMs { get; init; }

    /// <summary>Estimated milliseconds per inference with the managed kernels on nanoCLR.</summary>
    public required double ManagedMs { get; init; }

    /// <summary>The instructions per MAC used for the native figure.</summary>
    public required double NativeInstructionsPerMac { get; init; }

    /// <summary>The core whose measurement gave <see cref="NativeInstructionsPerMac"/> (differs from the board's when approximated).</summary>
    public required string MeasuredCore { get; init; }

    /// <summary>One line stating what the figures assume, for the CLI.</summary>
    public required string Assumptions { get; init; }

    /// <summary>
    /// The estimate for <paramref name="executedMacs"/> MACs (the report's <c>macs + extra_macs</c>) under memory plan
    /// <paramref name="plan"/> on <paramref name="board"/>, from <paramref name="speedFile"/>.
    /// </summary>
    public static SpeedEstimate For(BoardProfile board, PlanStrategy plan, long executedMacs, string speedFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(speedFile));
        var root = doc.RootElement;
        double cyclesPerInstruction = root.GetProperty("cycles_per_instruction").GetDouble();

        var native = root.GetProperty("native_kernels");
        string measuredCore = board.Core;
        if (!native.TryGetProperty(measuredCore, out var core))
            throw new CliError($"{speedFile}: no native_kernels entry for core '{board.Core}' (board {board.Name})");
        if (core.TryGetProperty("approximated_by", out var proxy))
        {
            measuredCore = proxy.GetString()!;
            core = native.GetProperty(measuredCore);
        }
        string planFigure = root.GetProperty("plan_figures").TryGetProperty(plan.Name(), out var p) ? p.GetString()! : "layer";
        var measured = core.GetProperty("plans").GetProperty(planFigure);
        double insnPerMac = measured.GetProperty("instructions").GetDouble() / measured.GetProperty("macs").GetDouble();

        var managed = root.GetProperty("managed_kernels");
        double managedMacPerSecond = managed.GetProperty("mac_per_second").GetDouble();
        double managedClockMhz = managed.GetProperty("measured_at_clock_mhz").GetDouble();
        double managedCyclesPerMac = managedClockMhz * 1e6 / managedMacPerSecond;

        double cyclesPerMs = board.ClockMhz * 1e3;
        var inv = CultureInfo.InvariantCulture;
        string approximated = measuredCore == board.Core ? "" : $", used for {board.Core}";
        return new SpeedEstimate
        {
            NativeMs = executedMacs * insnPerMac * cyclesPerInstruction / cyclesPerMs,
            ManagedMs = executedMacs * managedCyclesPerMac / cyclesPerMs,
            NativeInstructionsPerMac = insnPerMac,
            MeasuredCore = measuredCore,
            Assumptions = string.Format(inv,
                "{0:0.##} instructions per MAC measured on {1} under QEMU ({2} plan){3}; {4:0.##} cycle per instruction; managed: {5:0.0} M MAC/s of the posix nanoCLR at {6:N0} MHz, the same cycles per MAC at {7:0.#} MHz; boards/speed.json",
                insnPerMac, measuredCore, planFigure, approximated, cyclesPerInstruction, managedMacPerSecond / 1e6, managedClockMhz, board.ClockMhz),
        };
    }

    /// <summary>"0.4 ms" below 10 ms, "1,234 ms" above.</summary>
    public static string FormatMs(double ms) => ms < 10
        ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
