namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// The sigmoid table of TFLM's int16 LOGISTIC and TANH kernels: 256 unsigned 0.16 values at x = i/24
/// (i = 0 .. 255). Each entry is 65536 * sigmoid(i/24) lowered by one sixteenth of that curve's second
/// derivative (half the error of the linear interpolation between neighbours, so interpolated values straddle
/// the curve), rounded to nearest; the last entry is pinned to 65535, the top of the 0.16 range. This reproduces
/// TFLM's table (sigmoid_table_uint16) entry for entry; ActivationS16Tests checks quoted entries through the kernels.
/// </summary>
public static class SigmoidTable
{
    /// <summary>The 256 entries.</summary>
    public static ushort[] Values()
    {
        var v = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-i / 24.0));
            double curve = 65536.0 * s;
            double secondDerivative = 65536.0 / (24.0 * 24.0) * s * (1 - s) * (1 - 2 * s);
            double entry = Math.Floor(curve - secondDerivative / 16 + 0.5);
            v[i] = (ushort)Math.Min(65535.0, entry);
        }
        v[255] = 65535;
        return v;
    }

    /// <summary>The table as little-endian bytes (an int16 tensor of 512 bytes).</summary>
    public static byte[] Bytes()
    {
        var values = Values();
        var bytes = new byte[512];
        for (int i = 0; i < 256; i++)
        {
            bytes[2 * i] = (byte)values[i];
            bytes[2 * i + 1] = (byte)(values[i] >> 8);
        }
        return bytes;
    }
}
