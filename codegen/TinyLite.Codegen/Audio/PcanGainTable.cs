namespace TinyLite.Codegen.Audio;

/// <summary>
/// The gain lookup table of TFLM's SignalPCAN (per-channel amplitude normalisation), built as TFLM's
/// <c>wide_dynamic_func_lut</c> builds it: gain(x) = 2^gainBits * (x / 2^inputBits + offset)^-strength in single
/// precision, saturated to int16 and rounded half up; entries 0 and 1 are gain(0) and gain(1), then each octave
/// [2^(i-1), 2^i) of the input (i = 2..32) holds a quadratic through its start, middle and end: y0, a1, a2, 0.
/// </summary>
public static class PcanGainTable
{
    /// <summary>Octaves of a 32-bit input.</summary>
    private const int Octaves = 32;

    /// <summary>Entries in the table: 4 per octave from the second on, plus the two for inputs 0 and 1.</summary>
    public const int Length = 4 * Octaves - 3;

    /// <summary>The table for the given PCAN strength, offset and bit widths.</summary>
    public static short[] Build(float strength, float offset, int inputBits, int gainBits)
    {
        // One spare slot: the last octave's trailing zero falls just past the table, as in TFLM's builder.
        var lut = new short[Length + 1];
        lut[0] = Gain(strength, offset, gainBits, inputBits, 0);
        lut[1] = Gain(strength, offset, gainBits, inputBits, 1);
        for (int octave = 2; octave <= Octaves; octave++)
        {
            uint x0 = 1u << (octave - 1);
            uint x1 = x0 + (x0 >> 1);
            uint x2 = octave == Octaves ? x0 + (x0 - 1) : 2 * x0;
            short y0 = Gain(strength, offset, gainBits, inputBits, x0);
            short y1 = Gain(strength, offset, gainBits, inputBits, x1);
            short y2 = Gain(strength, offset, gainBits, inputBits, x2);
            int diff1 = y1 - y0;
            int diff2 = y2 - y0;
            int a1 = 4 * diff1 - diff2;
            int a2 = diff2 - a1;
            int at = 4 * octave - 6;
            lut[at] = y0;
            lut[at + 1] = (short)a1;
            lut[at + 2] = (short)a2;
            lut[at + 3] = 0;
        }
        return lut[..Length];
    }

    private static short Gain(float strength, float offset, int gainBits, int inputBits, uint x)
    {
        float xAsFloat = (float)x / (1u << inputBits);
        float gain = (1u << gainBits) * MathF.Pow(xAsFloat + offset, -strength);
        if (gain > short.MaxValue) return short.MaxValue;
        return (short)(gain + 0.5f);
    }
}
