using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>Registration of the Dense kernel family (its dispatch is generated: DenseFamily.Dispatch.g.cs).</summary>
    public static partial class DenseFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Dense kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new DenseFamilyEntry());
        }
    }
}
