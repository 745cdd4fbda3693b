namespace TinyLite.Tests.Golden;

/// <summary>
/// Every shared model and case under every memory plan: our outputs must be byte-identical to TFLM's reference
/// kernels, and the interpreter, given a larger array with the arena in the middle, must never touch a byte
/// outside [0, arena_bytes) of its arena.
/// </summary>
public class GoldenModelTests
{
    /// <summary>The plans that make different images ("auto" picks one of them).</summary>
    public static readonly IReadOnlyList<PlanStrategy> Plans = PlanStrategies.Concrete;

    /// <summary>xunit rows (plan, native): every plan, with the managed and with the native kernels.</summary>
    public static IEnumerable<object[]> PlanKernelRows() =>
        from plan in Plans
        from native in new[] { false, true }
        select new object[] { plan, native };

    /// <summary>xunit rows (item, plan, native): each of <paramref name="items"/> on every <see cref="PlanKernelRows()"/> row.</summary>
    public static IEnumerable<object[]> PlanKernelRowsOf(IEnumerable<string> items) =>
        from item in items
        from row in PlanKernelRows()
        select new object[] { item, row[0], row[1] };

    private const int GuardBytes = 64;
    private const byte Guard = 0xA5;

    public static IEnumerable<object[]> Rows() =>
        SharedModels.CaseRows().SelectMany(row => Plans.Select(plan => new object[] { row[0], row[1], plan }));

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void CompiledImage_MatchesTflmGoldenBitExactInsideGuardedArena(string model, string caseName, PlanStrategy plan)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var c = SharedModels.Cases(model).Single(x => x.Name == caseName);
        // Each model is compiled once per plan, however many cases it has.
        byte[] image = GoldenImages.Get(model, plan);

        // The image goes through its byte form, exactly as a .tlm file would; the arena sits between guard
        // bytes, and its own bytes start as the same non-zero pattern (no reliance on a zeroed arena).
        var probe = new Interpreter((byte[])image.Clone());
        int arenaBytes = probe.ArenaBytes;
        var memory = Enumerable.Repeat(Guard, GuardBytes + arenaBytes + GuardBytes).ToArray();
        var interpreter = new Interpreter((byte[])image.Clone(), memory, GuardBytes);
        Assert.Equal(c.Inputs.Length, interpreter.InputCount);
        Assert.Equal(c.Golden.Length, interpreter.OutputCount);
        byte[][] outputs = c.Run(interpreter);
        for (int j = 0; j < c.Golden.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(c.Golden[j]), outputs[j], $"{model}/{caseName} plan {plan.Name()} output {j}");
        int touched = Enumerable.Range(0, GuardBytes).Count(i => memory[i] != Guard || memory[GuardBytes + arenaBytes + i] != Guard);
        Assert.True(touched == 0, $"{model}/{caseName} plan {plan.Name()}: {touched} guard byte(s) around the {arenaBytes}-byte arena were written");
    }
}
