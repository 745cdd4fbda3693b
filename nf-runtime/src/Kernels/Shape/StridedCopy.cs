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
    /// <para>Params (<see cref="StridedCopyParams"/>, 12 ints): <see cref="StridedCopyParams.ElementBytes"/>, the
    /// element size in bytes; <see cref="StridedCopyParams.Start"/>, in elements from the input's first element;
    /// from <see cref="StridedCopyParams.Counts"/> the counts c0..c4 and from <see cref="StridedCopyParams.Steps"/>
    /// the steps s0..s4, in elements (any sign).</para>
    /// <para>Inputs (<see cref="StridedCopySlots"/>): [source]. Outputs: [destination].</para>
    /// </summary>
    public static class StridedCopy
    {
        /// <summary>Gathers; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int es = p[StridedCopyParams.ElementBytes];
            int count0 = p[StridedCopyParams.Counts];
            int count1 = p[StridedCopyParams.Counts + 1];
            int count2 = p[StridedCopyParams.Counts + 2];
            int count3 = p[StridedCopyParams.Counts + 3];
            int count4 = p[StridedCopyParams.Counts + 4];
            int step0 = p[StridedCopyParams.Steps] * es;
            int step1 = p[StridedCopyParams.Steps + 1] * es;
            int step2 = p[StridedCopyParams.Steps + 2] * es;
            int step3 = p[StridedCopyParams.Steps + 3] * es;
            int step4 = p[StridedCopyParams.Steps + 4] * es;

            byte[] input = ctx.Buffer(op.Inputs[StridedCopySlots.InSource]);
            byte[] output = ctx.Buffer(op.Outputs[StridedCopySlots.OutDestination]);
            int outPos = ctx.Offset(op.Outputs[StridedCopySlots.OutDestination]);
            int rowBytes = count4 * es;
            bool contiguous = step4 == es;
            if (count4 == 0)
            {
                return;
            }

            int pos0 = ctx.Offset(op.Inputs[StridedCopySlots.InSource]) + p[StridedCopyParams.Start] * es;
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
            string error = ShapeChecks.Arity(op, 1, 1, StridedCopyParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int es = p[StridedCopyParams.ElementBytes];
            if (!ShapeChecks.IsElementSize(es))
            {
                return "strided copy: element size " + es.ToString() + " not 1, 2 or 4";
            }
            error = ShapeChecks.Tensor(ctx, op.Inputs[StridedCopySlots.InSource], "strided copy input");
            if (error != null)
            {
                return error;
            }
            long inputElements = ctx.ByteSize(op.Inputs[StridedCopySlots.InSource]) / es;
            long total = 1;
            long lowest = p[StridedCopyParams.Start];
            long highest = p[StridedCopyParams.Start];
            for (int d = 0; d < 5; d++)
            {
                long count = p[StridedCopyParams.Counts + d];
                long step = p[StridedCopyParams.Steps + d];
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
            return ShapeChecks.Fits(ctx, op.Outputs[StridedCopySlots.OutDestination], total * es,
                "strided copy output");
        }
    }
}
