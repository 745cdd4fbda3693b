namespace TinyLite.Codegen.Audio;

/// <summary>
/// The triangular mel filter bank of TFLM's SignalFilterBank, built as TFLM's <c>filter_bank_ops</c> builds it (the
/// speech-micro front end's arithmetic: single-precision mel values, HTK-style bin spacing that excludes DC). Each
/// of <c>channels + 1</c> bands accumulates <c>weight * energy</c> into itself and <c>unweight * energy</c> into the
/// band before it; band 0 only seeds band 1 and is dropped by the kernel.
/// </summary>
public sealed class MelFilterBank
{
    /// <summary>Weights per band (the rising slope), Q(<c>weightBits</c>).</summary>
    public required short[] Weights { get; init; }

    /// <summary>1 - weight per bin, Q(<c>weightBits</c>).</summary>
    public required short[] Unweights { get; init; }

    /// <summary>First spectrum bin of each band (aligned down).</summary>
    public required short[] ChannelStarts { get; init; }

    /// <summary>First weight of each band.</summary>
    public required short[] WeightStarts { get; init; }

    /// <summary>Bins per band, padded to the channel block size.</summary>
    public required short[] Widths { get; init; }

    /// <summary>First spectrum bin any band reads.</summary>
    public required int StartIndex { get; init; }

    /// <summary>One past the last spectrum bin any band reads.</summary>
    public required int EndIndex { get; init; }

    /// <summary>Hz to mel as speech micro computes it: 1127 ln(1 + f / 700) in single precision.</summary>
    public static float FreqToMel(float freq) => 1127.0f * (float)Math.Log(1.0 + (double)(freq / 700.0f));

    /// <summary>
    /// The bank for a spectrum of <paramref name="spectrumSize"/> bins (fft_length / 2 + 1) at
    /// <paramref name="sampleRate"/> Hz. <paramref name="alignment"/> is in bytes of int16 weights, the channel block
    /// size in bins, as TFLM's FILTER_BANK_ALIGNMENT and FILTER_BANK_CHANNEL_BLOCK_SIZE.
    /// </summary>
    public static MelFilterBank Build(int spectrumSize, int sampleRate, int channels, float lowerHz, float upperHz,
        int weightBits, int alignment, int channelBlockSize)
    {
        if (lowerHz < 0 || lowerHz > upperHz) throw new ArgumentException($"band {lowerHz}..{upperHz} Hz is invalid");
        int indexAlignment = alignment < 2 ? 1 : alignment / 2;
        int bands = channels + 1;
        var starts = new short[bands];
        var weightStarts = new short[bands];
        var widths = new short[bands];
        var actualStarts = new int[bands];
        var actualWidths = new int[bands];
        float[] centers = CenterMels(bands, lowerHz, upperHz);

        // Bins are spaced over (spectrumSize - 1) intervals, excluding DC as HTK does.
        double hzPerBin = sampleRate / 2.0 / (spectrumSize - 1);
        int startIndex = (int)Math.Round(1 + lowerHz / hzPerBin, MidpointRounding.ToEven);

        int binStart = startIndex;
        int weightIndex = 0;
        bool zerosPlaced = false;
        for (int band = 0; band < bands; band++)
        {
            int bin = binStart;
            while (FreqToMel((float)(bin * hzPerBin)) <= centers[band]) bin++;
            int width = bin - binStart;
            actualStarts[band] = binStart;
            actualWidths[band] = width;
            if (width == 0)
            {
                // An empty band reads one block of zero weights, kept once at the front of the weight arrays.
                starts[band] = 0;
                weightStarts[band] = 0;
                widths[band] = (short)channelBlockSize;
                if (!zerosPlaced)
                {
                    zerosPlaced = true;
                    for (int j = 0; j < band; j++) weightStarts[j] += (short)channelBlockSize;
                    weightIndex += channelBlockSize;
                }
            }
            else
            {
                int alignedStart = binStart / indexAlignment * indexAlignment;
                int alignedWidth = binStart - alignedStart + width;
                int paddedWidth = ((alignedWidth - 1) / channelBlockSize + 1) * channelBlockSize;
                starts[band] = (short)alignedStart;
                weightStarts[band] = (short)weightIndex;
                widths[band] = (short)paddedWidth;
                weightIndex += paddedWidth;
            }
            binStart = bin;
        }

        var weights = new short[weightIndex];
        var unweights = new short[weightIndex];
        int endIndex = 0;
        float melLow = FreqToMel(lowerHz);
        for (int band = 0; band < bands; band++)
        {
            int bin = actualStarts[band];
            int offset = bin - starts[band];
            float below = band == 0 ? melLow : centers[band - 1];
            for (int j = 0; j < actualWidths[band]; j++)
            {
                float num = centers[band] - FreqToMel((float)(bin * hzPerBin));
                float den = centers[band] - below;
                float weight = num / den;
                int at = weightStarts[band] + offset + j;
                weights[at] = (short)(int)(weight * (1 << weightBits));
                unweights[at] = (short)(int)((1f - weight) * (1 << weightBits));
                bin++;
            }
            endIndex = Math.Max(endIndex, bin);
        }
        if (endIndex >= spectrumSize) throw new ArgumentException($"upper band limit {upperHz} Hz lies past the spectrum");

        return new MelFilterBank
        {
            Weights = weights, Unweights = unweights, ChannelStarts = starts, WeightStarts = weightStarts, Widths = widths,
            StartIndex = startIndex, EndIndex = endIndex,
        };
    }

    /// <summary>Upper mel edge of each band: evenly spaced from the lower limit, in single precision.</summary>
    private static float[] CenterMels(int bands, float lowerHz, float upperHz)
    {
        float melLower = FreqToMel(lowerHz);
        float melUpper = FreqToMel(upperHz);
        float spacing = (melUpper - melLower) / bands;
        var centers = new float[bands];
        for (int i = 0; i < bands; i++) centers[i] = melLower + spacing * (i + 1);
        return centers;
    }
}
