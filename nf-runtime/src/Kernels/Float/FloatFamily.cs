using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>Registration of the Float kernel family (its dispatch is generated: FloatFamily.Dispatch.g.cs).</summary>
    public static partial class FloatFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Float kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new FloatFamilyEntry());
        }
    }
}
