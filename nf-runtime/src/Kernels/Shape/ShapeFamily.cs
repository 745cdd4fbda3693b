using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>Registration of the Shape kernel family (its dispatch is generated: ShapeFamily.Dispatch.g.cs).</summary>
    public static partial class ShapeFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Shape kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new ShapeFamilyEntry());
        }
    }
}
