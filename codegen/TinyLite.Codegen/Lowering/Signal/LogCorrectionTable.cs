namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// TFLM's log2 correction table (signal/src/log.cc kLogLut): entry k is how far log2(1 + k / 128) lies above the
/// straight line k / 128, in units of 2^-16, rounded (65536 (log2(1 + k / 128) - k / 128) + 1/2, floored), for
/// k = 0 .. 128, plus TFLM's trailing 0. The test pins these values against entries of TFLM's table.
/// </summary>
public static class LogCorrectionTable
{
    /// <summary>The 130 entries.</summary>
    public static short[] Values { get; } = Create();

    private static short[] Create()
    {
        var table = new short[130];
        for (int k = 0; k <= 128; k++)
            table[k] = (short)Math.Floor(65536 * (Math.Log2(1 + k / 128.0) - k / 128.0) + .5);
        return table;
    }
}
