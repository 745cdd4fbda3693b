using System;
using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Up to 5-D strided gather: writes the output in order, reading input element
    /// <c>start + i0*step0 + i1*step1 + i2*step2 + i3*step3 + i4*step4</c> for every index tuple with
    /// <c>0 &lt;= ik &lt; countk</c> (outermost first). STRIDED_SLICE (steps = slice stride times input stride,
    /// negative for reversed axes) and TRANSPOSE (steps = the input strides in permuted order) both lower to it;
    /// the host merges contiguous axes and pads to 5. Element size 1, 2 or 4 bytes.
    /// <para>Params (12): [0] element size in bytes; [1] start, in elements from the input's first element;
    /// [2..6] counts c0..c4; [7..11] steps s0..s4 in elements (any sign).</para>
    /// <para>Inputs: [source]. Outputs: [destination].</para>
    /// </summary>
    public static class StridedCopy
    {
        /// <summary>Number of parameters.</summary>
        public const int ParamCount = 12;

        /// <summary>Gathers; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int es = p[0];
            int count0 = p[2];
            int count1 = p[3];
            int count2 = p[4];
            int count3 = p[5];
            int count4 = p[6];
            int step0 = p[7] * es;
            int step1 = p[8] * es;
            int step2 = p[9] * es;
            int step3 = p[10] * es;
            int step4 = p[11] * es;

            byte[] input = ctx.Buffer(op.Inputs[0]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outPos = ctx.Offset(op.Outputs[0]);
            int rowBytes = count4 * es;
            bool contiguous = step4 == es;
            if (count4 == 0)
            {
                return;
            }

            int pos0 = ctx.Offset(op.Inputs[0]) + p[1] * es;
            for (int i0 = 0; i0 < count0; i0++)
            {
                int pos1 = pos0;
                for (int i1 = 0; i1 < count1; i1++)
                {
                    int pos2 = pos1;
                    for (int i2 = 0; i2 < count2; i2++)
                    {
                        int pos3 = pos2;
                        for (int i3 = 0; i3 < count3; i3++)
                        {
                            if (contiguous)
                            {
                                Array.Copy(input, pos3, output, outPos, rowBytes);
                                outPos += rowBytes;
                            }
                            else
                            {
                                int pos4 = pos3;
                                if (es == 1)
                                {
                                    for (int i4 = 0; i4 < count4; i4++)
                                    {
                                        output[outPos++] = input[pos4];
                                        pos4 += step4;
                                    }
                                }
                                else if (es == 2)
                                {
                                    for (int i4 = 0; i4 < count4; i4++)
                                    {
                                        output[outPos] = input[pos4];
                                        output[outPos + 1] = input[pos4 + 1];
                                        outPos += 2;
                                        pos4 += step4;
                                    }
                                }
                                else
                                {
                                    for (int i4 = 0; i4 < count4; i4++)
                                    {
                                        output[outPos] = input[pos4];
                                        output[outPos + 1] = input[pos4 + 1];
                                        output[outPos + 2] = input[pos4 + 2];
                                        output[outPos + 3] = input[pos4 + 3];
                                        outPos += 4;
                                        pos4 += step4;
                                    }
                                }
                            }
                            pos3 += step3;
                        }
                        pos2 += step2;
                    }
                    pos1 += step1;
                }
                pos0 += step0;
            }
        }

        /// <summary>
        /// Returns null if the record is valid, else what is wrong: the lowest and highest element read must lie
        /// inside the input and the output must hold the product of the counts.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, 1, 1, ParamCount);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int es = p[0];
            if (!ShapeChecks.IsElementSize(es))
            {
                return "strided copy: element size " + es.ToString() + " not 1, 2 or 4";
            }
            error = ShapeChecks.Tensor(ctx, op.Inputs[0], "strided copy input");
            if (error != null)
            {
                return error;
            }
            long inputElements = ctx.ByteSize(op.Inputs[0]) / es;
            long total = 1;
            long lowest = p[1];
            long highest = p[1];
            for (int d = 0; d < 5; d++)
            {
                long count = p[2 + d];
                long step = p[7 + d];
                if (count < 0)
                {
                    return "strided copy: negative count";
                }
                total *= count;
                if (total > int.MaxValue)
                {
                    return "strided copy: too many elements";
                }
                if (count > 0)
                {
                    // Bounded by |step| < 2^31 and count < 2^31, so the sum stays far inside a long.
                    long reach = (count - 1) * step;
                    if (reach > 0)
                    {
                        highest += reach;
                    }
                    else
                    {
                        lowest += reach;
                    }
                }
            }
            if (total > 0 && (lowest < 0 || highest >= inputElements))
            {
                return "strided copy: reads elements " + lowest.ToString() + ".." + highest.ToString()
                    + " of an input of " + inputElements.ToString();
            }
            // Byte offsets must also stay inside an int: the input fits in a byte[], so its element range does.
            return ShapeChecks.Fits(ctx, op.Outputs[0], total * es, "strided copy output");
        }
    }
}
