namespace TinyLite.Codegen.Quantize;

/// <summary>
/// The arithmetic of int8 → int4 weight requantization, symmetric per channel. A channel with int8 scale s gets a
/// clipping range r (in int8 steps, at most its largest magnitude) and the int4 scale s·r/7, so its values map to
/// clamp(round(7q/r), -7, 7): the narrow symmetric range, as int8 weights use [-127, 127] (TFLM's kernels accept -8
/// too, but a symmetric grid keeps w and -w equally exact). r is the one with the least squared error over the
/// channel (<see cref="ChannelRange"/>): clipping a few outliers buys a finer grid for all the other weights. The
/// bias keeps its meaning, bias_scale = input_scale · weight_scale: its scale grows by the same r/7 and its values
/// become round(7b/r). Every ratio is exact in integers; ties round away from zero, as TFLite's quantizer does.
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
        channelMax == 0 ? (sbyte)0 : (sbyte)Math.Clamp(RoundRatio(q, MaxMagnitude, channelMax), -MaxMagnitude, MaxMagnitude);

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

    /// <summary>
    /// Each channel's clipping range r in [⌈m/2⌉, m] (m its largest magnitude) with the least squared error
    /// Σ (q - r/7 · int4(q))², in int8 steps; the largest such r on a tie, so a channel that loses nothing to the
    /// grid keeps r = m. 0 for an all-zero channel.
    /// </summary>
    public static int[] ChannelRange(sbyte[] weights, int outer, int channels, int inner)
    {
        int[] max = ChannelMax(weights, outer, channels, inner);
        var range = new int[channels];
        for (int c = 0; c < channels; c++)
        {
            long bestError = long.MaxValue;
            for (int r = max[c]; r >= (max[c] + 1) / 2 && r > 0; r--)
            {
                // Error scaled by 49 so it stays an integer: (7q - r·int4(q))².
                long error = 0;
                for (int o = 0; o < outer; o++)
                    for (int i = 0; i < inner; i++)
                    {
                        int q = weights[(o * channels + c) * inner + i];
                        long d = 7L * q - (long)r * Weight((sbyte)q, r);
                        error += d * d;
                    }
                if (error < bestError)
                {
                    bestError = error;
                    range[c] = r;
                }
            }
        }
        return range;
    }

    /// <summary>Requantizes int8 weights [outer, channels, inner] to int4 values with each channel's range (<see cref="ChannelRange"/> or <see cref="ChannelMax"/>).</summary>
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
