using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// <see cref="FullyConnectedS8Accumulate"/> with packed int4 weights: adds the products of one slice of the input
    /// vector to the int32 accumulators of every output channel, so a fully connected layer with int4 weights can
    /// consume its input band by band too. Followed by <see cref="FullyConnectedS8Finish"/> it writes exactly the
    /// bytes of <see cref="FullyConnectedS4"/> with one batch (int32 addition wraps, so the slicing does not matter).
    /// <para>Inputs: [0] input slice int8 [n]; [1] weights slice, bytes [outDepth * ((n + 1) / 2)]: row o holds output
    /// channel o's n weights of this slice packed two per byte (element 2i in the low nibble, sign-extended), each row
    /// starting on a byte, as <see cref="FullyConnectedS4"/>'s rows; [2] start values int32 [outDepth], or -1.
    /// Outputs: [0] accumulators int32 [outDepth] (arena).</para>
    /// <para>Params, aliasing and the meaning of start: as <see cref="FullyConnectedS8Accumulate"/>.</para>
    /// </summary>
    public static class FullyConnectedS4Accumulate
    {
        /// <summary>Adds the slice's products to the accumulators (see the class documentation).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int n = p[FullyConnectedAccumulateParams.SliceLength];
            int outDepth = p[FullyConnectedAccumulateParams.OutputDepth];
            int rowBytes = (n + 1) >> 1;
            byte[] input = ctx.Buffer(op.Inputs[FullyConnectedAccumulateSlots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[FullyConnectedAccumulateSlots.InInput]);
            byte[] weights = ctx.Buffer(op.Inputs[FullyConnectedAccumulateSlots.InWeights]);
            int weightsOffset = ctx.Offset(op.Inputs[FullyConnectedAccumulateSlots.InWeights]);
            byte[] acc = ctx.Buffer(op.Outputs[FullyConnectedAccumulateSlots.OutAccumulators]);
            int accOffset = ctx.Offset(op.Outputs[FullyConnectedAccumulateSlots.OutAccumulators]);
            byte[] start = acc;
            int startOffset = accOffset;
            if (op.Inputs[FullyConnectedAccumulateSlots.InStart] != -1)
            {
                start = ctx.Buffer(op.Inputs[FullyConnectedAccumulateSlots.InStart]);
                startOffset = ctx.Offset(op.Inputs[FullyConnectedAccumulateSlots.InStart]);
            }
            int pairs = n >> 1;
            for (int o = 0; o < outDepth; o++)
            {
                int sum = LittleEndian.ReadInt32(start, startOffset + o * 4);
                int w = weightsOffset + o * rowBytes;
                int wEnd = w + pairs;
                int x = inputOffset;
                // One weight byte feeds two MACs; nibbles sign-extended by shifting to the top of the int and back.
                while (w < wEnd)
                {
                    int k = weights[w];
                    sum += ((k << 28) >> 28) * (sbyte)input[x] + ((k << 24) >> 28) * (sbyte)input[x + 1];
                    w++;
                    x += 2;
                }
                if ((n & 1) != 0)
                {
                    sum += ((weights[w] << 28) >> 28) * (sbyte)input[x];
                }
                LittleEndian.WriteInt32(acc, accOffset + o * 4, sum);
            }
        }

        /// <summary>Checks the record against the tensors' sizes and the aliasing rules; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return DenseValidation.FullyConnectedAccumulate(ctx, op, 4);
        }
    }
}
