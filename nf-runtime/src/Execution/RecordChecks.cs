namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// Load-time checks of an op record shared by the kernel families: the record's arity, a tensor's place and size,
    /// and the pooling window (Dense and Float); each returns null when the check passes, else one line saying what is
    /// wrong. Also the scratch-less copy of a record that the in-place and CMSIS-NN checks hand to a plain check.
    /// </summary>
    public static class RecordChecks
    {
        /// <summary>Checks that the record has exactly these numbers of inputs, outputs and params.</summary>
        public static string Arity(OpRecord op, int inputs, int outputs, int parameters)
        {
            return Arity(op, inputs, outputs, parameters, " params");
        }

        /// <summary>
        /// <see cref="Arity(OpRecord, int, int, int)"/> naming the params with <paramref name="paramsWord"/> (with its
        /// leading space) in the message.
        /// </summary>
        public static string Arity(OpRecord op, int inputs, int outputs, int parameters, string paramsWord)
        {
            if (op.Inputs == null || op.Inputs.Length != inputs)
            {
                return "expected " + inputs.ToString() + " inputs";
            }
            if (op.Outputs == null || op.Outputs.Length != outputs)
            {
                return "expected " + outputs.ToString() + " outputs";
            }
            if (op.Params == null || op.Params.Length != parameters)
            {
                return "expected " + parameters.ToString() + paramsWord;
            }
            return null;
        }

        /// <summary>
        /// Checks that tensor <paramref name="t"/> exists, has element type <paramref name="type"/> (-1: any), lies
        /// inside its buffer and holds at least <paramref name="minBytes"/> bytes (a negative count is refused).
        /// </summary>
        public static string Tensor(KernelContext ctx, int t, int type, long minBytes, string what)
        {
            if (t < 0 || t >= ctx.TensorCount)
            {
                return what + ": tensor index " + t.ToString() + " out of range";
            }
            byte[] buffer = ctx.Buffer(t);
            if (buffer == null)
            {
                return what + ": tensor " + t.ToString() + " has no buffer";
            }
            if (type >= 0 && ctx.Type(t) != type)
            {
                return what + ": tensor " + t.ToString() + " has type " + ctx.Type(t).ToString() + ", expected " + type.ToString();
            }
            int offset = ctx.Offset(t);
            int size = ctx.ByteSize(t);
            if (offset < 0 || size < 0 || (long)offset + size > buffer.Length)
            {
                return what + ": tensor " + t.ToString() + " lies outside its buffer";
            }
            if (minBytes < 0 || size < minBytes)
            {
                return what + ": tensor " + t.ToString() + " has " + size.ToString() + " bytes, needs " + minBytes.ToString();
            }
            return null;
        }

        /// <summary>
        /// Checks one spatial axis of a pooling record: the window of each of the <paramref name="outSize"/> outputs
        /// (starting at output * <paramref name="stride"/> - <paramref name="pad"/>, <paramref name="filter"/> long),
        /// clamped to the input's <paramref name="inSize"/>, is not empty (TFLM fails on an empty average window).
        /// </summary>
        public static string PoolWindows(int outSize, int stride, int filter, int pad, int inSize)
        {
            for (int o = 0; o < outSize; o++)
            {
                long origin = (long)o * stride - pad;
                long start = origin < 0 ? -origin : 0;
                long end = inSize - origin < filter ? inSize - origin : filter;
                if (start >= end)
                {
                    return "pooling window of output " + o.ToString() + " lies outside the input";
                }
            }
            return null;
        }

        /// <summary>
        /// A copy of the record with only its first output (sharing its inputs and params): what a kernel's plain check
        /// sees of a record to which the compiler added a scratch output.
        /// </summary>
        public static OpRecord WithFirstOutputOnly(OpRecord op)
        {
            OpRecord plain = new OpRecord();
            plain.Code = op.Code;
            plain.SourceIndex = op.SourceIndex;
            plain.Inputs = op.Inputs;
            plain.Outputs = new int[] { op.Outputs[0] };
            plain.Params = op.Params;
            return plain;
        }
    }
}
