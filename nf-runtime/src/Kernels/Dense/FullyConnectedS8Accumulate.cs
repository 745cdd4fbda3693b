using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// Streaming helper of FULLY_CONNECTED int8: adds the products of one slice of the input vector to the int32
    /// accumulators of every output channel, so a fully connected layer can consume its input band by band (the
    /// whole input never needs to exist at once). A chain of these calls over the slices of the input, starting
    /// from the folded bias, followed by <see cref="FullyConnectedS8Finish"/>, writes exactly the bytes of
    /// <see cref="FullyConnectedS8"/> with one batch: int32 addition wraps, so the slice order does not matter.
    /// <para>Inputs: [0] input slice int8 [n]; [1] weights slice int8 [outDepth * n] row-major (row o holds the
    /// weights of output channel o for the elements of this slice, re-laid out by the compiler); [2] start values
    /// int32 [outDepth] (typically the folded bias of <see cref="FullyConnectedS8"/>), or -1.
    /// Outputs: [0] accumulators int32 [outDepth] (arena).</para>
    /// <para>With input [2]: acc[o] = start[o] + sum_k w[o][k] * x[k]. Without it (-1): acc[o] += sum_k w[o][k] * x[k],
    /// a read-modify-write of the output. All sums wrap in int32.</para>
    /// <para>Params: the fully_connected_accumulate layout, <see cref="FullyConnectedAccumulateParams"/>: the slice
    /// length n (&gt;= 1) and outDepth (&gt;= 1).</para>
    /// <para>The accumulators must not share bytes with the input slice or the weights; the start values may be
    /// the accumulators themselves (same bytes) but must not overlap them otherwise.</para>
    /// </summary>
    public static class FullyConnectedS8Accumulate
    {
        /// <summary>Adds the slice's products to the accumulators (see the class documentation).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int n = p[FullyConnectedAccumulateParams.SliceLength];
            int outDepth = p[FullyConnectedAccumulateParams.OutputDepth];
            byte[] input = ctx.Buffer(op.Inputs[FullyConnectedAccumulateSlots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[FullyConnectedAccumulateSlots.InInput]);
            byte[] weights = ctx.Buffer(op.Inputs[FullyConnectedAccumulateSlots.InWeights]);
            int weightsOffset = ctx.Offset(op.Inputs[FullyConnectedAccumulateSlots.InWeights]);
            byte[] acc = ctx.Buffer(op.Outputs[FullyConnectedAccumulateSlots.OutAccumulators]);
            int accOffset = ctx.Offset(op.Outputs[FullyConnectedAccumulateSlots.OutAccumulators]);
            // Without start values each channel starts from its own accumulator.
            byte[] start = acc;
            int startOffset = accOffset;
            if (op.Inputs[FullyConnectedAccumulateSlots.InStart] != -1)
            {
                start = ctx.Buffer(op.Inputs[FullyConnectedAccumulateSlots.InStart]);
                startOffset = ctx.Offset(op.Inputs[FullyConnectedAccumulateSlots.InStart]);
            }
            int inputEnd4 = inputOffset + (n & ~3);
            int inputEnd = inputOffset + n;
            int w = weightsOffset;
            for (int o = 0; o < outDepth; o++)
            {
                int sum = LittleEndian.ReadInt32(start, startOffset + o * 4);
                int x = inputOffset;
                // Four products per iteration, as in FullyConnectedS8: the interpreter pays per loop test.
                while (x < inputEnd4)
                {
                    sum += (sbyte)weights[w] * (sbyte)input[x]
                        + (sbyte)weights[w + 1] * (sbyte)input[x + 1]
                        + (sbyte)weights[w + 2] * (sbyte)input[x + 2]
                        + (sbyte)weights[w + 3] * (sbyte)input[x + 3];
                    w += 4;
                    x += 4;
                }
                while (x < inputEnd)
                {
                    sum += (sbyte)weights[w] * (sbyte)input[x];
                    w++;
                    x++;
                }
                LittleEndian.WriteInt32(acc, accOffset + o * 4, sum);
            }
        }

        /// <summary>Checks the record against the tensors' sizes and the aliasing rules; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return DenseValidation.FullyConnectedAccumulate(ctx, op, 8);
        }
    }
}
