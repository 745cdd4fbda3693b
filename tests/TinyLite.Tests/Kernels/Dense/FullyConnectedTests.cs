using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// FULLY_CONNECTED against a plain reference written here: acc = bias + sum(w * (x - inputZp)), TFLM's
/// requantization, output zero point, activation clamp. Exact equality.
/// </summary>
public class FullyConnectedTests
{
    private const float InScale = 0.05f, OutScale = 0.4f;

    private static int[] Reference(sbyte[] x, int batches, int inDepth, sbyte[] w, int outDepth, int[]? bias,
        int inZp, int outZp, QuantizedMultiplier[] m, int actMin, int actMax)
    {
        var y = new int[batches * outDepth];
        for (int b = 0; b < batches; b++)
            for (int o = 0; o < outDepth; o++)
            {
                int acc = bias?[o] ?? 0;
                for (int d = 0; d < inDepth; d++) acc += w[o * inDepth + d] * (x[b * inDepth + d] - inZp);
                int v = Requantize32(acc, m[o].Multiplier, m[o].Shift) + outZp;
                y[b * outDepth + o] = Math.Clamp(v, actMin, actMax);
            }
        return y;
    }

    [Theory]
    [InlineData(3, 7, 5, Activation.None, false)]
    [InlineData(1, 13, 6, Activation.Relu, true)]
    [InlineData(4, 1, 3, Activation.Relu6, false)]
    [InlineData(2, 31, 1, Activation.None, true)]
    public void FullyConnectedS8_MatchesReference(int batches, int inDepth, int outDepth, Activation act, bool perChannel)
    {
        var r = new Random(inDepth * 100 + outDepth);
        int inZp = -3, outZp = 4;
        var w = RandomInt8(r, outDepth * inDepth, -127, 127);
        var bias = Enumerable.Range(0, outDepth).Select(_ => r.Next(-3000, 3000)).ToArray();
        var x = RandomInt8(r, batches * inDepth);
        float[] wScales = perChannel
            ? Enumerable.Range(0, outDepth).Select(i => 0.01f + 0.003f * i).ToArray()
            : [0.02f];
        var g = new GraphBuilder("fc_s8");
        int input = g.AddInput("x", DataType.Int8, [batches, inDepth], InScale, inZp);
        int weights = g.AddConstantInt8("w", [outDepth, inDepth], w, wScales);
        int b = g.AddConstantInt32("b", [outDepth], bias,
            new Quantization(wScales.Select(s => InScale * s).ToArray(), new long[wScales.Length], 0));
        int output = g.AddTensor("y", DataType.Int8, [batches, outDepth], OutScale, outZp);
        g.AddOperator(BuiltinOperator.FullyConnected, [input, weights, b], [output], new FullyConnectedOptions(act, 0, false, false));
        g.MarkOutput(output);

        var m = Enumerable.Range(0, outDepth).Select(o => perChannel
            ? QuantizedMultiplier.From((double)InScale * wScales[o] / OutScale)
            : QuantizedMultiplier.From((double)(InScale * wScales[0]) / OutScale)).ToArray();
        var (lo, hi) = ActivationBounds(act, OutScale, outZp, -128, 127);
        var expected = Reference(x, batches, inDepth, w, outDepth, bias, inZp, outZp, m, lo, hi);

        var actual = Int8(Run(g.Build(), Bytes(x)));
        Assert.Equal(expected, actual.Select(v => (int)v).ToArray());
    }

    [Fact]
    public void FullyConnectedS8_KeepNumDimsNoBias_MatchesReference()
    {
        var r = new Random(7);
        int inDepth = 10, outDepth = 4, inZp = 11;
        var w = RandomInt8(r, outDepth * inDepth, -127, 127);
        var x = RandomInt8(r, 2 * 3 * inDepth);
        var g = new GraphBuilder("fc_keep");
        int input = g.AddInput("x", DataType.Int8, [2, 3, inDepth], InScale, inZp);
        int weights = g.AddConstantInt8("w", [outDepth, inDepth], w, [0.03f]);
        int output = g.AddTensor("y", DataType.Int8, [2, 3, outDepth], OutScale, -7);
        g.AddOperator(BuiltinOperator.FullyConnected, [input, weights, -1], [output], new FullyConnectedOptions(Activation.None, 0, true, false));
        g.MarkOutput(output);
        var m = Enumerable.Repeat(QuantizedMultiplier.From((double)(InScale * 0.03f) / OutScale), outDepth).ToArray();
        var expected = Reference(x, 6, inDepth, w, outDepth, null, inZp, -7, m, -128, 127);
        Assert.Equal(expected, Int8(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }

    [Theory]
    [InlineData(1, 9, 5)]
    [InlineData(3, 1, 7)]
    [InlineData(2, 16, 3)]
    [InlineData(2, 33, 2)]
    public void FullyConnectedS4_OddCounts_MatchesReference(int batches, int inDepth, int outDepth)
    {
        var r = new Random(inDepth * 31 + outDepth);
        int inZp = 5, outZp = -2;
        var w = RandomInt8(r, outDepth * inDepth, -8, 7);
        var bias = Enumerable.Range(0, outDepth).Select(_ => r.Next(-500, 500)).ToArray();
        var x = RandomInt8(r, batches * inDepth);
        // TFLite int4 layout: element 2i in the low nibble of byte i, 2i+1 in the high nibble (across rows).
        var packed = new byte[(w.Length + 1) / 2];
        for (int i = 0; i < w.Length; i++) packed[i / 2] |= (byte)((w[i] & 0x0F) << (i % 2 == 0 ? 0 : 4));
        var g = new GraphBuilder("fc_s4");
        int input = g.AddInput("x", DataType.Int8, [batches, inDepth], InScale, inZp);
        int weights = g.Add("w", DataType.Int4, [outDepth, inDepth], new Quantization([0.15f], [0], 0), packed);
        int b = g.AddConstantInt32("b", [outDepth], bias);
        int output = g.AddTensor("y", DataType.Int8, [batches, outDepth], OutScale, outZp);
        g.AddOperator(BuiltinOperator.FullyConnected, [input, weights, b], [output], new FullyConnectedOptions(Activation.Relu, 0, false, false));
        g.MarkOutput(output);
        var m = Enumerable.Repeat(QuantizedMultiplier.From((double)(InScale * 0.15f) / OutScale), outDepth).ToArray();
        var (lo, hi) = ActivationBounds(Activation.Relu, OutScale, outZp, -128, 127);
        var expected = Reference(x, batches, inDepth, w, outDepth, bias, inZp, outZp, m, lo, hi);
        Assert.Equal(expected, Int8(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void FullyConnectedS16_MatchesReference(bool int32Bias, bool perChannel)
    {
        var r = new Random(int32Bias ? 1 : 2);
        int batches = 2, inDepth = 11, outDepth = 3;
        float inScale = 0.001f, outScale = 0.002f;
        var w = RandomInt8(r, outDepth * inDepth, -127, 127);
        var x = RandomInt16(r, batches * inDepth, -3000, 3000);
        var bias = Enumerable.Range(0, outDepth).Select(_ => (long)r.Next(-100000, 100000)).ToArray();
        float[] wScales = perChannel ? [0.004f, 0.006f, 0.01f] : [0.005f];
        var g = new GraphBuilder("fc_s16");
        int input = g.AddInput("x", DataType.Int16, [batches, inDepth], inScale, 0);
        int weights = g.AddConstantInt8("w", [outDepth, inDepth], w, wScales);
        int b = int32Bias
            ? g.AddConstantInt32("b", [outDepth], bias.Select(v => (int)v).ToArray())
            : g.AddConstantInt64("b", [outDepth], bias);
        int output = g.AddTensor("y", DataType.Int16, [batches, outDepth], outScale, 0);
        g.AddOperator(BuiltinOperator.FullyConnected, [input, weights, b], [output], new FullyConnectedOptions(Activation.None, 0, false, false));
        g.MarkOutput(output);

        var expected = new int[batches * outDepth];
        for (int bi = 0; bi < batches; bi++)
            for (int o = 0; o < outDepth; o++)
            {
                long acc = bias[o];
                for (int d = 0; d < inDepth; d++) acc += w[o * inDepth + d] * x[bi * inDepth + d];
                var m = perChannel
                    ? QuantizedMultiplier.From((double)inScale * wScales[o] / outScale)
                    : QuantizedMultiplier.From((double)(inScale * wScales[0]) / outScale);
                int v = int32Bias ? Requantize32((int)acc, m.Multiplier, m.Shift) : Requantize64(acc, m.Multiplier, m.Shift);
                expected[bi * outDepth + o] = Math.Clamp(v, short.MinValue, short.MaxValue);
            }
        Assert.Equal(expected, Int16(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }
}
