using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Pooling
{
    /// <summary>
    /// MAX_POOL_2D on int8, bit-exact with TFLM's reference kernel. Inputs, outputs and Params as documented on
    /// <see cref="PoolGeometry"/>. Each output is the largest input in its window (padding excluded), then clamped.
    /// </summary>
    public static class MaxPoolS8
    {
        /// <summary>Pools every window of the input into the output (<see cref="PoolWindows"/>).</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            PoolWindows.Run(ctx, op, 1, false);
        }

        /// <summary>Checks the record against the tensors' sizes; null when valid.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return PoolGeometry.Validate(ctx, op, TensorType.Int8, 1, -128, 127);
        }
    }
}
