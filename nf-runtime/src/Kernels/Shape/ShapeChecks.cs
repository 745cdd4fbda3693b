using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Load-time checks shared by the Shape kernels' <c>Validate</c> methods. Every method returns null when
    /// the check passes, else a message saying what is wrong.
    /// </summary>
    public static class ShapeChecks
    {
        /// <summary>
        /// Checks that the record has exactly <paramref name="inputs"/> inputs, <paramref name="outputs"/> outputs
        /// and <paramref name="parameters"/> parameters (any count when the argument is negative).
        /// </summary>
        public static string Arity(OpRecord op, int inputs, int outputs, int parameters)
        {
            if (op.Inputs == null || op.Outputs == null || op.Params == null)
            {
                return "missing inputs, outputs or params";
            }
            if (inputs >= 0 && op.Inputs.Length != inputs)
            {
                return "expected " + inputs.ToString() + " inputs, got " + op.Inputs.Length.ToString();
            }
            if (outputs >= 0 && op.Outputs.Length != outputs)
            {
                return "expected " + outputs.ToString() + " outputs, got " + op.Outputs.Length.ToString();
            }
            if (parameters >= 0 && op.Params.Length != parameters)
            {
                return "expected " + parameters.ToString() + " params, got " + op.Params.Length.ToString();
            }
            return null;
        }

        /// <summary>Checks that <paramref name="tensor"/> names a tensor of the model.</summary>
        public static string Tensor(KernelContext ctx, int tensor, string what)
        {
            if (tensor < 0 || tensor >= ctx.TensorCount)
            {
                return what + ": tensor index " + tensor.ToString() + " out of range";
            }
            return null;
        }

        /// <summary>
        /// Checks that <paramref name="tensor"/> exists and holds at least <paramref name="bytes"/> bytes (a
        /// negative count is rejected).
        /// </summary>
        public static string Fits(KernelContext ctx, int tensor, long bytes, string what)
        {
            string error = Tensor(ctx, tensor, what);
            if (error != null)
            {
                return error;
            }
            if (bytes < 0 || bytes > ctx.ByteSize(tensor))
            {
                return what + ": needs " + bytes.ToString() + " bytes, tensor " + tensor.ToString() + " has "
                    + ctx.ByteSize(tensor).ToString();
            }
            return null;
        }

        /// <summary>Checks that tensor <paramref name="tensor"/> (already known to exist) has element type <paramref name="type"/>.</summary>
        public static string Type(KernelContext ctx, int tensor, int type, string what)
        {
            if (ctx.Type(tensor) != type)
            {
                return what + ": tensor " + tensor.ToString() + " has type " + ctx.Type(tensor).ToString()
                    + ", params say " + type.ToString();
            }
            return null;
        }

        /// <summary>Bytes per element of a <see cref="TensorType"/> code the Shape kernels move (1, 2 or 4), else 0.</summary>
        public static int ElementSize(int type)
        {
            if (type == TensorType.Int8 || type == TensorType.UInt8 || type == TensorType.Bool)
            {
                return 1;
            }
            if (type == TensorType.Int16 || type == TensorType.UInt16)
            {
                return 2;
            }
            if (type == TensorType.Int32 || type == TensorType.UInt32 || type == TensorType.Float32)
            {
                return 4;
            }
            return 0;
        }

        /// <summary>True for a data-movement element size the kernels support (1, 2 or 4 bytes).</summary>
        public static bool IsElementSize(int size)
        {
            return size == 1 || size == 2 || size == 4;
        }
    }
}
