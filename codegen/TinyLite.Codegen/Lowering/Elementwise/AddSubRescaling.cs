using TinyLite.Codegen.Ir;
using static TinyLite.Codegen.Lowering.Elementwise.ElementwiseQuantization;

namespace TinyLite.Codegen.Lowering.Elementwise;

/// <summary>
/// The rescaling of quantized ADD/SUB (TFLM's CalculateOpDataAdd / CalculateOpDataSub) that <c>AddS8</c>,
/// <c>AddS16</c>, <c>SubS8</c> and <c>SubS16</c> read from their add_sub layout.
/// </summary>
public static class AddSubRescaling
{
    /// <summary>
    /// Computes the rescaling and returns the builder of the add_sub Params for a broadcast descriptor (so every
    /// quantization error is raised before the shapes are planned). TFLM's ADD works in double; its SUB computes
    /// the max scale and the three real multipliers in float before widening, which this reproduces (it changes
    /// the last bit of some multipliers, hence of some outputs). The inputs are rescaled to 2*max(s1, s2) after a
    /// left shift of 20 (int8) or 15 (int16); TFLM uses this general path for every int16 ADD and SUB (it never
    /// takes the power-of-two path that desktop TFLite selects with <c>pot_scale_int16</c>).
    /// </summary>
    public static Func<int[], int[]> Params(LoweringContext ctx, Tensor a, Tensor b, Tensor output,
        Activation activation, bool subtract)
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
        return broadcast => KernelParams.AddSub(
            input1Offset: -zp1, input1Multiplier: m1.Multiplier, input1Shift: m1.Shift,
            input2Offset: -zp2, input2Multiplier: m2.Multiplier, input2Shift: m2.Shift,
            outputMultiplier: mo.Multiplier, outputShift: mo.Shift, outputOffset: zpo, leftShift: leftShift,
            activationMin: actMin, activationMax: actMax, broadcast: broadcast);
    }
}
