using System;
using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Byte copy from input 0 to output 0: RESHAPE, SQUEEZE and EXPAND_DIMS (the shape only changes on the host).
    /// When the planner gives input and output the same bytes, nothing is copied.
    /// <para>Params (<see cref="CopyParams"/>): <see cref="CopyParams.ByteCount"/>.</para>
    /// <para>Inputs: [source]. Outputs: [destination].</para>
    /// </summary>
    public static class Copy
    {
        /// <summary>Copies the bytes; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int source = op.Inputs[CopySlots.InSource];
            int destination = op.Outputs[CopySlots.OutDestination];
            byte[] sourceBuffer = ctx.Buffer(source);
            byte[] destinationBuffer = ctx.Buffer(destination);
            int sourceOffset = ctx.Offset(source);
            int destinationOffset = ctx.Offset(destination);
            if (sourceBuffer == destinationBuffer && sourceOffset == destinationOffset)
            {
                return;
            }
            Array.Copy(sourceBuffer, sourceOffset, destinationBuffer, destinationOffset,
                op.Params[CopyParams.ByteCount]);
        }

        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, 1, 1, 1);
            if (error != null)
            {
                return error;
            }
            int bytes = op.Params[CopyParams.ByteCount];
            error = ShapeChecks.Fits(ctx, op.Inputs[CopySlots.InSource], bytes, "copy source");
            if (error != null)
            {
                return error;
            }
            return ShapeChecks.Fits(ctx, op.Outputs[CopySlots.OutDestination], bytes, "copy destination");
        }
    }
}
