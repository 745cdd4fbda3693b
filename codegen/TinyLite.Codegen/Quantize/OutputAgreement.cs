namespace TinyLite.Codegen.Quantize;

/// <summary>How close a model's outputs stay to a reference's on the same cases.</summary>
/// <param name="Cases">Cases compared.</param>
/// <param name="Top1Agreement">Fraction of cases whose largest output (the first output's argmax) is the same element.</param>
/// <param name="MeanAbsDifference">Mean |reference - model| over every output element of every case, in real units.</param>
/// <param name="SqnrDb">Output signal-to-quantization-noise ratio, 10·log10(Σ ref² / Σ (ref - model)²); +∞ when equal.</param>
public sealed record OutputAgreement(int Cases, double Top1Agreement, double MeanAbsDifference, double SqnrDb)
{
    /// <summary>Compares per-case outputs; <paramref name="top1Length"/> is the first output's element count.</summary>
    public static OutputAgreement Compare(double[][] reference, double[][] model, int top1Length)
    {
        int same = 0;
        double absSum = 0, signal = 0, noise = 0;
        long elements = 0;
        for (int n = 0; n < reference.Length; n++)
        {
            if (ArgMax(reference[n], top1Length) == ArgMax(model[n], top1Length)) same++;
            for (int e = 0; e < reference[n].Length; e++)
            {
                double d = reference[n][e] - model[n][e];
                absSum += Math.Abs(d);
                signal += reference[n][e] * reference[n][e];
                noise += d * d;
                elements++;
            }
        }
        double sqnr = noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
        return new OutputAgreement(reference.Length, reference.Length == 0 ? 1 : (double)same / reference.Length,
            elements == 0 ? 0 : absSum / elements, sqnr);
    }

    /// <summary>Index of the largest of the first <paramref name="length"/> values (the first on a tie).</summary>
    public static int ArgMax(double[] values, int length)
    {
        int best = 0;
        for (int i = 1; i < Math.Min(length, values.Length); i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>"top-1 agreement 100.0% (32 cases), mean |diff| 0.0012, SQNR 31.4 dB".</summary>
    public override string ToString() =>
        $"top-1 agreement {Top1Agreement * 100:0.0}% ({Cases} cases), mean |diff| {MeanAbsDifference:0.#####}, SQNR {Db(SqnrDb)}";

    /// <summary>"31.4 dB", or "inf dB" for identical outputs.</summary>
    public static string Db(double db) => double.IsPositiveInfinity(db) ? "inf dB" : $"{db:0.0} dB";
}
