namespace TinyLite.Codegen.Lowering;

/// <summary>
/// A real multiplier as TFLM represents it: a Q0.31 fixed-point mantissa and a power-of-two shift
/// (positive = left), computed exactly as TFLM's QuantizeMultiplier does so requantization is bit-exact.
/// </summary>
public readonly record struct QuantizedMultiplier(int Multiplier, int Shift)
{
    /// <summary>TFLM's QuantizeMultiplier(double): frexp, round the mantissa to 31 bits, fix the 1.0 case.</summary>
    public static QuantizedMultiplier From(double real)
    {
        if (real == 0.0) return new(0, 0);
        var (mantissa, exponent) = Frexp(real);
        long q = (long)Math.Round(mantissa * (1L << 31), MidpointRounding.AwayFromZero);
        if (q == 1L << 31)
        {
            q /= 2;
            exponent++;
        }
        if (exponent < -31)
        {
            exponent = 0;
            q = 0;
        }
        return new((int)q, exponent);
    }

    /// <summary>C's frexp: real = mantissa * 2^exponent with |mantissa| in [0.5, 1).</summary>
    public static (double Mantissa, int Exponent) Frexp(double value)
    {
        if (value == 0.0 || double.IsNaN(value) || double.IsInfinity(value)) return (value, 0);
        int exponent = Math.ILogB(value) + 1;
        double mantissa = Math.ScaleB(value, -exponent);
        // Subnormals and rounding at the edges: bring the mantissa into [0.5, 1).
        while (Math.Abs(mantissa) >= 1.0) { mantissa /= 2; exponent++; }
        while (Math.Abs(mantissa) < 0.5) { mantissa *= 2; exponent--; }
        return (mantissa, exponent);
    }
}
