using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// MUL of two float32 tensors with numpy broadcasting, bit-exact with TFLM's reference_ops::Mul / BroadcastMul6DSlow on float,
    /// followed by the activation clamp.
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Tensor slots: <see cref="BinaryClampedSlots"/>. Params (<see cref="BinaryClampedParams"/>):
    /// <list type="table">
    /// <item><term><see cref="BinaryClampedParams.ActivationMin"/>, <see cref="BinaryClampedParams.ActivationMax"/></term>
    /// <description>activation min and max as IEEE-754 float bit patterns (clamp is
    /// <c>min(max(x, lo), hi)</c>; no activation is [-FLT_MAX, FLT_MAX], as in TFLM)</description></item>
    /// <item><term><see cref="BinaryClampedParams.Broadcast"/>..</term>
    /// <description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// </summary>
    public static class MulF32
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[BinaryClampedSlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[BinaryClampedSlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[BinaryClampedSlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[BinaryClampedSlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[BinaryClampedSlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[BinaryClampedSlots.OutOutput]);
            float actMin = FloatBits.FromBits(p[BinaryClampedParams.ActivationMin]);
            float actMax = FloatBits.FromBits(p[BinaryClampedParams.ActivationMax]);

            int rows = Broadcast.RowCount(p, BinaryClampedParams.Broadcast);
            int n = p[BinaryClampedParams.Broadcast + Broadcast.RowLength];
            int step1 = 4 * p[BinaryClampedParams.Broadcast + Broadcast.RowStride1];
            int step2 = 4 * p[BinaryClampedParams.Broadcast + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + 4 * Broadcast.RowOffset(p, BinaryClampedParams.Broadcast, row, 0);
                int bi = bBase + 4 * Broadcast.RowOffset(p, BinaryClampedParams.Broadcast, row, 1);
                for (int i = 0; i < n; i++)
                {
                    float x = BitConverter.ToSingle(a, ai);
                    float y = BitConverter.ToSingle(b, bi);
                    float r = x * y;
                    // min(max(r, actMin), actMax) with std::max/std::min semantics.
                    r = r < actMin ? actMin : r;
                    r = actMax < r ? actMax : r;
                    FloatBits.Write(o, oi, r);
                    oi += 4;
                    ai += step1;
                    bi += step2;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 2, TensorType.Float32,
                BinaryClampedParams.Broadcast + Broadcast.HeaderLength);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            return Broadcast.Validate(p, BinaryClampedParams.Broadcast,
                ctx.ByteSize(op.Inputs[BinaryClampedSlots.InInput1]) / 4,
                ctx.ByteSize(op.Inputs[BinaryClampedSlots.InInput2]) / 4,
                ctx.ByteSize(op.Outputs[BinaryClampedSlots.OutOutput]) / 4);
        }
    }
}
