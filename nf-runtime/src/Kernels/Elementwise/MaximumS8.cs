using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// MAXIMUM of two int8 tensors with numpy broadcasting, bit-exact with TFLM's MaximumOp (<c>x &gt; y ? x : y</c>).
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of
    /// the same shape (each element is read before it is written).
    /// Params (ints):
    /// <list type="table">
    /// <item><term>0..</term><description>broadcast descriptor, see <see cref="Broadcast"/></description></item>
    /// </list>
    /// </summary>
    public static class MaximumS8
    {
        /// <summary>Index of the broadcast descriptor in Params.</summary>
        public const int Descriptor = 0;

        /// <summary>Runs the kernel. Assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[0]);
            int aBase = ctx.Offset(op.Inputs[0]);
            byte[] b = ctx.Buffer(op.Inputs[1]);
            int bBase = ctx.Offset(op.Inputs[1]);
            byte[] o = ctx.Buffer(op.Outputs[0]);
            int oi = ctx.Offset(op.Outputs[0]);

            int rows = Broadcast.RowCount(p, Descriptor);
            int n = p[Descriptor + 1];
            int step1 = p[Descriptor + 2];
            int step2 = p[Descriptor + 3];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + Broadcast.RowOffset(p, Descriptor, row, 0);
                int bi = bBase + Broadcast.RowOffset(p, Descriptor, row, 1);
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
            string error = ElementwiseChecks.Tensors(ctx, op, 2, TensorType.Int8, Descriptor + 4);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            return Broadcast.Validate(p, Descriptor, ctx.ByteSize(op.Inputs[0]), ctx.ByteSize(op.Inputs[1]),
                ctx.ByteSize(op.Outputs[0]));
        }
    }
}
