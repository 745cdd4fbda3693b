using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// MEAN (int8, int16) against a plain reference of TFLM's QuantizedMeanOrSum written here: the sum over the
/// reduced axes minus inputZp * count, requantized with QuantizeMultiplier(inScale / outScale) divided by count
/// the way TFLM folds it (multiplier * 2^floor(log2 count) / count), plus the output zero point. Exact equality.
/// </summary>
public class MeanTests
{
    private static int[] Reference(int[] x, int[] dims, int[] axes, float inScale, int inZp, float outScale, int outZp, int lo, int hi)
    {
        int rank = dims.Length;
        var reduced = new bool[rank];
        foreach (int a in axes) reduced[a < 0 ? a + rank : a] = true;
        long count = 1;
        for (int k = 0; k < rank; k++) if (reduced[k]) count *= dims[k];
        var outDims = Enumerable.Range(0, rank).Where(k => !reduced[k]).Select(k => dims[k]).ToArray();
        int outCount = outDims.Aggregate(1, (a, b) => a * b);
        var sums = new long[outCount];
        var index = new int[rank];
        for (int flat = 0; flat < x.Length; flat++)
        {
            int rem = flat;
            for (int k = rank - 1; k >= 0; k--) { index[k] = rem % dims[k]; rem /= dims[k]; }
            int o = 0;
            for (int k = 0; k < rank; k++) if (!reduced[k]) o = o * dims[k] + index[k];
            sums[o] += x[flat];
        }
        var m = QuantizedMultiplier.From((double)inScale / outScale);
        int shift = Math.Min(Math.Min((int)Math.Floor(Math.Log2(count)), 32), 31 + m.Shift);
        int multiplier = (int)(((long)m.Multiplier << shift) / count);
        return sums.Select(s => Math.Clamp(Requantize32((int)(s - inZp * count), multiplier, m.Shift - shift) + outZp, lo, hi)).ToArray();
    }

    [Theory]
    [InlineData(new[] { 2, 4, 5, 3 }, new[] { 1, 2 }, true)]
    [InlineData(new[] { 2, 4, 5, 3 }, new[] { 1, 2 }, false)]
    [InlineData(new[] { 1, 7, 9, 16 }, new[] { 2, 1 }, false)]
    [InlineData(new[] { 3, 6, 4 }, new[] { -1 }, false)]
    [InlineData(new[] { 2, 3, 5, 2 }, new[] { 0, 3 }, true)]
    [InlineData(new[] { 5, 8 }, new[] { 0, 1 }, false)]
    public void MeanS8_MatchesReference(int[] dims, int[] axes, bool keepDims)
    {
        var r = new Random(dims.Sum() + axes.Sum());
        float inScale = 0.07f, outScale = 0.05f;
        int inZp = 6, outZp = -11;
        int total = dims.Aggregate(1, (a, b) => a * b);
        var x = RandomInt8(r, total);
        var expected = Reference(x.Select(v => (int)v).ToArray(), dims, axes, inScale, inZp, outScale, outZp, -128, 127);
        int rank = dims.Length;
        var outShape = Enumerable.Range(0, rank)
            .Where(k => keepDims || !axes.Any(a => (a < 0 ? a + rank : a) == k))
            .Select(k => axes.Any(a => (a < 0 ? a + rank : a) == k) ? 1 : dims[k]).ToArray();
        var g = new GraphBuilder("mean_s8");
        int input = g.AddInput("x", DataType.Int8, dims, inScale, inZp);
        int axis = g.AddConstantInt32("axis", [axes.Length], axes);
        int output = g.AddTensor("y", DataType.Int8, outShape, outScale, outZp);
        g.AddOperator(BuiltinOperator.Mean, [input, axis], [output], new ReducerOptions(keepDims));
        g.MarkOutput(output);
        Assert.Equal(expected, Int8(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }

    [Fact]
    public void MeanS16_HeightWidth_MatchesReference()
    {
        var r = new Random(16);
        int[] dims = [1, 6, 7, 5];
        var x = RandomInt16(r, 6 * 7 * 5);
        var expected = Reference(x.Select(v => (int)v).ToArray(), dims, [1, 2], 0.002f, 0, 0.0015f, 0, -32768, 32767);
        var g = new GraphBuilder("mean_s16");
        int input = g.AddInput("x", DataType.Int16, dims, 0.002f, 0);
        int axis = g.AddConstantInt32("axis", [2], [1, 2]);
        int output = g.AddTensor("y", DataType.Int16, [1, 1, 1, 5], 0.0015f, 0);
        g.AddOperator(BuiltinOperator.Mean, [input, axis], [output], new ReducerOptions(true));
        g.MarkOutput(output);
        Assert.Equal(expected, Int16(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }
}
