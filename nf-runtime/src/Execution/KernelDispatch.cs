using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;

namespace TinyLite.Runtime.Execution
{
    /// <summary>Routes an <see cref="OpRecord"/> to its kernel family by code range.</summary>
    public static class KernelDispatch
    {
        /// <summary>Runs one kernel. Assumes <see cref="Validate"/> accepted the record at load time.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int family = op.Code / 100;
            if (family == 1)
            {
                ConvFamily.Run(ctx, op);
            }
            else if (family == 2)
            {
                DenseFamily.Run(ctx, op);
            }
            else if (family == 3)
            {
                ElementwiseFamily.Run(ctx, op);
            }
            else
            {
                ShapeFamily.Run(ctx, op);
            }
        }

        /// <summary>
        /// Checks at load time that the code is known and that the parameters are consistent with the byte
        /// sizes of the tensors the kernel touches, so that <see cref="Run"/> cannot index out of bounds.
        /// Returns null when valid, else what is wrong.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            int family = op.Code / 100;
            if (family == 1)
            {
                return ConvFamily.Validate(ctx, op);
            }
            if (family == 2)
            {
                return DenseFamily.Validate(ctx, op);
            }
            if (family == 3)
            {
                return ElementwiseFamily.Validate(ctx, op);
            }
            if (family == 4)
            {
                return ShapeFamily.Validate(ctx, op);
            }
            return "unknown kernel code " + op.Code.ToString();
        }
    }
}
