using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// int8/int16 to float32 (TFLM's reference Dequantize): <c>x = (float)(scale * (q - zero_point))</c>. TFLM
    /// multiplies in double; the product of a float32 scale and an integer below 2^17 in magnitude is exact in
    /// double, so one float32 multiply (correctly rounded) gives the same bits.
    /// <para>Params (<see cref="DequantizeParams"/>): <see cref="DequantizeParams.Count"/> elements;
    /// <see cref="DequantizeParams.InputType"/> (<see cref="TensorType.Int8"/> or <see cref="TensorType.Int16"/>);
    /// <see cref="DequantizeParams.InputZeroPoint"/> (within the input type's range);
    /// <see cref="DequantizeParams.InputScaleBits"/>, the input scale as IEEE-754 float32 bits.</para>
    /// <para>Inputs: [quantized]. Outputs: [float32].</para>
    /// </summary>
    public static class Dequantize
    {
        /// <summary>Dequantizes; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[DequantizeParams.Count];
            bool int8 = p[DequantizeParams.InputType] == TensorType.Int8;
            int zeroPoint = p[DequantizeParams.InputZeroPoint];
            float scale = FloatBits.FromBits(p[DequantizeParams.InputScaleBits]);

            byte[] input = ctx.Buffer(op.Inputs[DequantizeSlots.InInput]);
            int inPos = ctx.Offset(op.Inputs[DequantizeSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[DequantizeSlots.OutOutput]);
            int outPos = ctx.Offset(op.Outputs[DequantizeSlots.OutOutput]);

            for (int i = 0; i < count; i++)
            {
                int q;
                if (int8)
                {
                    q = (sbyte)input[inPos];
                    inPos++;
                }
                else
                {
                    q = (short)(input[inPos] | (input[inPos + 1] << 8));
                    inPos += 2;
                }
                int bits = FloatBits.ToBits(scale * (q - zeroPoint));
                output[outPos] = (byte)bits;
                output[outPos + 1] = (byte)(bits >> 8);
                output[outPos + 2] = (byte)(bits >> 16);
                output[outPos + 3] = (byte)(bits >> 24);
                outPos += 4;
            }
        }

        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, 1, 1, DequantizeParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int inType = p[DequantizeParams.InputType];
            if (inType != TensorType.Int8 && inType != TensorType.Int16)
            {
                return "dequantize: input type " + inType.ToString() + " not int8 or int16";
            }
            if (p[DequantizeParams.InputZeroPoint] < -32768 || p[DequantizeParams.InputZeroPoint] > 32767)
            {
                return "dequantize: zero point out of range";
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[DequantizeSlots.InInput],
                (long)ShapeChecks.ElementSize(inType) * p[DequantizeParams.Count], "dequantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Type(ctx, op.Inputs[DequantizeSlots.InInput], inType, "dequantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[DequantizeSlots.OutOutput], 4L * p[DequantizeParams.Count],
                "dequantize output");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Type(ctx, op.Outputs[DequantizeSlots.OutOutput], TensorType.Float32,
                "dequantize output");
        }
    }
}
