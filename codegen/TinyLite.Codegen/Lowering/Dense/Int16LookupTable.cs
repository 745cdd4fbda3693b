namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// TFLM's LUTPopulate for int16 inputs, in single precision as TFLM computes it: 512 samples of a function over
/// the input range plus one end point, each sample lowered by half the error that linear interpolation makes at
/// the middle of its segment, rounded and clamped to int16.
/// </summary>
public static class Int16LookupTable
{
    /// <summary>Number of entries (512 segments and the end point).</summary>
    public const int Size = 513;

    /// <summary>The table of <paramref name="transform"/> for the given input and output quantization.</summary>
    public static short[] Populate(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint, Func<float, float> transform)
    {
        static float Round(float x) => MathF.Round(x, MidpointRounding.AwayFromZero);
        float inputMin = inputScale * (float)(short.MinValue - inputZeroPoint);
        float inputMax = inputScale * (float)(short.MaxValue - inputZeroPoint);
        float outputMin = outputScale * (float)(short.MinValue - outputZeroPoint);
        float outputMax = outputScale * (float)(short.MaxValue - outputZeroPoint);
        const int steps = 512;
        float step = (inputMax - inputMin) / steps;
        float halfStep = step / 2;
        float scalingInv = 65536f / (outputMax - outputMin);
        var lut = new short[Size];
        for (int i = 0; i < steps; i++)
        {
            float value = transform(inputMin + (float)i * step);
            float midpoint = transform(inputMin + (float)i * step + halfStep);
            float next = transform(inputMin + (float)(i + 1) * step);
            float sample = Round(value * scalingInv);
            float interpolatedMid = Round((next * scalingInv + Round(value * scalingInv)) / 2);
            float exactMid = Round(midpoint * scalingInv);
            float bias = Round((interpolatedMid - exactMid) / 2);
            lut[i] = (short)Math.Min(Math.Max(sample - bias, (float)short.MinValue), (float)short.MaxValue);
        }
        lut[steps] = (short)Math.Min(Math.Max(Round(transform(inputMax) * scalingInv), (float)short.MinValue), (float)short.MaxValue);
        return lut;
    }
}
