using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Pooling
{
    /// <summary>
    /// AVERAGE_POOL_2D on int8, bit-exact with TFLM's reference kernel. Inputs, outputs and Params as documented on
    /// <see cref="PoolGeometry"/>. Each output is the window sum divided by the number of input elements the window covers (padding excluded), rounded half away from zero, then clamped.
    /// <para>An optional second output is the scratch of the native CMSIS-NN backend (<c>compile --cmsis-nn</c>; see
    /// <see cref="CmsisNnPoolScratch"/>): never touched here.</para>
    /// </summary>
    public static class AveragePoolS8
    {
        /// <summary>Pools every window of the input into the output (<see cref="PoolWindows"/>).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            PoolWindows.Run(ctx, op, 1, true);
        }

        /// <summary>Checks the record (and the optional CMSIS-NN scratch) against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return CmsisNnPoolScratch.ValidatePool(ctx, op, TensorType.Int8, 1, -128, 127);
        }
    }
}
