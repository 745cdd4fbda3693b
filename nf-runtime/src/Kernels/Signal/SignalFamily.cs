using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>Registration of the Signal kernel family (its dispatch is generated: SignalFamily.Dispatch.g.cs).</summary>
    public static partial class SignalFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Signal kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new SignalFamilyEntry());
        }
    }
}
