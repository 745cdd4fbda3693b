using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// DIV of two int32 tensors with numpy broadcasting, bit-exact with TFLM's reference_ops::Div / BroadcastDivSlow
    /// on int32 (C++ division, truncating toward zero), followed by the activation clamp. Where C++ is undefined this
    /// kernel defines the result, so that Invoke never throws: x / 0 gives 0 and int.MinValue / -1 gives int.MinValue.
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Tensor slots: <see cref="BinaryClampedSlots"/>. Params (<see cref="BinaryClampedParams"/>):
    /// <list type="table">
    /// <item><term><see cref="BinaryClampedParams.ActivationMin"/>, <see cref="BinaryClampedParams.ActivationMax"/></term>
    /// <description>activation min and max (int32)</description></item>
    /// <item><term><see cref="BinaryClampedParams.Broadcast"/>..</term>
    /// <description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// </summary>
    public static class DivS32
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
            int actMin = p[BinaryClampedParams.ActivationMin];
            int actMax = p[BinaryClampedParams.ActivationMax];

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
                    int x = a[ai] | (a[ai + 1] << 8) | (a[ai + 2] << 16) | (a[ai + 3] << 24);
                    int y = b[bi] | (b[bi + 1] << 8) | (b[bi + 2] << 16) | (b[bi + 3] << 24);
                    int r = y == 0 ? 0 : (y == -1 ? -x : x / y);
                    // min(max(r, actMin), actMax) with std::max/std::min semantics.
                    r = r < actMin ? actMin : r;
                    r = actMax < r ? actMax : r;
                    o[oi] = (byte)r;
                    o[oi + 1] = (byte)(r >> 8);
                    o[oi + 2] = (byte)(r >> 16);
                    o[oi + 3] = (byte)(r >> 24);
                    oi += 4;
                    ai += step1;
                    bi += step2;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 2, TensorType.Int32,
                BinaryClampedParams.Broadcast + Broadcast.HeaderLength);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p[BinaryClampedParams.ActivationMin] > p[BinaryClampedParams.ActivationMax])
            {
                return "bad activation range";
            }
            return Broadcast.Validate(p, BinaryClampedParams.Broadcast,
                ctx.ByteSize(op.Inputs[BinaryClampedSlots.InInput1]) / 4,
                ctx.ByteSize(op.Inputs[BinaryClampedSlots.InInput2]) / 4,
                ctx.ByteSize(op.Outputs[BinaryClampedSlots.OutOutput]) / 4);
        }
    }
}
