using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Activations;

/// <summary>
/// SOFTMAX int16 -> int16 against TFLM's own test vectors (tensorflow/lite/micro/kernels/softmax_test.cc,
/// Softmax1DQuantizedInt16ShouldMatchGolden and Softmax2DQuantizedInt16ShouldMatchGolden: input scale 0.1, zero
/// point 0, output scale 1/32768, tolerance 1) and float softmax at other scales and betas (tolerance 7, the
/// empirical int16 tolerance stated in that file).
/// </summary>
public class SoftmaxS16Tests
{
    private static short[] RunSoftmax(int[] shape, short[] x, float inScale, float beta)
    {
        var g = new GraphBuilder("softmax16");
        int input = g.AddInput("x", DataType.Int16, shape, inScale, 0);
        int output = g.AddTensor("y", DataType.Int16, shape, 1f / 32768, 0);
        g.AddOperator(BuiltinOperator.Softmax, [input], [output], new SoftmaxOptions(beta));
        g.MarkOutput(output);
        return Int16(Run(g.Build(), Bytes(x)));
    }

    [Fact]
    public void SoftmaxS16_TflmTestVector2D_WithinOne()
    {
        float[] input = [1, 2, 3, 4, 5, -1, -2, -3, -4, -5];
        float[] golden = [0.011656231f, 0.031684921f, 0.086128544f, 0.234121657f, 0.636408647f,
                          0.636408647f, 0.234121657f, 0.086128544f, 0.031684921f, 0.011656231f];
        var x = input.Select(v => (short)MathF.Round(v / 0.1f, MidpointRounding.AwayFromZero)).ToArray();
        var actual = RunSoftmax([2, 5], x, 0.1f, 1f);
        for (int i = 0; i < golden.Length; i++)
        {
            int expected = (int)MathF.Round(golden[i] * 32768, MidpointRounding.AwayFromZero);
            Assert.InRange(actual[i], expected - 1, expected + 1);
        }
    }

    [Theory]
    [InlineData(1f, 0.0005f)]
    [InlineData(0.5f, 0.001f)]
    [InlineData(2f, 0.00012f)]
    public void SoftmaxS16_BetasAndScales_WithinSevenOfFloatSoftmax(float beta, float inScale)
    {
        var r = new Random((int)(inScale * 1e6));
        int depth = 9;
        var x = RandomInt16(r, 3 * depth, -8000, 8000);
        var actual = RunSoftmax([3, depth], x, inScale, beta);
        for (int row = 0; row < 3; row++)
        {
            var real = Enumerable.Range(0, depth).Select(c => (double)inScale * x[row * depth + c] * beta).ToArray();
            double max = real.Max();
            double sum = real.Sum(v => Math.Exp(v - max));
            for (int c = 0; c < depth; c++)
            {
                int expected = Math.Clamp((int)Math.Round(Math.Exp(real[c] - max) / sum * 32768), 0, 32767);
                Assert.InRange(actual[row * depth + c], expected - 7, expected + 7);
            }
        }
    }
}
