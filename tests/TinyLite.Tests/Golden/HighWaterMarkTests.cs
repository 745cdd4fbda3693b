namespace TinyLite.Tests.Golden;

/// <summary>
/// The arena the compiler plans is the arena the runtime uses: running a model touches its last byte (so
/// arena_bytes is not larger than needed) and nothing beyond (the guarded golden tests check that side).
/// </summary>
public class HighWaterMarkTests
{
    public static IEnumerable<object[]> Rows() =>
        SharedModels.Root == null
            ? [["(no shared models)", PlanStrategy.Layer]]
            : SharedModels.ModelNames().Where(m => !m.StartsWith("seanet/", StringComparison.Ordinal) || m.EndsWith('0'))
                .SelectMany(m => GoldenModelTests.Plans.Select(p => new object[] { m, p }));

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void Invoke_HighestTouchedByte_IsTheLastByteOfThePlannedArena(string model, PlanStrategy plan)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        byte[] image = GoldenImages.Get(model, plan);
        int arenaBytes = new Interpreter((byte[])image.Clone()).ArenaBytes;
        var c = SharedModels.Cases(model).First(x => x.Steps == 1);
        int highest = -1;
        // Two fill patterns: a byte the model writes with the pattern's own value still shows in the other run.
        foreach (byte fill in new byte[] { 0xA5, 0x5A })
        {
            var arena = Enumerable.Repeat(fill, arenaBytes).ToArray();
            var interpreter = new Interpreter(image, arena);
            for (int i = 0; i < c.Inputs.Length; i++) interpreter.SetInput(i, File.ReadAllBytes(c.Inputs[i]));
            interpreter.Invoke();
            highest = Math.Max(highest, Array.FindLastIndex(arena, b => b != fill));
        }
        Assert.Equal(arenaBytes - 1, highest);
    }
}
