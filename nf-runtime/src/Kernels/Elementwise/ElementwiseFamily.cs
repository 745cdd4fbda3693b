using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>Dispatch and load-time validation for the Elementwise kernel family (see <see cref="OpCode"/>).</summary>
    public static class ElementwiseFamily
    {
        /// <summary>Runs one kernel of this family.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                default:
                    break;
            }
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                default:
                    return "unknown kernel code " + op.Code.ToString();
            }
        }
    }
}
