using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Activations;

/// <summary>
/// LOGISTIC and TANH on int8. Expected values come from the math (Math.Exp, Math.Tanh) checked with the
/// tolerances of TFLM's own tests (tensorflow/lite/micro/kernels/logistic_test.cc: 1, tanh_test.cc: 2), and
/// from hand-derived exact points (zero input, saturation beyond TFLM's input radius).
/// </summary>
public class ActivationTableTests
{
    private static sbyte[] RunOp(BuiltinOperator op, sbyte[] x, float inScale, int inZp, float outScale, int outZp)
    {
        var g = new GraphBuilder("act");
        int input = g.AddInput("x", DataType.Int8, [1, x.Length], inScale, inZp);
        int output = g.AddTensor("y", DataType.Int8, [1, x.Length], outScale, outZp);
        g.AddOperator(op, [input], [output]);
        g.MarkOutput(output);
        return Int8(Run(g.Build(), Bytes(x)));
    }

    private static sbyte Q(double v, float scale, int zp) => (sbyte)Math.Clamp((int)Math.Round(v / scale, MidpointRounding.AwayFromZero) + zp, -128, 127);

    [Theory]
    // logistic_test.cc: LogisticQuantizedInt8BasicShouldMatchGolden (scale 0.1) and ...WideRange... (scale 1.0, +-93).
    [InlineData(0.1f, new[] { 1f, 2, 3, 4, 5, -1, -2, -3, -4, -5 })]
    [InlineData(1.0f, new[] { 1f, 2, 3, 4, 93, -1, -2, -3, -4, -93 })]
    public void LogisticS8_TflmTestVectors_WithinOne(float inScale, float[] input)
    {
        float outScale = 1f / 255;
        var x = input.Select(v => Q(v, inScale, 0)).ToArray();
        var actual = RunOp(BuiltinOperator.Logistic, x, inScale, 0, outScale, -128);
        for (int i = 0; i < x.Length; i++)
        {
            int expected = Q(1 / (1 + Math.Exp(-input[i])), outScale, -128);
            Assert.InRange(actual[i], expected - 1, expected + 1);
        }
    }

    [Fact]
    public void LogisticS8_EveryInput_WithinOneOfExactSigmoid()
    {
        var x = Enumerable.Range(-128, 256).Select(v => (sbyte)v).ToArray();
        var actual = RunOp(BuiltinOperator.Logistic, x, 0.06f, 7, 1f / 256, -128);
        for (int i = 0; i < x.Length; i++)
            Assert.InRange(actual[i], Q(1 / (1 + Math.Exp(-0.06 * (x[i] - 7))), 1f / 256, -128) - 1, Q(1 / (1 + Math.Exp(-0.06 * (x[i] - 7))), 1f / 256, -128) + 1);
    }

    [Fact]
    public void LogisticS8_ZeroAndSaturation_AreExact()
    {
        // Input equal to the zero point: gemmlowp logistic returns exactly 1/2 (2^30), which is 128 - 128 = 0.
        // Scale 1: multiplier 2^27 (frexp 0.5, shift 28), radius floor(15 * 2^27 / 2^28) = 7: |x - zp| >= 7 saturates.
        sbyte[] x = [5, 12, -2, 127, -128];
        Assert.Equal(new sbyte[] { 0, 127, -128, 127, -128 }, RunOp(BuiltinOperator.Logistic, x, 1f, 5, 1f / 256, -128));
    }

    [Fact]
    public void TanhS8_TflmTestVector_WithinTwo()
    {
        // tanh_test.cc, SimpleTestTanhInt8: inputs on the grid -8 + 2i/11 (i = 0 .. 88, -8 to 8) at scale 16/256,
        // output scale 1.99999955/256, zero points 0, tolerance 2; expected values here are Math.Tanh of the same inputs.
        float inScale = 16 / 256f, outScale = 1.99999955f / 256f;
        var input = Enumerable.Range(0, 89).Select(i => -8.0 + 2.0 * i / 11).ToArray();
        var x = input.Select(v => Q(v, inScale, 0)).ToArray();
        var actual = RunOp(BuiltinOperator.Tanh, x, inScale, 0, outScale, 0);
        for (int i = 0; i < x.Length; i++)
        {
            int expected = Q(Math.Tanh(input[i]), outScale, 0);
            Assert.InRange(actual[i], expected - 2, expected + 2);
        }
    }

    [Fact]
    public void TanhS8_ZeroAndSaturation_AreExact()
    {
        // tanh(0) = 0 exactly; scale 1 gives radius 7 as for logistic, so |x - zp| >= 7 gives -128 / 127.
        sbyte[] x = [-3, 4, -10, 127, -128];
        Assert.Equal(new sbyte[] { 0, 127, -128, 127, -128 }, RunOp(BuiltinOperator.Tanh, x, 1f, -3, 1f / 128, 0));
    }
}
