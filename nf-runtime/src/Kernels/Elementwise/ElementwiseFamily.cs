using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>Registration of the Elementwise kernel family (its dispatch is generated: ElementwiseFamily.Dispatch.g.cs).</summary>
    public static partial class ElementwiseFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Elementwise kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new ElementwiseFamilyEntry());
        }
    }
}
