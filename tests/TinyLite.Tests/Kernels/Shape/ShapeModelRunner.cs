namespace TinyLite.Tests.Kernels.Shape;

/// <summary>Compiles a hand-built graph, runs it once through the real image and interpreter, returns the outputs.</summary>
internal static class ShapeModelRunner
{
    public static byte[][] Run(Graph graph, params byte[][] inputs)
    {
        var compiled = Compiler.Compile(graph);
        var interpreter = new Interpreter((byte[])compiled.Image.Clone());
        for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, inputs[i]);
        interpreter.Invoke();
        return Enumerable.Range(0, interpreter.OutputCount).Select(interpreter.GetOutput).ToArray();
    }

    /// <summary>Runs a one-operator graph: inputs (name, type, shape, bytes) → one output of the given type and shape.</summary>
    public static byte[] RunSingle(BuiltinOperator op, DataType type, int[] inputShape, byte[] input, int[] outputShape,
        OperatorOptions? options = null, Func<GraphBuilder, int[]>? extraInputs = null, DataType? outputType = null,
        float? inScale = null, long inZeroPoint = 0, float? outScale = null, long outZeroPoint = 0)
    {
        var b = new GraphBuilder("shape_test.tflite");
        int x = b.AddInput("x", type, inputShape, inScale, inZeroPoint);
        int[] extra = extraInputs?.Invoke(b) ?? [];
        int y = b.AddTensor("y", outputType ?? type, outputShape, outScale, outZeroPoint);
        b.AddOperator(op, [x, .. extra], [y], options).MarkOutput(y);
        return Run(b.Build(), input)[0];
    }

    public static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static int Product(int[] shape) => shape.Aggregate(1, (a, d) => a * d);

    /// <summary>Row-major multi-index of flat element <paramref name="flat"/>.</summary>
    public static int[] Unflatten(int flat, int[] shape)
    {
        var idx = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /// <summary>Row-major flat index of a multi-index.</summary>
    public static int Flatten(int[] idx, int[] shape)
    {
        int flat = 0;
        for (int d = 0; d < shape.Length; d++) flat = flat * shape[d] + idx[d];
        return flat;
    }

    /// <summary>Copies element <paramref name="from"/> of <paramref name="src"/> to element <paramref name="to"/> of <paramref name="dst"/>.</summary>
    public static void CopyElement(byte[] src, int from, byte[] dst, int to, int size) => Array.Copy(src, from * size, dst, to * size, size);
}
