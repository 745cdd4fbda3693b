using TinyLite.Runtime.Kernels.Dense;
using static TinyLite.Tests.Kernels.Dense.DenseTestSupport;

namespace TinyLite.Tests.Kernels.Pooling;

/// <summary>
/// AVERAGE_POOL_2D and MAX_POOL_2D (int8, int16; SAME and VALID padding, odd sizes, strides, activations)
/// against a plain NHWC reference written here. Exact equality.
/// </summary>
public class PoolingTests
{
    private static int[] Reference(int[] x, int n, int h, int w, int c, int fh, int fw, int sh, int sw, Padding padding,
        bool average, int lo, int hi, out int oh, out int ow)
    {
        oh = padding == Padding.Same ? (h + sh - 1) / sh : (h - fh) / sh + 1;
        ow = padding == Padding.Same ? (w + sw - 1) / sw : (w - fw) / sw + 1;
        int padTop = Math.Max(0, (oh - 1) * sh + fh - h) / 2;
        int padLeft = Math.Max(0, (ow - 1) * sw + fw - w) / 2;
        var y = new int[n * oh * ow * c];
        int k = 0;
        for (int b = 0; b < n; b++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++)
                    for (int ch = 0; ch < c; ch++)
                    {
                        long sum = 0; int count = 0; int max = int.MinValue;
                        for (int fy = 0; fy < fh; fy++)
                            for (int fx = 0; fx < fw; fx++)
                            {
                                int iy = oy * sh - padTop + fy, ix = ox * sw - padLeft + fx;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                int v = x[((b * h + iy) * w + ix) * c + ch];
                                sum += v; count++; max = Math.Max(max, v);
                            }
                        // Average rounded half away from zero.
                        long avg = (Math.Abs(sum) * 2 + count) / (2L * count) * Math.Sign(sum);
                        y[k++] = Math.Clamp(average ? (int)avg : max, lo, hi);
                    }
        return y;
    }

    [Theory]
    [InlineData(true, Padding.Same, 3, 2, 2, 3, Activation.None)]
    [InlineData(true, Padding.Valid, 2, 2, 2, 2, Activation.Relu)]
    [InlineData(true, Padding.Same, 5, 5, 1, 1, Activation.Relu6)]
    [InlineData(false, Padding.Same, 3, 3, 2, 2, Activation.None)]
    [InlineData(false, Padding.Valid, 3, 1, 1, 2, Activation.Relu)]
    [InlineData(false, Padding.Same, 2, 4, 3, 1, Activation.None)]
    public void PoolS8_MatchesReference(bool average, Padding padding, int fh, int fw, int sh, int sw, Activation act)
    {
        var r = new Random(fh * 7 + fw * 3 + sh + (average ? 100 : 0));
        int n = 2, h = 5, w = 7, c = 3, zp = -9;
        float scale = 0.05f;
        var x = RandomInt8(r, n * h * w * c);
        var (lo, hi) = ActivationBounds(act, scale, zp, -128, 127);
        var expected = Reference(x.Select(v => (int)v).ToArray(), n, h, w, c, fh, fw, sh, sw, padding, average, lo, hi, out int oh, out int ow);
        var g = new GraphBuilder("pool_s8");
        int input = g.AddInput("x", DataType.Int8, [n, h, w, c], scale, zp);
        int output = g.AddTensor("y", DataType.Int8, [n, oh, ow, c], scale, zp);
        g.AddOperator(average ? BuiltinOperator.AveragePool2D : BuiltinOperator.MaxPool2D, [input], [output],
            new Pool2DOptions(padding, sw, sh, fw, fh, act));
        g.MarkOutput(output);
        Assert.Equal(expected, Int8(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }

    [Theory]
    [InlineData(true, Padding.Same)]
    [InlineData(false, Padding.Same)]
    [InlineData(true, Padding.Valid)]
    public void PoolS16_MatchesReference(bool average, Padding padding)
    {
        var r = new Random(average ? 5 : 6);
        int n = 1, h = 6, w = 5, c = 4, fh = 3, fw = 3, sh = 2, sw = 2;
        var x = RandomInt16(r, n * h * w * c);
        var expected = Reference(x.Select(v => (int)v).ToArray(), n, h, w, c, fh, fw, sh, sw, padding, average, -32768, 32767, out int oh, out int ow);
        var g = new GraphBuilder("pool_s16");
        int input = g.AddInput("x", DataType.Int16, [n, h, w, c], 0.001f, 0);
        int output = g.AddTensor("y", DataType.Int16, [n, oh, ow, c], 0.001f, 0);
        g.AddOperator(average ? BuiltinOperator.AveragePool2D : BuiltinOperator.MaxPool2D, [input], [output],
            new Pool2DOptions(padding, sw, sh, fw, fh, Activation.None));
        g.MarkOutput(output);
        Assert.Equal(expected, Int16(Run(g.Build(), Bytes(x))).Select(v => (int)v).ToArray());
    }

    /// <summary>
    /// Records that validation accepts although their padding and filter are near int.MaxValue (the loader fuzzer's
    /// finding): each window covers exactly input column 0 of every channel, so each output equals that input. The
    /// window bounds used to be computed as input width minus origin, which left int32 for the second case.
    /// </summary>
    [Theory]
    [InlineData(715827883, 715827884, 1, 1)] // pad (2^31 + 1) / 3: the offset -3 * pad + channel passed int.MinValue
    [InlineData(int.MaxValue - 1, int.MaxValue, 5, 1)] // width - origin passed int.MaxValue
    [InlineData(715827883, 715827884, 1, 2)]
    [InlineData(int.MaxValue - 1, int.MaxValue, 5, 2)]
    public void Pool_WindowsNearIntMax_CoverColumnZero(int padLeft, int filterWidth, int inputWidth, int elementBytes)
    {
        const int depth = 3;
        int type = elementBytes == 1 ? TensorType.Int8 : TensorType.Int16;
        int[] p = KernelParams.Pool(batches: 1, inputHeight: 1, inputWidth: inputWidth, depth: depth, outputHeight: 1,
            outputWidth: 1, strideHeight: 1, strideWidth: 1, filterHeight: 1, filterWidth: filterWidth, paddingTop: 0,
            paddingLeft: padLeft, activationMin: elementBytes == 1 ? -128 : -32768,
            activationMax: elementBytes == 1 ? 127 : 32767);
        foreach (int code in elementBytes == 1
                     ? new[] { OpCode.AveragePoolS8, OpCode.MaxPoolS8 }
                     : new[] { OpCode.AveragePoolS16, OpCode.MaxPoolS16 })
        {
            var ctx = KernelRecords.Context((type, inputWidth * depth * elementBytes), (type, depth * elementBytes));
            byte[] input = ctx.Buffer(0);
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (byte)(0x91 + 7 * i); // distinct, with negative int8 and int16 values
            }
            var op = KernelRecords.Op(code, [0], [1], p);
            Assert.Null(DenseFamily.Validate(ctx, op));
            DenseFamily.Run(ctx, op);
            Assert.Equal(input.Take(depth * elementBytes).ToArray(), ctx.Buffer(1));
        }
    }
}
