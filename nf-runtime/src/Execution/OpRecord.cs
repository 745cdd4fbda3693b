namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// One kernel call of the image: the kernel code, the tensors it reads and writes, and the integer parameters the
    /// compiler computed for it (shapes, zero points, multipliers ...). The interpreter decodes each record from the
    /// image right before its kernel runs, into one instance and arrays it reuses for every call (the arrays have the
    /// record's exact lengths), so a kernel must not keep the record or its arrays after it returns.
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
