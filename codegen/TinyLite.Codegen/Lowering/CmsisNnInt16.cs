namespace TinyLite.Codegen.Lowering;

/// <summary>
/// The compiler's proof that CMSIS-NN's int16 x int8 kernels (arm_convolve_wrapper_s16,
/// arm_depthwise_conv_wrapper_s16, arm_fully_connected_s16) give TFLM's bytes for one output channel, and the
/// constant that marks a record as routable under <c>--cmsis-nn</c>.
/// </summary>
/// <remarks>
/// <para>TFLM's int16 kernels accumulate in int64 (int64 bias or none) and requantize with the int64
/// MultiplyByQuantizedMultiplier: reduced 16-bit multiplier, one rounding shift by 15 - shift, result truncated to
/// int32. CMSIS-NN (v7 sources) accumulates a prefix of the columns in int32 before widening: the first 512
/// (MAX_COL_COUNT) in arm_nn_mat_mult_kernel_s16 and arm_nn_vec_mat_mult_t_s16 on DSP builds, but ALL columns in
/// arm_convolve_s16's left-over pixel (odd out_h * out_w) and ALL taps in arm_depthwise_conv_fast_s16 on DSP
/// builds. So the proof asks that no int32 prefix can overflow whatever the split:
/// 32768 · Σ|w| ≤ 2^31 − 1 over every column of the channel (an int16 input times an int8 weight is at most
/// 32768 · |w| in magnitude). The int32 partial sums are then exact and the widened sum equals TFLM's.</para>
/// <para>CMSIS-NN's arm_nn_requantize_s64 truncates v · reduced >> (14 − shift) to int32 before its last rounding
/// step, where TFLM truncates only the final value; they agree while |v · reduced| &lt; (2^31 − 1) · 2^(14 − shift) (the truncated value and its increment fit int32),
/// with |v| ≤ 32768 · Σ|w| + |bias|. The proof asks that too (and shift ≤ 14, so the shifts are defined).</para>
/// <para>With an int32 bias (CONV_2D only: CMSIS-NN's depthwise and fully-connected s16 kernels take int64 bias)
/// TFLM accumulates in int32 and requantizes with the int32 MultiplyByQuantizedMultiplier, which CMSIS-NN's
/// arm_nn_requantize matches; the proof asks that (32768 · Σ|w| + |bias|) · 2^max(shift, 0) ≤ 2^31 − 1, so no sum,
/// bias addition or left shift overflows (signed overflow in CMSIS-NN's C code would be undefined).</para>
/// <para>The marker is the constant CMSIS-NN needs anyway: the requantization table split into its two arrays,
/// int32 [multipliers…, shifts…] (the image interleaves them for the managed kernels). Its presence as the
/// optional fifth input of ConvS16 / DepthwiseConvS16 / FullyConnectedS16 means "proven"; the managed kernels
/// only size-check it, the native CMSIS-NN adapters route the record with it and fall back without it.</para>
/// </remarks>
public static class CmsisNnInt16
{
    /// <summary>Largest magnitude of an int16 input value.</summary>
    public const long InputMagnitude = 32768;

    /// <summary>
    /// True when CMSIS-NN's s16 kernels give TFLM's value for every possible input on an output channel whose
    /// weights have absolute sum <paramref name="absWeightSum"/>, with bias <paramref name="bias"/> (0 without one),
    /// requantized with (<paramref name="multiplier"/>, <paramref name="shift"/>); <paramref name="int32Bias"/>
    /// selects TFLM's int32 path (see the remarks on the class).
    /// </summary>
    public static bool Exact(long absWeightSum, long bias, bool int32Bias, int multiplier, int shift)
    {
        if (absWeightSum < 0 || multiplier < 0 || shift > 14 || shift < -31)
            return false;
        Int128 products = (Int128)InputMagnitude * absWeightSum;
        if (products > int.MaxValue)
            return false;
        Int128 magnitude = products + Int128.Abs(bias);
        if (int32Bias)
            return (magnitude << Math.Max(shift, 0)) <= int.MaxValue;
        long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1L << 15)) >> 16 : 0x7FFF;
        // q = floor(v · reduced / 2^(14 - shift)) must fit int32 and q + 1 must not overflow: |v · reduced| < (2^31 − 1) · 2^(14 − shift).
        return magnitude * reduced < ((Int128)int.MaxValue << (14 - shift));
    }

    /// <summary>
    /// True when <see cref="Exact"/> holds for every one of <paramref name="channels"/> output channels:
    /// <paramref name="weights"/> holds int8 weights channel-major (channel c's row at c · rowLength),
    /// <paramref name="bias"/> one value per channel (null: none), <paramref name="pairs"/> the interleaved
    /// (multiplier, shift) table with one pair per channel or a single pair for all.
    /// </summary>
    public static bool AllExact(ReadOnlySpan<byte> weights, int channels, long[]? bias, bool int32Bias, int[] pairs)
    {
        if (channels <= 0 || weights.Length % channels != 0)
            return false;
        int rowLength = weights.Length / channels;
        bool perChannel = pairs.Length == 2 * channels;
        if (!perChannel && pairs.Length != 2)
            return false;
        for (int c = 0; c < channels; c++)
        {
            long sum = 0;
            foreach (byte b in weights.Slice(c * rowLength, rowLength))
                sum += Math.Abs((int)(sbyte)b);
            int pair = perChannel ? 2 * c : 0;
            if (!Exact(sum, bias?[c] ?? 0, int32Bias, pairs[pair], pairs[pair + 1]))
                return false;
        }
        return true;
    }

    /// <summary>The int32 or int64 values of a constant bias tensor (null when there is none).</summary>
    public static long[]? BiasValues(Ir.Tensor? bias, int channels)
    {
        if (bias?.Data == null)
            return null;
        var values = new long[channels];
        for (int c = 0; c < channels; c++)
            values[c] = bias.Type == Ir.DataType.Int64
                ? System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bias.Data.AsSpan(c * 8))
                : System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bias.Data.AsSpan(c * 4));
        return values;
    }

    /// <summary>The (multiplier, shift) pairs [m0, s0, m1, s1, …] as CMSIS-NN's two arrays [m0, m1, …, s0, s1, …].</summary>
    public static int[] Split(int[] pairs)
    {
        int n = pairs.Length / 2;
        var split = new int[2 * n];
        for (int i = 0; i < n; i++)
        {
            split[i] = pairs[2 * i];
            split[n + i] = pairs[2 * i + 1];
        }
        return split;
    }

    /// <summary>Name of the marker constant for the tensor named <paramref name="owner"/>.</summary>
    public static string QuantName(string owner) => owner + "/cmsis_nn_s16_quant";
}
