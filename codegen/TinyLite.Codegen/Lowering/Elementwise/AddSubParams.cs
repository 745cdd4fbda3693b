using TinyLite.Codegen.Ir;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// The quantized ADD/SUB parameters (TFLM's CalculateOpDataAdd / CalculateOpDataSub), laid out as
/// <c>AddS8</c>, <c>AddS16</c>, <c>SubS8</c> and <c>SubS16</c> read them:
/// [-zp1, m1, shift1, -zp2, m2, shift2, m_out, shift_out, zp_out, left_shift, act_min, act_max].
/// </summary>
public static class AddSubParams
{
    /// <summary>Number of ints before the broadcast descriptor.</summary>
    public const int Count = 12;

    /// <summary>
    /// Computes the parameters. TFLM's ADD works in double; its SUB computes the max scale and the three real
    /// multipliers in float before widening, which this reproduces (it changes the last bit of some
    /// multipliers, hence of some outputs). The inputs are rescaled to 2*max(s1, s2) after a left shift of 20
    /// (int8) or 15 (int16); TFLM uses this general path for every int16 ADD and SUB (it never takes the
    /// power-of-two path that desktop TFLite selects with <c>pot_scale_int16</c>).
    /// </summary>
    public static int[] Compute(LoweringContext ctx, Tensor a, Tensor b, Tensor output, Activation activation, bool subtract)
    {
        var (s1, zp1) = PerTensor(ctx, a, "input 1");
        var (s2, zp2) = PerTensor(ctx, b, "input 2");
        var (so, zpo) = PerTensor(ctx, output, "output");
        int leftShift = output.Type == DataType.Int16 ? 15 : 20;
        double real1, real2, realOut;
        if (subtract)
        {
            float twiceMax = 2 * (s1 < s2 ? s2 : s1);
            real1 = (float)(s1 / twiceMax);
            real2 = (float)(s2 / twiceMax);
            realOut = (float)(twiceMax / (float)((1 << leftShift) * so));
        }
        else
        {
            double twiceMax = 2 * (double)(s1 < s2 ? s2 : s1);
            real1 = s1 / twiceMax;
            real2 = s2 / twiceMax;
            realOut = twiceMax / ((1 << leftShift) * (double)so);
        }
        var m1 = SmallerThanOne(ctx, real1, "input 1");
        var m2 = SmallerThanOne(ctx, real2, "input 2");
        var mo = SmallerThanOne(ctx, realOut, "output");
        var (actMin, actMax) = ActivationRange(ctx, activation, output.Type, so, zpo);
        return [-zp1, m1.Multiplier, m1.Shift, -zp2, m2.Multiplier, m2.Shift, mo.Multiplier, mo.Shift, zpo, leftShift, actMin, actMax];
    }
}
