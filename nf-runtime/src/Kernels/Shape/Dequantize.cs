using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// int8/int16 to float32 (TFLM's reference Dequantize): <c>x = (float)(scale * (q - zero_point))</c>. TFLM
    /// multiplies in double; the product of a float32 scale and an integer below 2^17 in magnitude is exact in
    /// double, so one float32 multiply (correctly rounded) gives the same bits.
    /// <para>Params (4): [0] element count; [1] input type (<see cref="TensorType.Int8"/> or
    /// <see cref="TensorType.Int16"/>); [2] input zero point (within the input type's range); [3] input scale,
    /// IEEE-754 float32 bits.</para>
    /// <para>Inputs: [quantized]. Outputs: [float32].</para>
    /// </summary>
    public static class Dequantize
    {
        /// <summary>Number of parameters.</summary>
        public const int ParamCount = 4;

        /// <summary>Dequantizes; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[0];
            bool int8 = p[1] == TensorType.Int8;
            int zeroPoint = p[2];
            float scale = FloatBits.FromBits(p[3]);

            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inPos = ctx.Offset(op.Inputs[0]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outPos = ctx.Offset(op.Outputs[0]);

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
            string error = ShapeChecks.Arity(op, 1, 1, ParamCount);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int inType = p[1];
            if (inType != TensorType.Int8 && inType != TensorType.Int16)
            {
                return "dequantize: input type " + inType.ToString() + " not int8 or int16";
            }
            if (p[2] < -32768 || p[2] > 32767)
            {
                return "dequantize: zero point out of range";
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[0], (long)ShapeChecks.ElementSize(inType) * p[0], "dequantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Type(ctx, op.Inputs[0], inType, "dequantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[0], 4L * p[0], "dequantize output");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Type(ctx, op.Outputs[0], TensorType.Float32, "dequantize output");
        }
    }
}
