namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// Kernel codes stored in the image. Each kernel family declares its codes in its own part of this
    /// class, inside its own range, so the numbers of one family never move when another grows:
    /// 100-199 convolutions (Kernels/Conv), 200-299 fully connected, pooling, reductions, softmax and
    /// lookup activations (Kernels/Dense), 300-399 element-wise arithmetic and activations
    /// (Kernels/Elementwise), 400-499 data movement and type conversion (Kernels/Shape).
    /// </summary>
    public static partial class OpCode
    {
        /// <summary>Lowest valid code.</summary>
        public const int First = 100;

        /// <summary>One past the highest valid code.</summary>
        public const int End = 500;
    }
}
