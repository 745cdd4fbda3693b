namespace TinyLite.Tests.Kernels.Elementwise;

/// <summary>Builds one-operator models, compiles them through the real pipeline and runs them on the interpreter.</summary>
public static class ElementwiseHarness
{
    /// <summary>Compiles <paramref name="graph"/>, feeds the inputs in order and returns output 0.</summary>
    public static byte[] Run(Graph graph, params byte[][] inputs)
    {
        var compiled = Compiler.Compile(graph);
        var interpreter = new Interpreter((byte[])compiled.Image.Clone());
        for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, inputs[i]);
        interpreter.Invoke();
        return interpreter.GetOutput(0);
    }

    /// <summary>A binary operator over two graph inputs.</summary>
    public static Graph Binary(BuiltinOperator op, DataType type, int[] aShape, int[] bShape, int[] outShape,
        (float S, long Z)? qa = null, (float S, long Z)? qb = null, (float S, long Z)? qo = null, OperatorOptions? options = null)
    {
        var g = new GraphBuilder($"{op}_test.tflite");
        int a = g.AddInput("a", type, aShape, qa?.S, qa?.Z ?? 0);
        int b = g.AddInput("b", type, bShape, qb?.S, qb?.Z ?? 0);
        int o = g.AddTensor("out", type, outShape, qo?.S, qo?.Z ?? 0);
        g.AddOperator(op, [a, b], [o], options).MarkOutput(o);
        return g.Build();
    }

    /// <summary>A unary operator over one graph input.</summary>
    public static Graph Unary(BuiltinOperator op, DataType type, int[] shape, (float S, long Z)? qi = null, (float S, long Z)? qo = null,
        OperatorOptions? options = null)
    {
        var g = new GraphBuilder($"{op}_test.tflite");
        int a = g.AddInput("in", type, shape, qi?.S, qi?.Z ?? 0);
        int o = g.AddTensor("out", type, shape, qo?.S, qo?.Z ?? 0);
        g.AddOperator(op, [a], [o], options).MarkOutput(o);
        return g.Build();
    }

    /// <summary>Seeded uniform values over [min, max].</summary>
    public static int[] Random(int seed, long count, int min, int max)
    {
        var rng = new System.Random(seed);
        var v = new int[count];
        for (long i = 0; i < count; i++) v[i] = rng.Next(min, max + 1);
        return v;
    }

    public static byte[] Int8Bytes(int[] v) => v.Select(x => (byte)(sbyte)x).ToArray();

    public static int[] Int8Values(byte[] b) => b.Select(x => (int)(sbyte)x).ToArray();

    public static byte[] Int16Bytes(int[] v)
    {
        var b = new byte[v.Length * 2];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), checked((short)v[i]));
        return b;
    }

    public static int[] Int16Values(byte[] b) =>
        Enumerable.Range(0, b.Length / 2).Select(i => (int)BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(2 * i))).ToArray();

    public static byte[] Int32Bytes(int[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), v[i]);
        return b;
    }

    public static int[] Int32Values(byte[] b) =>
        Enumerable.Range(0, b.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4 * i))).ToArray();

    public static byte[] FloatBytes(float[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(4 * i), v[i]);
        return b;
    }

    public static float[] FloatValues(byte[] b) =>
        Enumerable.Range(0, b.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(4 * i))).ToArray();
}
