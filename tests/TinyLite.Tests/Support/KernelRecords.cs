namespace TinyLite.Tests.Support;

/// <summary>Hand-built kernel calls for the load-time validation tests: a tensor table and an op record.</summary>
public static class KernelRecords
{
    /// <summary>Tensors 0..n-1 with the given types and byte sizes, each in its own zeroed buffer.</summary>
    public static KernelContext Context(params (int Type, int Bytes)[] tensors)
    {
        var buffers = tensors.Select(t => new byte[t.Bytes]).ToArray();
        return new KernelContext(buffers, new int[tensors.Length], tensors.Select(t => t.Bytes).ToArray(), tensors.Select(t => t.Type).ToArray());
    }

    /// <summary>A kernel call reading <paramref name="inputs"/> and writing <paramref name="outputs"/>.</summary>
    public static OpRecord Op(int code, int[] inputs, int[] outputs, int[] parameters) =>
        new() { Code = code, Inputs = inputs, Outputs = outputs, Params = parameters };
}
