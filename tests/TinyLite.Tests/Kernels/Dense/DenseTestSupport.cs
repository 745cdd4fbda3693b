namespace TinyLite.Tests.Kernels.Dense;

/// <summary>
/// Helpers for the Dense op-level tests: run a hand-built graph through the compiler and interpreter, and a
/// plain reference of TFLM's integer requantization written independently of the runtime's FixedPoint.
/// </summary>
public static class DenseTestSupport
{
    /// <summary>Compiles <paramref name="graph"/>, feeds the inputs in order, invokes once and returns output 0.</summary>
    public static byte[] Run(Graph graph, params byte[][] inputs)
    {
        var interpreter = new Interpreter(Compiler.Compile(graph).Image);
        for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, inputs[i]);
        interpreter.Invoke();
        return interpreter.GetOutput(0);
    }

    public static byte[] Bytes(sbyte[] v) => v.Select(x => (byte)x).ToArray();

    public static sbyte[] Int8(byte[] b) => b.Select(x => (sbyte)x).ToArray();

    public static byte[] Bytes(short[] v)
    {
        var b = new byte[v.Length * 2];
        for (int i = 0; i < v.Length; i++) { b[2 * i] = (byte)v[i]; b[2 * i + 1] = (byte)(v[i] >> 8); }
        return b;
    }

    public static short[] Int16(byte[] b)
    {
        var v = new short[b.Length / 2];
        for (int i = 0; i < v.Length; i++) v[i] = (short)(b[2 * i] | (b[2 * i + 1] << 8));
        return v;
    }

    public static sbyte[] RandomInt8(Random r, int n, int lo = -128, int hi = 127)
        => Enumerable.Range(0, n).Select(_ => (sbyte)r.Next(lo, hi + 1)).ToArray();

    public static short[] RandomInt16(Random r, int n, int lo = -32768, int hi = 32767)
        => Enumerable.Range(0, n).Select(_ => (short)r.Next(lo, hi + 1)).ToArray();

    /// <summary>a / 2^e rounded to nearest, halves away from zero (e &gt;= 0).</summary>
    public static long RoundShiftAway(long a, int e)
    {
        if (e == 0) return a;
        long mag = (Math.Abs(a) + (1L << (e - 1))) >> e;
        return a < 0 ? -mag : mag;
    }

    /// <summary>floor(a / 2^e) for any sign.</summary>
    public static long FloorShift(long a, int e) => a >> e;

    /// <summary>
    /// TFLM's int32 requantization (double rounding): (x * 2^max(shift,0)) wrapped to int32, times the Q0.31
    /// multiplier rounded half up (the gemmlowp high multiply, saturating only MIN*MIN), then divided by
    /// 2^max(-shift,0) rounded half away from zero.
    /// </summary>
    public static int Requantize32(int x, int multiplier, int shift)
    {
        int shifted = unchecked(x * (1 << Math.Max(shift, 0)));
        long high = shifted == int.MinValue && multiplier == int.MinValue
            ? int.MaxValue
            : FloorShift((long)shifted * multiplier + (1L << 30), 31);
        return (int)RoundShiftAway(high, Math.Max(-shift, 0));
    }

    /// <summary>TFLM's int64 requantization: the multiplier rounded to 16 bits, one shift rounded half up.</summary>
    public static int Requantize64(long x, int multiplier, int shift)
    {
        long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1L << 15)) >> 16 : 0x7FFF;
        int total = 15 - shift;
        return unchecked((int)FloorShift(x * reduced + (1L << (total - 1)), total));
    }

    /// <summary>zero point + round(f / scale) in single precision, as TFLM quantizes activation bounds.</summary>
    public static int QuantizeBound(float f, float scale, int zeroPoint)
        => zeroPoint + (int)MathF.Round(f / scale, MidpointRounding.AwayFromZero);

    /// <summary>TFLM's quantized range of a fused activation (Relu, Relu6, none) for an output scale and zero point.</summary>
    public static (int Min, int Max) ActivationBounds(Codegen.Ir.Activation act, float scale, int zeroPoint, int qmin, int qmax) => act switch
    {
        Codegen.Ir.Activation.Relu => (Math.Max(qmin, QuantizeBound(0, scale, zeroPoint)), qmax),
        Codegen.Ir.Activation.Relu6 => (Math.Max(qmin, QuantizeBound(0, scale, zeroPoint)), Math.Min(qmax, QuantizeBound(6, scale, zeroPoint))),
        _ => (qmin, qmax),
    };
}
