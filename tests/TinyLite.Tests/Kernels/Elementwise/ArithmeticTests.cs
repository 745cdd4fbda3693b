using static TinyLite.Tests.Kernels.Elementwise.ElementwiseHarness;
using static TinyLite.Tests.Kernels.Elementwise.ElementwiseReference;

namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>
/// ADD, SUB and MUL through compile + interpreter, bit-exact against <see cref="ElementwiseReference"/>
/// (TFLM reference-kernel semantics written independently in the test).
/// </summary>
public class ArithmeticTests
{
    private static int[] Shape(string s) => s.Length == 0 ? [] : s.Split(',').Select(int.Parse).ToArray();

    private static Activation ParseActivation(string a) => a switch
    {
        "relu" => Activation.Relu,
        "relu6" => Activation.Relu6,
        "relu_n1_to_1" => Activation.ReluN1To1,
        _ => Activation.None,
    };

    public static TheoryData<string, string, string> BroadcastShapes => new()
    {
        { "1,4,4,3", "1,4,4,3", "1,4,4,3" },
        { "1,4,4,3", "1,1,1,3", "1,4,4,3" },
        { "1,1,1,3", "1,4,4,3", "1,4,4,3" },
        { "2,3,1", "1,1,5", "2,3,5" },
        { "4", "2,3,4", "2,3,4" },
        { "1", "3,2", "3,2" },
        { "2,1,3,1,2", "1,4,1,5,1", "2,4,3,5,2" },
        { "2,1,1,1,1,3", "1,2,2,2,2,1", "2,2,2,2,2,3" },
        { "3,1,2,1,2,1", "1,2,1,2,1,2", "3,2,2,2,2,2" },
    };

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void AddS8_BroadcastShapes_MatchReference(string a, string b, string o)
    {
        CheckQuantized(BuiltinOperator.Add, DataType.Int8, Shape(a), Shape(b), Shape(o), "none", seed: 1);
        CheckQuantized(BuiltinOperator.Add, DataType.Int8, Shape(a), Shape(b), Shape(o), "relu6", seed: 2);
    }

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void SubS16_BroadcastShapes_MatchReference(string a, string b, string o)
    {
        CheckQuantized(BuiltinOperator.Sub, DataType.Int16, Shape(a), Shape(b), Shape(o), "none", seed: 3);
        CheckQuantized(BuiltinOperator.Sub, DataType.Int16, Shape(a), Shape(b), Shape(o), "relu", seed: 4);
    }

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void MulS8_BroadcastShapes_MatchReference(string a, string b, string o)
    {
        CheckQuantized(BuiltinOperator.Mul, DataType.Int8, Shape(a), Shape(b), Shape(o), "relu", seed: 5);
    }

    [Theory]
    [InlineData("add", "int8", "none")]
    [InlineData("add", "int8", "relu")]
    [InlineData("add", "int8", "relu6")]
    [InlineData("add", "int8", "relu_n1_to_1")]
    [InlineData("add", "int16", "none")]
    [InlineData("add", "int16", "relu6")]
    [InlineData("sub", "int8", "none")]
    [InlineData("sub", "int8", "relu")]
    [InlineData("sub", "int16", "none")]
    [InlineData("mul", "int8", "none")]
    [InlineData("mul", "int8", "relu6")]
    [InlineData("mul", "int16", "none")]
    [InlineData("mul", "int16", "relu")]
    public void Quantized_ShapesOfSeanetAndResnet_MatchReference(string op, string type, string activation)
    {
        var bop = op == "add" ? BuiltinOperator.Add : op == "sub" ? BuiltinOperator.Sub : BuiltinOperator.Mul;
        var dt = type == "int8" ? DataType.Int8 : DataType.Int16;
        CheckQuantized(bop, dt, [1, 1, 5, 64], [1, 1, 5, 64], [1, 1, 5, 64], activation, seed: 6);
        CheckQuantized(bop, dt, [1, 8, 8, 16], [16], [1, 8, 8, 16], activation, seed: 7);
    }

    /// <summary>
    /// Every pair of int8 values ([256,1] op [1,256] broadcast to [256,256]) for scale sets that saturate in
    /// both directions, zero points at the extremes, and multipliers both below and above 1.
    /// </summary>
    [Theory]
    [InlineData("add", 0.05f, -128, 0.02f, 127, 0.01f, 0, "none")]
    [InlineData("add", 0.5f, 10, 0.5f, -10, 1.9f, -128, "relu6")]
    [InlineData("add", 0.003f, 0, 0.2f, 0, 0.07f, 5, "relu")]
    [InlineData("sub", 0.05f, -128, 0.02f, 127, 0.01f, 0, "none")]
    [InlineData("sub", 0.25f, 3, 0.125f, -7, 0.25f, 0, "relu_n1_to_1")]
    [InlineData("mul", 0.05f, -128, 0.02f, 127, 0.0001f, 0, "none")]
    [InlineData("mul", 0.5f, 0, 0.5f, 0, 0.003f, -20, "relu")]
    [InlineData("mul", 0.01f, 5, 0.02f, -3, 9.0f, 1, "none")]
    // Power-of-two multipliers (0.25, 2^-7): exact ties in both the doubling high multiply (half rounds up,
    // also for negatives) and the rounding shift (half rounds away from zero).
    [InlineData("mul", 0.5f, 0, 0.5f, 0, 1.0f, 0, "none")]
    [InlineData("mul", 0.25f, 3, 0.0625f, -2, 2.0f, -1, "none")]
    public void QuantizedS8_AllInputPairs_MatchReference(string op, float s1, int zp1, float s2, int zp2, float so, int zpo, string activation)
    {
        var bop = op == "add" ? BuiltinOperator.Add : op == "sub" ? BuiltinOperator.Sub : BuiltinOperator.Mul;
        var a = Enumerable.Range(-128, 256).ToArray();
        var b = Enumerable.Range(-128, 256).ToArray();
        var f = ElementFunction(bop, false, s1, zp1, s2, zp2, so, zpo, activation, -128, 127);
        var expected = Broadcast(a, [256, 1], b, [1, 256], [256, 256], f);
        var graph = Binary(bop, DataType.Int8, [256, 1], [1, 256], [256, 256], (s1, zp1), (s2, zp2), (so, zpo), Options(bop, activation));
        var actual = Int8Values(Run(graph, Int8Bytes(a), Int8Bytes(b)));
        Assert.Equal(expected, actual);
    }

    /// <summary>int16 extremes and random values, every pair of a 64x64 grid, with and without zero points.</summary>
    [Theory]
    [InlineData("add", 0.000585f, 0, 0.000807f, 0, 0.001024f, 0, "none")]
    [InlineData("add", 0.0003f, 0, 0.0003f, 0, 0.0001f, 0, "relu")]
    [InlineData("add", 0.001f, 100, 0.002f, -50, 0.0015f, 7, "none")]
    [InlineData("sub", 0.000585f, 0, 0.000807f, 0, 0.001024f, 0, "none")]
    [InlineData("sub", 0.0003f, 0, 0.0009f, 0, 0.0001f, 0, "relu6")]
    [InlineData("mul", 0.001f, 0, 0.002f, 0, 0.00005f, 0, "none")]
    [InlineData("mul", 0.1f, 0, 0.1f, 0, 0.3f, 0, "relu")]
    public void QuantizedS16_ExtremesAndRandomPairs_MatchReference(string op, float s1, int zp1, float s2, int zp2, float so, int zpo, string activation)
    {
        var bop = op == "add" ? BuiltinOperator.Add : op == "sub" ? BuiltinOperator.Sub : BuiltinOperator.Mul;
        var values = new[] { -32768, -32767, -16384, -1, 0, 1, 16383, 32767 }.Concat(ElementwiseHarness.Random(11, 56, -32768, 32767)).ToArray();
        var f = ElementFunction(bop, true, s1, zp1, s2, zp2, so, zpo, activation, -32768, 32767);
        var expected = Broadcast(values, [64, 1], values, [1, 64], [64, 64], f);
        var graph = Binary(bop, DataType.Int16, [64, 1], [1, 64], [64, 64], (s1, zp1), (s2, zp2), (so, zpo), Options(bop, activation));
        var actual = Int16Values(Run(graph, Int16Bytes(values), Int16Bytes(values)));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// TFLM's micro ADD never takes the power-of-two int16 path: with power-of-two scales the result is the
    /// general rescaling path's whether <c>pot_scale_int16</c> is true or false.
    /// </summary>
    [Fact]
    public void AddS16_PotScaleFlag_UsesTflmGeneralPathEitherWay()
    {
        var values = new[] { -32768, -32767, -3, -2, -1, 0, 1, 2, 3, 32767 }.Concat(ElementwiseHarness.Random(12, 54, -32768, 32767)).ToArray();
        float s1 = 1f / 1024, s2 = 1f / 4096, so = 1f / 1024;
        var f = AddSub(1, true, s1, 0, s2, 0, so, 0, -32768, 32767);
        var expected = Broadcast(values, [64, 1], values, [1, 64], [64, 64], f);
        foreach (bool pot in new[] { true, false })
        {
            var graph = Binary(BuiltinOperator.Add, DataType.Int16, [64, 1], [1, 64], [64, 64], (s1, 0), (s2, 0), (so, 0),
                new AddSubOptions(Activation.None, pot));
            Assert.Equal(expected, Int16Values(Run(graph, Int16Bytes(values), Int16Bytes(values))));
        }
    }

    [Fact]
    public void AddS32_WrapsAndIgnoresFusedActivationLikeTflm()
    {
        int[] a = [int.MaxValue, int.MinValue, -5, 7, 1 << 30, -100];
        int[] b = [1, -1, 3, -9, 1 << 30, 50];
        var graph = Binary(BuiltinOperator.Add, DataType.Int32, [6], [6], [6], options: new AddSubOptions(Activation.Relu, false));
        int[] expected = a.Zip(b, (x, y) => unchecked(x + y)).ToArray();
        Assert.Equal(expected, Int32Values(Run(graph, Int32Bytes(a), Int32Bytes(b))));
    }

    [Fact]
    public void SubS32_WrapsAndAppliesFusedActivation()
    {
        int[] a = [int.MinValue, 10, -5, 7, 3, 9];
        int[] b = [1, 3, 3, -9, 4, 2];
        var graph = Binary(BuiltinOperator.Sub, DataType.Int32, [6], [1, 6], [1, 6], options: new AddSubOptions(Activation.Relu6, false));
        int[] expected = a.Zip(b, (x, y) => Math.Clamp(unchecked(x - y), 0, 6)).ToArray();
        Assert.Equal(expected, Int32Values(Run(graph, Int32Bytes(a), Int32Bytes(b))));
    }

    [Fact]
    public void MulS32_Broadcast_WrapsLikeTflm()
    {
        int[] a = [65536, -3, 7, int.MaxValue];
        int[] b = [65536, 3];
        var graph = Binary(BuiltinOperator.Mul, DataType.Int32, [4, 1], [1, 2], [4, 2], options: new MulOptions(Activation.None));
        int[] expected = Broadcast(a, [4, 1], b, [1, 2], [4, 2], (x, y) => unchecked(x * y));
        Assert.Equal(expected, Int32Values(Run(graph, Int32Bytes(a), Int32Bytes(b))));
    }

    [Fact]
    public void AddF32_NoActivation_ClampsInfinityToFloatMax()
    {
        float[] a = [float.PositiveInfinity, float.NegativeInfinity, 1.5f, -2.25f, 3e38f];
        float[] b = [1f, 1f, 0.25f, 0.25f, 3e38f];
        var graph = Binary(BuiltinOperator.Add, DataType.Float32, [5], [5], [5], options: new AddSubOptions(Activation.None, false));
        Assert.Equal([float.MaxValue, float.MinValue, 1.75f, -2f, float.MaxValue], FloatValues(Run(graph, FloatBytes(a), FloatBytes(b))));
    }

    [Fact]
    public void SubAndMulF32_BroadcastWithActivation_MatchFloatArithmetic()
    {
        var rng = new Random(21);
        float[] a = Enumerable.Range(0, 12).Select(_ => (float)(rng.NextDouble() * 20 - 10)).ToArray();
        float[] b = Enumerable.Range(0, 4).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
        var sub = Binary(BuiltinOperator.Sub, DataType.Float32, [3, 4], [4], [3, 4], options: new AddSubOptions(Activation.Relu6, false));
        var mul = Binary(BuiltinOperator.Mul, DataType.Float32, [3, 4], [4], [3, 4], options: new MulOptions(Activation.ReluN1To1));
        Assert.Equal(Broadcast(a, [3, 4], b, [4], [3, 4], (x, y) => Math.Clamp(x - y, 0f, 6f)), FloatValues(Run(sub, FloatBytes(a), FloatBytes(b))));
        Assert.Equal(Broadcast(a, [3, 4], b, [4], [3, 4], (x, y) => Math.Clamp(x * y, -1f, 1f)), FloatValues(Run(mul, FloatBytes(a), FloatBytes(b))));
    }

    private static OperatorOptions Options(BuiltinOperator op, string activation) =>
        op == BuiltinOperator.Mul ? new MulOptions(ParseActivation(activation)) : new AddSubOptions(ParseActivation(activation), false);

    private static Func<int, int, int> ElementFunction(BuiltinOperator op, bool int16, float s1, int zp1, float s2, int zp2, float so, int zpo,
        string activation, int qmin, int qmax)
    {
        var (min, max) = ActivationRange(activation, so, zpo, qmin, qmax);
        return op == BuiltinOperator.Mul
            ? Mul(s1, zp1, s2, zp2, so, zpo, min, max)
            : AddSub(op == BuiltinOperator.Add ? 1 : -1, int16, s1, zp1, s2, zp2, so, zpo, min, max);
    }

    private static void CheckQuantized(BuiltinOperator op, DataType type, int[] aShape, int[] bShape, int[] oShape, string activation, int seed)
    {
        bool int16 = type == DataType.Int16;
        int qmin = int16 ? -32768 : -128, qmax = int16 ? 32767 : 127;
        float s1 = int16 ? 0.0007f : 0.05f, s2 = int16 ? 0.0011f : 0.11f, so = int16 ? 0.0013f : 0.13f;
        int zp1 = int16 || op == BuiltinOperator.Mul && int16 ? 0 : -3, zp2 = int16 ? 0 : 7, zpo = int16 ? 0 : -10;
        long na = aShape.Aggregate(1L, (x, d) => x * d), nb = bShape.Aggregate(1L, (x, d) => x * d);
        var a = ElementwiseHarness.Random(seed, na, qmin, qmax);
        var b = ElementwiseHarness.Random(seed + 100, nb, qmin, qmax);
        var f = ElementFunction(op, int16, s1, zp1, s2, zp2, so, zpo, activation, qmin, qmax);
        var expected = Broadcast(a, aShape, b, bShape, oShape, f);
        var graph = Binary(op, type, aShape, bShape, oShape, (s1, zp1), (s2, zp2), (so, zpo), Options(op, activation));
        var actual = int16
            ? Int16Values(Run(graph, Int16Bytes(a), Int16Bytes(b)))
            : Int8Values(Run(graph, Int8Bytes(a), Int8Bytes(b)));
        Assert.Equal(expected, actual);
    }
}
