using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// RESHAPE, SQUEEZE and EXPAND_DIMS: the element order does not change, so each becomes a byte copy
/// (<see cref="OpCode.Copy"/>) that the planner may turn into an alias. The new shape is resolved here.
/// </summary>
public sealed class ReshapeLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (input, output) = ShapeTensors.MovedOperands(ctx);
        switch (ctx.Op.Op)
        {
            case BuiltinOperator.Reshape:
                CheckReshape(ctx, input, output);
                break;
            case BuiltinOperator.Squeeze:
                CheckSqueeze(ctx, input, output);
                break;
        }
        if (input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} have different element counts");
        return
        [
            new KernelCall
            {
                Code = OpCode.Copy, Inputs = [input.Index], Outputs = [output.Index],
                Params = KernelParams.Copy(byteCount: checked((int)input.ByteSize)),
                InPlace = input.IsConstant ? [] : [(0, 0)], IsAliasCopy = true,
            },
        ];
    }

    /// <summary>
    /// TFLM sizes the output from the output tensor's own shape (one -1 is stretched to fit the input); the
    /// requested shape (constant shape tensor, else the new_shape option) must agree with it.
    /// </summary>
    private static void CheckReshape(LoweringContext ctx, Tensor input, Tensor output)
    {
        int[]? requested = null;
        var shapeTensor = ctx.OptionalInput(1);
        if (shapeTensor != null)
        {
            if (shapeTensor.Data != null) requested = ShapeTensors.ConstantInt32s(ctx, 1, "shape");
        }
        else if (ctx.Op.Options is ReshapeOptions { NewShape.Length: > 0 } options)
        {
            requested = options.NewShape;
        }
        if (requested == null) return;
        // A 1-element [0] shape without a shape tensor is TFLite's legacy spelling of a scalar.
        if (shapeTensor == null && requested is [0]) requested = [];
        int[] resolved = ResolveShape(requested, input.ElementCount)
            ?? throw ctx.Error($"requested shape {ShapeTensors.Format(requested)} cannot hold the {input.ElementCount} input elements");
        if (!resolved.SequenceEqual(output.Shape))
            throw ctx.Error($"requested shape {ShapeTensors.Format(requested)} resolves to {ShapeTensors.Format(resolved)} but the output is {output.Describe()}");
    }

    /// <summary>
    /// Resolves a RESHAPE target: at most one -1, stretched so the element count equals <paramref name="elements"/>.
    /// Null when impossible (two -1s, other negatives, or a count that does not divide).
    /// </summary>
    public static int[]? ResolveShape(int[] requested, long elements)
    {
        int stretch = -1;
        long known = 1;
        for (int i = 0; i < requested.Length; i++)
        {
            if (requested[i] == -1)
            {
                if (stretch >= 0) return null;
                stretch = i;
            }
            else if (requested[i] < 0) return null;
            else known *= requested[i];
        }
        var resolved = (int[])requested.Clone();
        if (stretch >= 0)
        {
            if (known == 0 || elements % known != 0) return null;
            resolved[stretch] = checked((int)(elements / known));
            known *= resolved[stretch];
        }
        return known == elements ? resolved : null;
    }

    /// <summary>TFLM's squeeze checks: the squeezed dims exist and are 1; the others are kept in order.</summary>
    private static void CheckSqueeze(LoweringContext ctx, Tensor input, Tensor output)
    {
        int rank = input.Shape.Length;
        if (rank > 8) throw ctx.Error($"input rank {rank} exceeds 8");
        var squeeze = new bool[rank];
        int[] dims = (ctx.Op.Options as SqueezeOptions)?.SqueezeDims ?? [];
        if (dims.Length == 0)
        {
            for (int d = 0; d < rank; d++) squeeze[d] = input.Shape[d] == 1;
        }
        else
        {
            foreach (int dim in dims)
            {
                int d = dim < 0 ? dim + rank : dim;
                if (d < 0 || d >= rank || input.Shape[d] != 1)
                    throw ctx.Error($"squeeze dim {dim} is not a size-1 dim of {input.Describe()}");
                squeeze[d] = true;
            }
        }
        int[] kept = Enumerable.Range(0, rank).Where(d => !squeeze[d]).Select(d => input.Shape[d]).ToArray();
        if (!kept.SequenceEqual(output.Shape))
            throw ctx.Error($"squeezing {input.Describe()} gives {ShapeTensors.Format(kept)}, but the output is {output.Describe()}");
    }
}
