namespace TinyLite.Codegen.Quantize;

/// <summary>
/// The arithmetic of int8 → int4 weight requantization, symmetric per channel. A channel whose largest int8
/// magnitude is m (scale s) gets the int4 scale s·m/7, so its values map to round(7q/m) in [-7, 7]: the narrow
/// symmetric range, as int8 weights use [-127, 127] (TFLM's kernels accept -8 too, but a symmetric grid keeps
/// w and -w equally exact). The bias keeps its meaning, bias_scale = input_scale · weight_scale: its scale grows by
/// the same m/7 and its values become round(7b/m). Every ratio is exact in integers; ties round away from zero,
/// as TFLite's quantizer does.
/// </summary>
public static class Int4Requantization
{
    /// <summary>Largest int4 magnitude used (the grid is [-7, 7]).</summary>
    public const int MaxMagnitude = 7;

    /// <summary>round(value · num / den), ties away from zero; <paramref name="den"/> must be positive.</summary>
    public static long RoundRatio(long value, long num, long den)
    {
        if (den <= 0) throw new ArgumentOutOfRangeException(nameof(den), "the denominator must be positive");
        long product = value * num;
        long magnitude = (2 * Math.Abs(product) + den) / (2 * den);
        return product < 0 ? -magnitude : magnitude;
    }

    /// <summary>The int4 value of the int8 weight <paramref name="q"/> in a channel whose largest magnitude is <paramref name="channelMax"/>.</summary>
    public static sbyte Weight(sbyte q, int channelMax) =>
        channelMax == 0 ? (sbyte)0 : (sbyte)RoundRatio(q, MaxMagnitude, channelMax);

    /// <summary>The int4 scale of a channel: <paramref name="int8Scale"/> · m / 7 (unchanged for an all-zero channel).</summary>
    public static float Scale(float int8Scale, int channelMax) =>
        channelMax == 0 ? int8Scale : (float)((double)int8Scale * channelMax / MaxMagnitude);

    /// <summary>The int32 bias of a channel once its weights are int4: round(7b/m), saturated to int32.</summary>
    public static int Bias(int bias, int channelMax)
    {
        if (channelMax == 0) return bias;
        long v = RoundRatio(bias, MaxMagnitude, channelMax);
        return (int)Math.Clamp(v, int.MinValue, int.MaxValue);
    }

    /// <summary>
    /// The largest magnitude of each channel of int8 weights laid out as [outer, channels, inner] (the channel
    /// axis splits the shape there); one channel when <paramref name="channels"/> is 1.
    /// </summary>
    public static int[] ChannelMax(sbyte[] weights, int outer, int channels, int inner)
    {
        var max = new int[channels];
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < channels; c++)
                for (int i = 0; i < inner; i++)
                    max[c] = Math.Max(max[c], Math.Abs((int)weights[(o * channels + c) * inner + i]));
        return max;
    }

    /// <summary>Requantizes int8 weights [outer, channels, inner] to int4 values with each channel's maximum.</summary>
    public static sbyte[] Weights(sbyte[] weights, int outer, int channels, int inner, int[] channelMax)
    {
        var result = new sbyte[weights.Length];
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < channels; c++)
                for (int i = 0; i < inner; i++)
                {
                    int at = (o * channels + c) * inner + i;
                    result[at] = Weight(weights[at], channelMax[c]);
                }
        return result;
    }
}
