namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// One kernel call of the image, decoded at load: the kernel code, the tensors it reads and writes,
    /// and the integer parameters the compiler computed for it (shapes, zero points, multipliers ...).
    /// </summary>
    public sealed class OpRecord
    {
        /// <summary>Kernel code, one of the <see cref="OpCode"/> constants.</summary>
        public int Code;

        /// <summary>Index of the source operator in the TFLite model (for messages).</summary>
        public int SourceIndex;

        /// <summary>Tensor indices read by the kernel; -1 marks an omitted optional input.</summary>
        public int[] Inputs;

        /// <summary>Tensor indices written by the kernel (scratch tensors come last, see each kernel).</summary>
        public int[] Outputs;

        /// <summary>Kernel parameters; the layout is documented by each kernel.</summary>
        public int[] Params;
    }
}
