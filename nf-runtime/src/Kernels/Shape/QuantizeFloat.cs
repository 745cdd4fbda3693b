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
    /// <para>Params (<see cref="QuantizeFloatParams"/>): <see cref="QuantizeFloatParams.Count"/> elements;
    /// <see cref="QuantizeFloatParams.OutputType"/> (<see cref="TensorType.Int8"/> or <see cref="TensorType.Int16"/>);
    /// <see cref="QuantizeFloatParams.OutputZeroPoint"/>; <see cref="QuantizeFloatParams.OutputScaleBits"/>, the
    /// output scale as IEEE-754 float32 bits.</para>
    /// <para>Inputs: [float32 values]. Outputs: [quantized].</para>
    /// </summary>
    public static class QuantizeFloat
    {
        /// <summary>Quantizes; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[QuantizeFloatParams.Count];
            bool int8 = p[QuantizeFloatParams.OutputType] == TensorType.Int8;
            long zeroPoint = p[QuantizeFloatParams.OutputZeroPoint];
            float scale = FloatBits.FromBits(p[QuantizeFloatParams.OutputScaleBits]);
            long min = int8 ? -128 : -32768;
            long max = int8 ? 127 : 32767;

            byte[] input = ctx.Buffer(op.Inputs[QuantizeFloatSlots.InInput]);
            int inPos = ctx.Offset(op.Inputs[QuantizeFloatSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[QuantizeFloatSlots.OutOutput]);
            int outPos = ctx.Offset(op.Outputs[QuantizeFloatSlots.OutOutput]);

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
            string error = ShapeChecks.Arity(op, 1, 1, QuantizeFloatParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int outType = p[QuantizeFloatParams.OutputType];
            if (outType != TensorType.Int8 && outType != TensorType.Int16)
            {
                return "quantize: output type " + outType.ToString() + " not int8 or int16";
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[QuantizeFloatSlots.InInput], 4L * p[QuantizeFloatParams.Count],
                "quantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Type(ctx, op.Inputs[QuantizeFloatSlots.InInput], TensorType.Float32, "quantize input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[QuantizeFloatSlots.OutOutput],
                (long)ShapeChecks.ElementSize(outType) * p[QuantizeFloatParams.Count], "quantize output");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Type(ctx, op.Outputs[QuantizeFloatSlots.OutOutput], outType, "quantize output");
        }
    }
}
