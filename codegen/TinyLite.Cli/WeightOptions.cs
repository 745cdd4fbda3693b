using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>
/// Refuses the <c>--weights</c> values the compiler does not implement, instead of compiling something else silently.
/// <c>int4</c> is refused by the compiler itself; <c>auto</c> (choosing int4 where the accuracy allows) would compile as
/// int8, so the command line refuses it until the compiler chooses.
/// </summary>
public static class WeightOptions
{
    /// <summary>Throws a <see cref="CliError"/> naming the model when <paramref name="weights"/> is not implemented.</summary>
    public static void Check(WeightPrecision weights, string modelPath)
    {
        if (weights == WeightPrecision.Auto)
            throw new CliError($"{modelPath}: --weights auto is not implemented yet (it would compile int8 weights); give --weights int8, the default");
    }
}
