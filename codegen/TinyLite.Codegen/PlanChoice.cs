using TinyLite.Codegen.Report;

namespace TinyLite.Codegen;

/// <summary>
/// The rule of <c>--plan auto</c>: the plan with the smallest device RAM (<see cref="PlanFigures.DeviceRamBytes"/>: arena + interpreter state + the image when it is loaded into RAM);
/// among the plans within <see cref="RamTolerancePercent"/>% of that, the one with the fewest estimated instructions
/// (<see cref="PlanFigures.EstimatedInstructions"/>); on a tie the least device RAM, then the earlier in
/// <see cref="PlanStrategies.Concrete"/> (the simpler plan).
/// </summary>
public static class PlanChoice
{
    /// <summary>How much more device RAM than the minimum a faster plan may take and still be picked: 2%.</summary>
    public const int RamTolerancePercent = 2;

    /// <summary>
    /// The plan auto picks among <paramref name="candidates"/> (in <see cref="PlanStrategies.Concrete"/> order, already
    /// limited to the plans within the extra-MAC budget).
    /// </summary>
    /// <exception cref="ArgumentException">No candidates.</exception>
    public static PlanFigures Pick(IReadOnlyList<PlanFigures> candidates)
    {
        if (candidates.Count == 0) throw new ArgumentException("no plan to choose from", nameof(candidates));
        long min = candidates.Min(f => f.DeviceRamBytes);
        // OrderBy is stable: full ties keep the simpler plan first.
        return candidates.Where(f => WithinTolerance(f.DeviceRamBytes, min))
            .OrderBy(f => f.EstimatedInstructions).ThenBy(f => f.DeviceRamBytes).First();
    }

    /// <summary>True when <paramref name="bytes"/> is at most <see cref="RamTolerancePercent"/>% above <paramref name="min"/>.</summary>
    public static bool WithinTolerance(long bytes, long min) => bytes * 100 <= min * (100 + RamTolerancePercent);
}
