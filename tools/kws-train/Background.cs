namespace TinyLite.KwsTrain;

/// <summary>Seeded synthetic background sounds (float samples, about unit RMS before the level is applied).</summary>
public static class Background
{
    /// <summary>Kinds of background.</summary>
    public const int White = 0, Pink = 1, Brown = 2, Hum = 3, Babble = 4, Kinds = 5;

    /// <summary><paramref name="length"/> samples of background <paramref name="kind"/> at RMS <paramref name="level"/> (full scale 1).</summary>
    public static float[] Make(Random rng, int kind, int length, float level)
    {
        var x = new float[length];
        switch (kind)
        {
            case White:
                for (int i = 0; i < length; i++) x[i] = Gaussian(rng);
                break;
            case Pink:
            {
                // Three one-pole low-passes of white noise summed: roughly 1/f over the speech band.
                float a = 0, b = 0, c = 0;
                for (int i = 0; i < length; i++)
                {
                    float w = Gaussian(rng);
                    a = 0.997f * a + 0.03f * w;
                    b = 0.96f * b + 0.12f * w;
                    c = 0.6f * c + 0.35f * w;
                    x[i] = a + b + c;
                }
                break;
            }
            case Brown:
            {
                float s = 0;
                for (int i = 0; i < length; i++)
                {
                    s = 0.995f * s + 0.1f * Gaussian(rng);
                    x[i] = s;
                }
                break;
            }
            case Hum:
            {
                // Mains hum with harmonics and a little hiss.
                float f0 = rng.Next(2) == 0 ? 50f : 60f;
                for (int i = 0; i < length; i++)
                {
                    float t = i / 16000f;
                    x[i] = MathF.Sin(2 * MathF.PI * f0 * t) + 0.5f * MathF.Sin(2 * MathF.PI * 3 * f0 * t)
                        + 0.25f * MathF.Sin(2 * MathF.PI * 5 * f0 * t) + 0.1f * Gaussian(rng);
                }
                break;
            }
            default:
            {
                // Babble-like: noise through a slowly wandering resonance with a syllable-rate envelope.
                float y1 = 0, y2 = 0;
                for (int i = 0; i < length; i++)
                {
                    float t = i / 16000f;
                    float f = 500f + 300f * MathF.Sin(2 * MathF.PI * 0.7f * t) + 200f * MathF.Sin(2 * MathF.PI * 2.3f * t);
                    float r = 0.98f, w = 2 * MathF.PI * f / 16000f;
                    float y = Gaussian(rng) + 2 * r * MathF.Cos(w) * y1 - r * r * y2;
                    y2 = y1;
                    y1 = y;
                    x[i] = y * (0.6f + 0.4f * MathF.Sin(2 * MathF.PI * 4f * t));
                }
                break;
            }
        }
        double sum = 0;
        foreach (float v in x) sum += v * v;
        float scale = level / (float)Math.Sqrt(sum / Math.Max(1, length) + 1e-12);
        for (int i = 0; i < length; i++) x[i] *= scale;
        return x;
    }

    /// <summary>A standard normal sample (Box-Muller).</summary>
    public static float Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
