using System;
using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Constant padding of a tensor of up to 5 dimensions (TFLM's reference Pad): every output element outside
    /// the copied input block is the pad value; input elements are consumed in order. Element size 1, 2 or 4
    /// bytes (int8, int16, int32, float32).
    /// <para>Params (<see cref="PadParams"/>, 17 ints): <see cref="PadParams.ElementBytes"/>, the element size in
    /// bytes; <see cref="PadParams.PadValue"/>, raw little-endian bits in the low element-size bytes (used when
    /// there is no pad value tensor); from <see cref="PadParams.OutputDims"/>, <see cref="PadParams.LeftPadding"/>
    /// and <see cref="PadParams.InputDims"/>, 5 ints each: the output dims d0..d4, the left (leading) padding per
    /// dim and the input dims. The right padding is output - left - input. The host merges and pads the shape to
    /// exactly 5 dims (outermost first).</para>
    /// <para>Inputs (<see cref="PadSlots"/>): [data, pad value tensor or -1 (one element, read at run time)].
    /// Outputs: [padded].</para>
    /// </summary>
    public static class Pad
    {
        /// <summary>Pads; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int elementSize = p[PadParams.ElementBytes];
            int padValue = p[PadParams.PadValue];
            int valueTensor = op.Inputs[PadSlots.InPadValueTensor];
            if (valueTensor >= 0)
            {
                byte[] vb = ctx.Buffer(valueTensor);
                int vo = ctx.Offset(valueTensor);
                padValue = vb[vo];
                if (elementSize >= 2)
                {
                    padValue |= vb[vo + 1] << 8;
                }
                if (elementSize == 4)
                {
                    padValue |= (vb[vo + 2] << 16) | (vb[vo + 3] << 24);
                }
            }
            int out0 = p[PadParams.OutputDims];
            int out1 = p[PadParams.OutputDims + 1];
            int out2 = p[PadParams.OutputDims + 2];
            int out3 = p[PadParams.OutputDims + 3];
            int out4 = p[PadParams.OutputDims + 4];
            int left0 = p[PadParams.LeftPadding];
            int left1 = p[PadParams.LeftPadding + 1];
            int left2 = p[PadParams.LeftPadding + 2];
            int left3 = p[PadParams.LeftPadding + 3];
            int left4 = p[PadParams.LeftPadding + 4];
            int in0 = p[PadParams.InputDims];
            int in1 = p[PadParams.InputDims + 1];
            int in2 = p[PadParams.InputDims + 2];
            int in3 = p[PadParams.InputDims + 3];
            int in4 = p[PadParams.InputDims + 4];

            byte[] input = ctx.Buffer(op.Inputs[PadSlots.InData]);
            int inPos = ctx.Offset(op.Inputs[PadSlots.InData]);
            byte[] output = ctx.Buffer(op.Outputs[PadSlots.OutOutput]);
            int outPos = ctx.Offset(op.Outputs[PadSlots.OutOutput]);

            int rowBytes = out4 * elementSize;
            int leftBytes = left4 * elementSize;
            int copyBytes = in4 * elementSize;
            int rightBytes = rowBytes - leftBytes - copyBytes;

            for (int i0 = 0; i0 < out0; i0++)
            {
                bool inside0 = i0 >= left0 && i0 - left0 < in0;
                for (int i1 = 0; i1 < out1; i1++)
                {
                    bool inside1 = inside0 && i1 >= left1 && i1 - left1 < in1;
                    for (int i2 = 0; i2 < out2; i2++)
                    {
                        bool inside2 = inside1 && i2 >= left2 && i2 - left2 < in2;
                        for (int i3 = 0; i3 < out3; i3++)
                        {
                            if (inside2 && i3 >= left3 && i3 - left3 < in3)
                            {
                                Fill(output, outPos, leftBytes, elementSize, padValue);
                                Array.Copy(input, inPos, output, outPos + leftBytes, copyBytes);
                                inPos += copyBytes;
                                Fill(output, outPos + leftBytes + copyBytes, rightBytes, elementSize, padValue);
                            }
                            else
                            {
                                Fill(output, outPos, rowBytes, elementSize, padValue);
                            }
                            outPos += rowBytes;
                        }
                    }
                }
            }
        }

        /// <summary>Writes <paramref name="bytes"/> bytes of repeated <paramref name="value"/> elements.</summary>
        private static void Fill(byte[] buffer, int offset, int bytes, int elementSize, int value)
        {
            int end = offset + bytes;
            if (elementSize == 1)
            {
                byte b = (byte)value;
                for (int i = offset; i < end; i++)
                {
                    buffer[i] = b;
                }
            }
            else if (elementSize == 2)
            {
                byte b0 = (byte)value;
                byte b1 = (byte)(value >> 8);
                for (int i = offset; i < end; i += 2)
                {
                    buffer[i] = b0;
                    buffer[i + 1] = b1;
                }
            }
            else
            {
                byte b0 = (byte)value;
                byte b1 = (byte)(value >> 8);
                byte b2 = (byte)(value >> 16);
                byte b3 = (byte)(value >> 24);
                for (int i = offset; i < end; i += 4)
                {
                    buffer[i] = b0;
                    buffer[i + 1] = b1;
                    buffer[i + 2] = b2;
                    buffer[i + 3] = b3;
                }
            }
        }

        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, 2, 1, PadParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int elementSize = p[PadParams.ElementBytes];
            if (!ShapeChecks.IsElementSize(elementSize))
            {
                return "pad: element size " + elementSize.ToString() + " not 1, 2 or 4";
            }
            long outCount = 1;
            long inCount = 1;
            for (int d = 0; d < 5; d++)
            {
                int outDim = p[PadParams.OutputDims + d];
                int left = p[PadParams.LeftPadding + d];
                int inDim = p[PadParams.InputDims + d];
                // Every term non-negative and the right padding too; the dims are bounded by the byte sizes below.
                if (outDim < 0 || left < 0 || inDim < 0 || (long)left + inDim > outDim)
                {
                    return "pad: inconsistent dim " + d.ToString();
                }
                outCount *= outDim;
                inCount *= inDim;
                if (outCount > int.MaxValue || inCount > int.MaxValue)
                {
                    return "pad: too many elements";
                }
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[PadSlots.InData], inCount * elementSize, "pad input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[PadSlots.OutOutput], outCount * elementSize, "pad output");
            if (error != null)
            {
                return error;
            }
            if (op.Inputs[PadSlots.InPadValueTensor] >= 0)
            {
                return ShapeChecks.Fits(ctx, op.Inputs[PadSlots.InPadValueTensor], elementSize, "pad value");
            }
            return null;
        }
    }
}
