using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>Registration of the Conv kernel family (its dispatch is generated: ConvFamily.Dispatch.g.cs).</summary>
    public static partial class ConvFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Conv kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new ConvFamilyEntry());
        }
    }
}
