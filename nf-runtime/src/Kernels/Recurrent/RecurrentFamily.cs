using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>Registration of the Recurrent kernel family (its dispatch is generated: RecurrentFamily.Dispatch.g.cs).</summary>
    public static partial class RecurrentFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Recurrent kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new RecurrentFamilyEntry());
        }
    }
}
