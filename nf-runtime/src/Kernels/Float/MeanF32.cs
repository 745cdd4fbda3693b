using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// MEAN on float32 over any set of axes of a (padded to) 4-D input, bit-exact with TFLM's float MEAN (both its
    /// generic reference_ops::Mean and the 4-D height-and-width special case): each output sums its inputs from 0 in
    /// the input's row-major order, then divides once by the float count of reduced elements.
    /// <para>Inputs: [input]; outputs: [output], the kept dimensions in order. Tensor slots:
    /// <see cref="MeanF32Slots"/>; Params: <see cref="MeanF32Params"/> (dims, then a mask with bit k set when
    /// dimension k is reduced).</para>
    /// </summary>
    public static class MeanF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int d0 = p[MeanF32Params.Dims];
            int d1 = p[MeanF32Params.Dims + 1];
            int d2 = p[MeanF32Params.Dims + 2];
            int d3 = p[MeanF32Params.Dims + 3];
            int mask = p[MeanF32Params.AxesMask];
            // Output strides of each input dimension: 0 for a reduced one, the kept dimensions row-major.
            int s3 = (mask & 8) != 0 ? 0 : 1;
            int kept = (mask & 8) != 0 ? 1 : d3;
            int s2 = (mask & 4) != 0 ? 0 : kept;
            kept *= (mask & 4) != 0 ? 1 : d2;
            int s1 = (mask & 2) != 0 ? 0 : kept;
            kept *= (mask & 2) != 0 ? 1 : d1;
            int s0 = (mask & 1) != 0 ? 0 : kept;
            kept *= (mask & 1) != 0 ? 1 : d0;
            int count = (d0 * d1 * d2 * d3) / kept;

            byte[] input = ctx.Buffer(op.Inputs[MeanF32Slots.InInput]);
            int ii = ctx.Offset(op.Inputs[MeanF32Slots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[MeanF32Slots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[MeanF32Slots.OutOutput]);
            for (int k = 0; k < kept; k++)
            {
                FloatBits.Write(output, outBase + 4 * k, 0.0f);
            }
            // The sums live in the output (it never overlaps the input); every output's additions come in input order.
            for (int i0 = 0; i0 < d0; i0++)
            {
                for (int i1 = 0; i1 < d1; i1++)
                {
                    for (int i2 = 0; i2 < d2; i2++)
                    {
                        int rowOut = outBase + 4 * (i0 * s0 + i1 * s1 + i2 * s2);
                        for (int i3 = 0; i3 < d3; i3++)
                        {
                            int oi = rowOut + 4 * i3 * s3;
                            float sum = BitConverter.ToSingle(output, oi) + BitConverter.ToSingle(input, ii);
                            FloatBits.Write(output, oi, sum);
                            ii += 4;
                        }
                    }
                }
            }
            float divisor = count;
            for (int k = 0; k < kept; k++)
            {
                int oi = outBase + 4 * k;
                FloatBits.Write(output, oi, BitConverter.ToSingle(output, oi) / divisor);
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = RecordChecks.Arity(op, 1, 1, MeanF32Params.Length);
            if (e == null)
            {
                e = FloatChecks.Within(op.Params, MeanF32Params.Dims, 4, 1, int.MaxValue);
            }
            if (e == null)
            {
                e = FloatChecks.Within(op.Params, MeanF32Params.AxesMask, 1, 0, 15);
            }
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            long kept = 1;
            for (int k = 0; k < 4; k++)
            {
                if ((p[MeanF32Params.AxesMask] & (1 << k)) == 0)
                {
                    kept *= p[MeanF32Params.Dims + k];
                }
            }
            e = FloatChecks.Tensor(ctx, op.Inputs[MeanF32Slots.InInput], FloatChecks.Elements(p[MeanF32Params.Dims],
                p[MeanF32Params.Dims + 1], p[MeanF32Params.Dims + 2], p[MeanF32Params.Dims + 3]), "input");
            if (e == null)
            {
                e = FloatChecks.Tensor(ctx, op.Outputs[MeanF32Slots.OutOutput], kept, "output");
            }
            if (e == null && ctx.Buffer(op.Inputs[MeanF32Slots.InInput]) == ctx.Buffer(op.Outputs[MeanF32Slots.OutOutput]))
            {
                // The output holds running sums, so it must not overlap the input.
                long inStart = ctx.Offset(op.Inputs[MeanF32Slots.InInput]);
                long outStart = ctx.Offset(op.Outputs[MeanF32Slots.OutOutput]);
                long inBytes = ctx.ByteSize(op.Inputs[MeanF32Slots.InInput]);
                if (inStart < outStart + kept * 4 && outStart < inStart + inBytes)
                {
                    e = "output overlaps the input";
                }
            }
            return e;
        }
    }
}
