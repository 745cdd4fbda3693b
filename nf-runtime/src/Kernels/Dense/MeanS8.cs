using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>
    /// MEAN on int8 over any set of axes of a tensor of rank 4 or less, bit-exact with TFLM's
    /// QuantizedMeanOrSum: an int32 (wrapping) sum per output, plus the folded term -inputZeroPoint * count,
    /// requantized with the multiplier TFLM derives from inputScale / outputScale / count, plus the output
    /// zero point, clamped to the int8 range.
    /// <para>Inputs: [0] input int8, dims [d0, d1, d2, d3] (lower ranks padded with leading 1s).
    /// Outputs: [0] output int8 with the reduced axes removed (or kept as 1; the element order is the same).</para>
    /// <para>Params: the mean layout, <see cref="MeanParams"/> (shared with <see cref="MeanS16"/>): the four dims,
    /// the reduced-axes mask (bit k set: axis k is averaged), the multiplier (Q0.31) and shift (positive = left),
    /// the output offset (output zero point), the folded input term -inputZeroPoint * count (int32, wrapping), where
    /// count is the number of elements averaged.</para>
    /// </summary>
    public static class MeanS8
    {
        /// <summary>Averages the input over the reduced axes.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int mask = p[MeanParams.AxesMask];
            int multiplier = p[MeanParams.Multiplier];
            int shift = p[MeanParams.Shift];
            int outputZeroPoint = p[MeanParams.OutputOffset];
            int folded = p[MeanParams.FoldedInputTerm];
            int s3 = 1;
            int s2 = p[MeanParams.Dims + 3];
            int s1 = p[MeanParams.Dims + 2] * s2;
            int s0 = p[MeanParams.Dims + 1] * s1;
            // Outer loops walk the kept axes, inner loops the reduced ones.
            int n0 = (mask & 1) != 0 ? 1 : p[MeanParams.Dims];
            int n1 = (mask & 2) != 0 ? 1 : p[MeanParams.Dims + 1];
            int n2 = (mask & 4) != 0 ? 1 : p[MeanParams.Dims + 2];
            int n3 = (mask & 8) != 0 ? 1 : p[MeanParams.Dims + 3];
            int m0 = (mask & 1) != 0 ? p[MeanParams.Dims] : 1;
            int m1 = (mask & 2) != 0 ? p[MeanParams.Dims + 1] : 1;
            int m2 = (mask & 4) != 0 ? p[MeanParams.Dims + 2] : 1;
            int m3 = (mask & 8) != 0 ? p[MeanParams.Dims + 3] : 1;
            byte[] input = ctx.Buffer(op.Inputs[MeanSlots.InInput]);
            int inputOffset = ctx.Offset(op.Inputs[MeanSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[MeanSlots.OutOutput]);
            int outIndex = ctx.Offset(op.Outputs[MeanSlots.OutOutput]);
            for (int i0 = 0; i0 < n0; i0++)
            {
                for (int i1 = 0; i1 < n1; i1++)
                {
                    for (int i2 = 0; i2 < n2; i2++)
                    {
                        for (int i3 = 0; i3 < n3; i3++)
                        {
                            int baseIndex = i0 * s0 + i1 * s1 + i2 * s2 + i3 * s3;
                            int sum = 0;
                            for (int j0 = 0; j0 < m0; j0++)
                            {
                                for (int j1 = 0; j1 < m1; j1++)
                                {
                                    for (int j2 = 0; j2 < m2; j2++)
                                    {
                                        int at = baseIndex + j0 * s0 + j1 * s1 + j2 * s2;
                                        for (int j3 = 0; j3 < m3; j3++)
                                        {
                                            sum += (sbyte)input[inputOffset + at];
                                            at++;
                                        }
                                    }
                                }
                            }
                            int v = FixedPoint.MultiplyByQuantizedMultiplier(sum + folded, multiplier, shift) + outputZeroPoint;
                            if (v < -128)
                            {
                                v = -128;
                            }
                            if (v > 127)
                            {
                                v = 127;
                            }
                            output[outIndex] = (byte)v;
                            outIndex++;
                        }
                    }
                }
            }
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return DenseValidation.Mean(ctx, op, MeanParams.Length, TensorType.Int8, 1);
        }
    }
}
