using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Integer-to-integer requantization (TFLM's reference Requantize, the QUANTIZE kernel's integer path):
    /// <c>q_out = clamp(MultiplyByQuantizedMultiplier(q_in - zp_in, multiplier, shift) + zp_out)</c> in int32
    /// arithmetic (wrapping like the C code), clamped to the output type's range. Input and output types are
    /// int8, int16 or int32 in any combination.
    /// <para>Params (<see cref="RequantizeParams"/>): <see cref="RequantizeParams.Count"/> elements;
    /// <see cref="RequantizeParams.InputType"/> and <see cref="RequantizeParams.OutputType"/> (<see cref="TensorType"/>
    /// codes Int8, Int16, Int32); <see cref="RequantizeParams.InputZeroPoint"/> and
    /// <see cref="RequantizeParams.OutputZeroPoint"/>; <see cref="RequantizeParams.Multiplier"/>, the Q0.31
    /// multiplier of input_scale / output_scale, and <see cref="RequantizeParams.Shift"/>, its shift (positive =
    /// left), in [-31, 30].</para>
    /// <para>Inputs: [quantized]. Outputs: [requantized]. Output may overlay the input when its element is not
    /// wider (elements are read before they are written, in order).</para>
    /// </summary>
    public static class Requantize
    {
        /// <summary>Requantizes; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[RequantizeParams.Count];
            int inSize = ShapeChecks.ElementSize(p[RequantizeParams.InputType]);
            int outSize = ShapeChecks.ElementSize(p[RequantizeParams.OutputType]);
            int inZeroPoint = p[RequantizeParams.InputZeroPoint];
            int outZeroPoint = p[RequantizeParams.OutputZeroPoint];
            int multiplier = p[RequantizeParams.Multiplier];
            int shift = p[RequantizeParams.Shift];
            int min = outSize == 1 ? -128 : (outSize == 2 ? -32768 : int.MinValue);
            int max = outSize == 1 ? 127 : (outSize == 2 ? 32767 : int.MaxValue);

            byte[] input = ctx.Buffer(op.Inputs[RequantizeSlots.InInput]);
            int inPos = ctx.Offset(op.Inputs[RequantizeSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[RequantizeSlots.OutOutput]);
            int outPos = ctx.Offset(op.Outputs[RequantizeSlots.OutOutput]);

            for (int i = 0; i < count; i++)
            {
                int value;
                if (inSize == 1)
                {
                    value = (sbyte)input[inPos];
                }
                else if (inSize == 2)
                {
                    value = (short)(input[inPos] | (input[inPos + 1] << 8));
                }
                else
                {
                    value = input[inPos] | (input[inPos + 1] << 8) | (input[inPos + 2] << 16) | (input[inPos + 3] << 24);
                }
                inPos += inSize;
                int scaled = FixedPoint.MultiplyByQuantizedMultiplier(value - inZeroPoint, multiplier,
                    shift) + outZeroPoint;
                if (scaled < min)
                {
                    scaled = min;
                }
                else if (scaled > max)
                {
                    scaled = max;
                }
                output[outPos] = (byte)scaled;
                if (outSize >= 2)
                {
                    output[outPos + 1] = (byte)(scaled >> 8);
                    if (outSize == 4)
                    {
                        output[outPos + 2] = (byte)(scaled >> 16);
                        output[outPos + 3] = (byte)(scaled >> 24);
                    }
                }
                outPos += outSize;
            }
        }

        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, 1, 1, RequantizeParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (!IsIntegerType(p[RequantizeParams.InputType]) || !IsIntegerType(p[RequantizeParams.OutputType]))
            {
                return "requantize: types " + p[RequantizeParams.InputType].ToString() + " -> "
                    + p[RequantizeParams.OutputType].ToString() + " not int8/int16/int32";
            }
            if (p[RequantizeParams.Multiplier] < 0 || p[RequantizeParams.Shift] < -31 || p[RequantizeParams.Shift] > 30)
            {
                return "requantize: multiplier or shift out of range";
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[RequantizeSlots.InInput],
                (long)ShapeChecks.ElementSize(p[RequantizeParams.InputType]) * p[RequantizeParams.Count],
                "requantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Type(ctx, op.Inputs[RequantizeSlots.InInput], p[RequantizeParams.InputType],
                "requantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[RequantizeSlots.OutOutput],
                (long)ShapeChecks.ElementSize(p[RequantizeParams.OutputType]) * p[RequantizeParams.Count],
                "requantize output");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Type(ctx, op.Outputs[RequantizeSlots.OutOutput], p[RequantizeParams.OutputType],
                "requantize output");
        }

        private static bool IsIntegerType(int type)
        {
            return type == TensorType.Int8 || type == TensorType.Int16 || type == TensorType.Int32;
        }
    }
}
