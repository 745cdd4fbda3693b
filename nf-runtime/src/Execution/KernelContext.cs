namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// Where every tensor's bytes live while the model runs: activations in the arena, constants in the
    /// image. Kernels fetch (buffer, offset) pairs once per call and then index the arrays directly.
    /// </summary>
    public sealed class KernelContext
    {
        private readonly byte[][] _buffers;
        private readonly int[] _offsets;
        private readonly int[] _byteSizes;
        private readonly int[] _types;

        /// <summary>Creates a context over the given per-tensor tables (owned by the interpreter).</summary>
        public KernelContext(byte[][] buffers, int[] offsets, int[] byteSizes, int[] types)
        {
            _buffers = buffers;
            _offsets = offsets;
            _byteSizes = byteSizes;
            _types = types;
        }

        /// <summary>Number of tensors.</summary>
        public int TensorCount
        {
            get { return _offsets.Length; }
        }

        /// <summary>The array that holds tensor <paramref name="tensor"/> (the arena or the image).</summary>
        public byte[] Buffer(int tensor)
        {
            return _buffers[tensor];
        }

        /// <summary>Byte offset of tensor <paramref name="tensor"/> inside <see cref="Buffer"/>.</summary>
        public int Offset(int tensor)
        {
            return _offsets[tensor];
        }

        /// <summary>Size of tensor <paramref name="tensor"/> in bytes.</summary>
        public int ByteSize(int tensor)
        {
            return _byteSizes[tensor];
        }

        /// <summary>Element type of tensor <paramref name="tensor"/>, one of the <see cref="TensorType"/> constants.</summary>
        public int Type(int tensor)
        {
            return _types[tensor];
        }
    }
}
