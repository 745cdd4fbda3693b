using System.Buffers.Binary;
using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// MEAN's reduction as the int and float mean kernels read it: the input's dims padded to 4-D with leading 1s and a
/// mask of the reduced dimensions, from a constant INT32 axis tensor over an input of rank 4 or less.
/// </summary>
public static class MeanAxes
{
    /// <summary>
    /// The padded dims and the mask; a compile error for a non-constant axis, a bad axis, an empty input or an
    /// <paramref name="output"/> that does not hold one value per mean.
    /// </summary>
    public static (int[] Dims, int Mask) Resolve(LoweringContext ctx, Tensor input, Tensor axis, Tensor output)
    {
        if (axis.Type != DataType.Int32 || axis.Data == null)
            throw ctx.Error("axis must be a constant INT32 tensor");
        int rank = input.Shape.Length;
        if (rank > 4)
            throw ctx.Error($"input {input.Describe()} has rank above 4");
        int pad = 4 - rank;
        int[] dims = new int[4];
        for (int k = 0; k < 4; k++) dims[k] = k < pad ? 1 : input.Shape[k - pad];
        int mask = 0;
        for (int i = 0; i < axis.ElementCount; i++)
        {
            int a = BinaryPrimitives.ReadInt32LittleEndian(axis.Data.AsSpan(i * 4));
            int resolved = a < 0 ? a + rank : a;
            if (resolved < 0 || resolved >= rank)
                throw ctx.Error($"axis {a} out of range for {input.Describe()}");
            mask |= 1 << (resolved + pad);
        }
        if (dims.Any(d => d <= 0))
            throw ctx.Error($"empty input {input.Describe()}");
        long kept = Count(dims, mask, reduced: false);
        if (kept != output.ElementCount)
            throw ctx.Error($"output {output.Describe()} does not hold the {kept} means");
        return (dims, mask);
    }

    /// <summary>How many values one mean sums (<paramref name="reduced"/> true) or how many means there are (false).</summary>
    public static long Count(int[] dims, int mask, bool reduced)
    {
        long count = 1;
        for (int k = 0; k < 4; k++)
            if (((mask & (1 << k)) != 0) == reduced) count *= dims[k];
        return count;
    }
}
