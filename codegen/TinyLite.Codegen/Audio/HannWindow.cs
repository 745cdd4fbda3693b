namespace TinyLite.Codegen.Audio;

/// <summary>
/// The integer Hann window of TFLM's signal library (<c>window_op.hann_window_weights</c>): sample n of N weighs
/// 0.5 - 0.5 cos(2 pi (n + 0.5) / N), scaled by 2^shift and rounded half to even, in double precision.
/// </summary>
public static class HannWindow
{
    /// <summary>The <paramref name="length"/> weights at <paramref name="shift"/> fraction bits.</summary>
    public static short[] Weights(int length, int shift)
    {
        var weights = new short[length];
        double step = Math.PI * 2 / length;
        for (int n = 0; n < length; n++)
        {
            double w = 0.5 - 0.5 * Math.Cos(step * (n + 0.5));
            weights[n] = (short)Math.Round(w * (1 << shift), MidpointRounding.ToEven);
        }
        return weights;
    }
}
