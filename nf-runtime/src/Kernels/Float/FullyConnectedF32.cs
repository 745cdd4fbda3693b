using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// FULLY_CONNECTED on float32, bit-exact with TFLM's reference_ops::FullyConnected (float): each output sums
    /// <c>input[d] * weights[out, d]</c> in d order from 0, then <c>total + bias</c> (bias 0 without one) clamped as
    /// <c>min(max(x, lo), hi)</c>.
    /// <para>Inputs: [input [batches, input_depth], weights [output_depth, input_depth], bias [output_depth] or -1];
    /// outputs: [output [batches, output_depth]]. Tensor slots: <see cref="FullyConnectedF32Slots"/>; Params:
    /// <see cref="FullyConnectedF32Params"/>.</para>
    /// </summary>
    public static class FullyConnectedF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int batches = p[FullyConnectedF32Params.Batches];
            int depth = p[FullyConnectedF32Params.InputDepth];
            int outDepth = p[FullyConnectedF32Params.OutputDepth];
            float actMin = FloatBits.FromBits(p[FullyConnectedF32Params.ActivationMin]);
            float actMax = FloatBits.FromBits(p[FullyConnectedF32Params.ActivationMax]);
            byte[] input = ctx.Buffer(op.Inputs[FullyConnectedF32Slots.InInput]);
            int inBase = ctx.Offset(op.Inputs[FullyConnectedF32Slots.InInput]);
            byte[] weights = ctx.Buffer(op.Inputs[FullyConnectedF32Slots.InWeights]);
            int weightsBase = ctx.Offset(op.Inputs[FullyConnectedF32Slots.InWeights]);
            int biasT = op.Inputs[FullyConnectedF32Slots.InBias];
            byte[] bias = biasT >= 0 ? ctx.Buffer(biasT) : null;
            int biasBase = biasT >= 0 ? ctx.Offset(biasT) : 0;
            byte[] output = ctx.Buffer(op.Outputs[FullyConnectedF32Slots.OutOutput]);
            int o = ctx.Offset(op.Outputs[FullyConnectedF32Slots.OutOutput]);
            for (int b = 0; b < batches; b++)
            {
                for (int outC = 0; outC < outDepth; outC++)
                {
                    int ii = inBase + 4 * b * depth;
                    int wi = weightsBase + 4 * outC * depth;
                    float total = 0.0f;
                    for (int d = 0; d < depth; d++)
                    {
                        float product = BitConverter.ToSingle(input, ii) * BitConverter.ToSingle(weights, wi);
                        total += product;
                        ii += 4;
                        wi += 4;
                    }
                    FloatBiasClamp.Store(output, o, total, bias, biasBase, outC, actMin, actMax);
                    o += 4;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 3, 1, FullyConnectedF32Params.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = FloatChecks.Within(p, FullyConnectedF32Params.Batches, 3, 1, int.MaxValue);
            if (e != null)
            {
                return e;
            }
            int batches = p[FullyConnectedF32Params.Batches];
            int depth = p[FullyConnectedF32Params.InputDepth];
            int outDepth = p[FullyConnectedF32Params.OutputDepth];
            e = FloatChecks.Tensor(ctx, op.Inputs[FullyConnectedF32Slots.InInput],
                FloatChecks.Elements(batches, depth, 1, 1), "input");
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Inputs[FullyConnectedF32Slots.InWeights],
                    FloatChecks.Elements(outDepth, depth, 1, 1), "weights");
            }
            if (e == null)
            {
                e = FloatChecks.OptionalTensor(ctx, op.Inputs[FullyConnectedF32Slots.InBias], outDepth, "bias");
            }
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Outputs[FullyConnectedF32Slots.OutOutput],
                    FloatChecks.Elements(batches, outDepth, 1, 1), "output");
            }
            if (e != null)
            {
                return e;
            }
            return FloatChecks.ActivationRange(p[FullyConnectedF32Params.ActivationMin],
                p[FullyConnectedF32Params.ActivationMax]);
        }
    }
}
