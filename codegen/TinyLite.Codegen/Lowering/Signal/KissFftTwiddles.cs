namespace TinyLite.Codegen.Lowering.Signal;

/// <summary>
/// The twiddle table of kissfft v130's 16-bit real FFT (kiss_fftr_alloc with FIXED_POINT 16), computed on the host so
/// the device does no trigonometry: the N = fft_length / 2 twiddles of the complex transform,
/// round(32767 cos(-2 pi i / N)) and the same with sin, then the N / 2 split twiddles at phase
/// -pi ((i + 1) / N + 1/2), as (re, im) int16 pairs. kissfft rounds with floor(0.5 + x) in double, as here; .NET's
/// Math.Cos and Math.Sin call the same C library functions.
/// </summary>
public static class KissFftTwiddles
{
    /// <summary>The 3 N int16 values for an FFT of <paramref name="fftLength"/> real samples (N = fftLength / 2).</summary>
    public static short[] ForRealFft(int fftLength)
    {
        int n = fftLength / 2;
        var table = new short[3 * n];
        // kissfft's pi constants, as written in kiss_fft.c and kiss_fftr.c (both round to the same double).
        const double pi = 3.141592653589793238462643383279502884197169399375105820974944;
        for (int i = 0; i < n; i++)
        {
            double phase = -2 * pi * i / n;
            table[2 * i] = Fixed(Math.Cos(phase));
            table[2 * i + 1] = Fixed(Math.Sin(phase));
        }
        const double splitPi = 3.14159265358979323846264338327;
        for (int i = 0; i < n / 2; i++)
        {
            double phase = -splitPi * ((double)(i + 1) / n + .5);
            table[2 * n + 2 * i] = Fixed(Math.Cos(phase));
            table[2 * n + 2 * i + 1] = Fixed(Math.Sin(phase));
        }
        return table;
    }

    private static short Fixed(double value) => (short)Math.Floor(.5 + 32767 * value);
}
