using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Numeric conversion with C's <c>static_cast</c> semantics (TFLM's CAST): integers wrap to the narrower
    /// width, integers become the nearest float32, float32 truncates toward zero. Input types: bool, int8,
    /// int16, int32, uint32, float32; output types: int8, int16, int32, uint32, float32. Where C's float-to-int
    /// conversion is undefined (NaN, out of range) this kernel truncates to a saturated 64-bit integer (NaN
    /// gives 0) and keeps the low bits.
    /// <para>Params (<see cref="CastParams"/>): <see cref="CastParams.Count"/> elements;
    /// <see cref="CastParams.InputType"/> and <see cref="CastParams.OutputType"/> (<see cref="TensorType"/> codes).</para>
    /// <para>Inputs: [values]. Outputs: [converted].</para>
    /// </summary>
    public static class Cast
    {
        /// <summary>Converts; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int count = p[CastParams.Count];
            int inType = p[CastParams.InputType];
            int outType = p[CastParams.OutputType];
            int inSize = ShapeChecks.ElementSize(inType);
            int outSize = ShapeChecks.ElementSize(outType);
            byte[] input = ctx.Buffer(op.Inputs[CastSlots.InInput]);
            int inPos = ctx.Offset(op.Inputs[CastSlots.InInput]);
            byte[] output = ctx.Buffer(op.Outputs[CastSlots.OutOutput]);
            int outPos = ctx.Offset(op.Outputs[CastSlots.OutOutput]);
            if (inType == outType)
            {
                Array.Copy(input, inPos, output, outPos, count * inSize);
                return;
            }
            bool fromFloat = inType == TensorType.Float32;
            bool toFloat = outType == TensorType.Float32;

            for (int i = 0; i < count; i++)
            {
                long integer = 0;
                float real = 0f;
                if (fromFloat)
                {
                    real = BitConverter.ToSingle(input, inPos);
                }
                else if (inType == TensorType.Int8)
                {
                    integer = (sbyte)input[inPos];
                }
                else if (inType == TensorType.Bool)
                {
                    integer = input[inPos] != 0 ? 1 : 0;
                }
                else if (inType == TensorType.Int16)
                {
                    integer = (short)(input[inPos] | (input[inPos + 1] << 8));
                }
                else if (inType == TensorType.Int32)
                {
                    integer = input[inPos] | (input[inPos + 1] << 8) | (input[inPos + 2] << 16) | (input[inPos + 3] << 24);
                }
                else
                {
                    integer = (uint)(input[inPos] | (input[inPos + 1] << 8) | (input[inPos + 2] << 16) | (input[inPos + 3] << 24));
                }
                inPos += inSize;

                int bits;
                if (toFloat)
                {
                    // Integers up to 2^32 in magnitude: one correctly rounded conversion.
                    bits = FloatBits.ToBits((float)integer);
                }
                else
                {
                    if (fromFloat)
                    {
                        if (float.IsNaN(real))
                        {
                            integer = 0;
                        }
                        else if (real >= 9.22337204E+18f)
                        {
                            integer = long.MaxValue;
                        }
                        else if (real <= -9.22337204E+18f)
                        {
                            integer = long.MinValue;
                        }
                        else
                        {
                            integer = (long)real;
                        }
                    }
                    bits = (int)integer;
                }
                output[outPos] = (byte)bits;
                if (outSize >= 2)
                {
                    output[outPos + 1] = (byte)(bits >> 8);
                    if (outSize == 4)
                    {
                        output[outPos + 2] = (byte)(bits >> 16);
                        output[outPos + 3] = (byte)(bits >> 24);
                    }
                }
                outPos += outSize;
            }
        }

        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, 1, 1, CastParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            int inType = p[CastParams.InputType];
            int outType = p[CastParams.OutputType];
            if (!IsNumeric(inType) && inType != TensorType.Bool)
            {
                return "cast: input type " + inType.ToString() + " not supported";
            }
            if (!IsNumeric(outType))
            {
                return "cast: output type " + outType.ToString() + " not supported";
            }
            error = ShapeChecks.Fits(ctx, op.Inputs[CastSlots.InInput],
                (long)ShapeChecks.ElementSize(inType) * p[CastParams.Count], "cast input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Type(ctx, op.Inputs[CastSlots.InInput], inType, "cast input");
            if (error != null)
            {
                return error;
            }
            error = ShapeChecks.Fits(ctx, op.Outputs[CastSlots.OutOutput],
                (long)ShapeChecks.ElementSize(outType) * p[CastParams.Count], "cast output");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Type(ctx, op.Outputs[CastSlots.OutOutput], outType, "cast output");
        }

        private static bool IsNumeric(int type)
        {
            return type == TensorType.Int8 || type == TensorType.Int16 || type == TensorType.Int32
                || type == TensorType.UInt32 || type == TensorType.Float32;
        }
    }
}
