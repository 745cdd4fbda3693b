using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// MAXIMUM of two int16 tensors with numpy broadcasting, bit-exact with TFLM's MaximumOp (<c>x &gt; y ? x : y</c>).
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Tensor slots: <see cref="BinarySlots"/>. Params (<see cref="BinaryParams"/>):
    /// <list type="table">
    /// <item><term><see cref="BinaryParams.Broadcast"/>..</term>
    /// <description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// </summary>
    public static class MaximumS16
    {
        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[BinarySlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[BinarySlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[BinarySlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[BinarySlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[BinarySlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[BinarySlots.OutOutput]);

            int rows = Broadcast.RowCount(p, BinaryParams.Broadcast);
            int n = p[BinaryParams.Broadcast + Broadcast.RowLength];
            int step1 = 2 * p[BinaryParams.Broadcast + Broadcast.RowStride1];
            int step2 = 2 * p[BinaryParams.Broadcast + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + 2 * Broadcast.RowOffset(p, BinaryParams.Broadcast, row, 0);
                int bi = bBase + 2 * Broadcast.RowOffset(p, BinaryParams.Broadcast, row, 1);
                for (int i = 0; i < n; i++)
                {
                    int x = (short)(a[ai] | (a[ai + 1] << 8));
                    int y = (short)(b[bi] | (b[bi + 1] << 8));
                    int r = x > y ? x : y;
                    o[oi] = (byte)r;
                    o[oi + 1] = (byte)(r >> 8);
                    oi += 2;
                    ai += step1;
                    bi += step2;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 2, TensorType.Int16,
                BinaryParams.Broadcast + Broadcast.HeaderLength);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            return Broadcast.Validate(p, BinaryParams.Broadcast, ctx.ByteSize(op.Inputs[BinarySlots.InInput1]) / 2,
                ctx.ByteSize(op.Inputs[BinarySlots.InInput2]) / 2,
                ctx.ByteSize(op.Outputs[BinarySlots.OutOutput]) / 2);
        }
    }
}
