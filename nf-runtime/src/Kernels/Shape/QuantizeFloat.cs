using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// float32 to int8/int16 affine quantization (TFLM's reference AffineQuantize): <c>q = clamp(round(x /
    /// scale) + zero_point)</c>, the division done in float32 and the rounding half away from zero (C's
    /// <c>roundf</c>). Where C's float-to-int conversion is undefined (NaN, |x / scale| &gt;= 2^31) this kernel
    /// saturates (NaN gives 0 before the zero point is added), as Arm's conversion instruction does.
    /// <para>Params (4): [0] element count; [1] output type (<see cref="TensorType.Int8"/> or
    /// <see cref="TensorType.Int16"/>); [2] output zero point; [3] output scale, IEEE-754 float32 bits.</para>
    /// <para>Inputs: [float32 values]. Outputs: [quantized].</para>
    /// </summary>
    public static class QuantizeFloat
    {
        /// <summary>Number of parameters.</summary>
        public const int ParamCount = 4;

        /// <summary>Quantizes; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[0];
            bool int8 = p[1] == TensorType.Int8;
            long zeroPoint = p[2];
            float scale = FloatBits.FromBits(p[3]);
            long min = int8 ? -128 : -32768;
            long max = int8 ? 127 : 32767;

            byte[] input = ctx.Buffer(op.Inputs[0]);
            int inPos = ctx.Offset(op.Inputs[0]);
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outPos = ctx.Offset(op.Outputs[0]);

            for (int i = 0; i < count; i++)
            {
                float x = BitConverter.ToSingle(input, inPos) / scale;
                inPos += 4;
                // roundf: truncate, then step away from zero when the dropped fraction is at least one half.
                // For |x| < 2^31 the truncation and x - truncated are exact in float.
                long rounded;
                if (float.IsNaN(x))
                {
                    rounded = 0;
                }
                else if (x >= 2147483648f)
                {
                    rounded = int.MaxValue;
                }
                else if (x < -2147483648f)
                {
                    rounded = int.MinValue;
                }
                else
                {
                    int truncated = (int)x;
                    float fraction = x - truncated;
                    rounded = truncated;
                    if (fraction >= 0.5f)
                    {
                        rounded++;
                    }
                    else if (fraction <= -0.5f)
                    {
                        rounded--;
                    }
                }
                long q = rounded + zeroPoint;
                if (q < min)
                {
                    q = min;
                }
                else if (q > max)
                {
                    q = max;
                }
                if (int8)
                {
                    output[outPos++] = (byte)q;
                }
                else
                {
                    output[outPos] = (byte)q;
                    output[outPos + 1] = (byte)(q >> 8);
                    outPos += 2;
                }
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
            int outType = p[1];
            if (outType != TensorType.Int8 && outType != TensorType.Int16)
            {
                return "quantize: output type " + outType.ToString() + " not int8 or int16";
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[0], 4L * p[0], "quantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Type(ctx, op.Inputs[0], TensorType.Float32, "quantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[0], (long)ShapeChecks.ElementSize(outType) * p[0], "quantize output");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Type(ctx, op.Outputs[0], outType, "quantize output");
        }
    }
}
