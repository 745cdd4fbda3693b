using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// MAXIMUM of two int8 tensors with numpy broadcasting, bit-exact with TFLM's MaximumOp (<c>x &gt; y ? x : y</c>).
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Tensor slots: <see cref="BinarySlots"/>. Params (<see cref="BinaryParams"/>):
    /// <list type="table">
    /// <item><term><see cref="BinaryParams.Broadcast"/>..</term>
    /// <description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// </summary>
    public static class MaximumS8
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
            int step1 = p[BinaryParams.Broadcast + Broadcast.RowStride1];
            int step2 = p[BinaryParams.Broadcast + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + Broadcast.RowOffset(p, BinaryParams.Broadcast, row, 0);
                int bi = bBase + Broadcast.RowOffset(p, BinaryParams.Broadcast, row, 1);
                for (int i = 0; i < n; i++)
                {
                    int x = (sbyte)a[ai];
                    int y = (sbyte)b[bi];
                    int r = x > y ? x : y;
                    o[oi] = (byte)r;
                    oi++;
                    ai += step1;
                    bi += step2;
                }
            }
        }

        /// <summary>Returns null if the record is valid for this kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ElementwiseChecks.Tensors(ctx, op, 2, TensorType.Int8,
                BinaryParams.Broadcast + Broadcast.HeaderLength);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            return Broadcast.Validate(p, BinaryParams.Broadcast, ctx.ByteSize(op.Inputs[BinarySlots.InInput1]),
                ctx.ByteSize(op.Inputs[BinarySlots.InInput2]),
                ctx.ByteSize(op.Outputs[BinarySlots.OutOutput]));
        }
    }
}
