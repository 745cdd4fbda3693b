using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>
    /// Load-time checks shared by the Signal kernels' <c>Validate</c> methods. Every method returns null when the
    /// check passes, else a message saying what is wrong.
    /// </summary>
    public static class SignalChecks
    {
        /// <summary>Checks the record's input, output and parameter counts.</summary>
        public static string Arity(OpRecord op, int inputs, int outputs, int parameters)
        {
            if (op.Inputs == null || op.Outputs == null || op.Params == null)
            {
                return "missing inputs, outputs or params";
            }
            if (op.Inputs.Length != inputs || op.Outputs.Length != outputs || op.Params.Length != parameters)
            {
                return "expected " + inputs.ToString() + " inputs, " + outputs.ToString() + " outputs and "
                    + parameters.ToString() + " params, got " + op.Inputs.Length.ToString() + ", "
                    + op.Outputs.Length.ToString() + " and " + op.Params.Length.ToString();
            }
            return null;
        }

        /// <summary>
        /// Checks that <paramref name="tensor"/> exists, has element type <paramref name="type"/> and holds at least
        /// <paramref name="elements"/> elements of <paramref name="elementBytes"/> bytes (a negative count is refused).
        /// </summary>
        public static string Tensor(KernelContext ctx, int tensor, int type, long elements, int elementBytes, string what)
        {
            if (tensor < 0 || tensor >= ctx.TensorCount)
            {
                return what + ": tensor index " + tensor.ToString() + " out of range";
            }
            if (ctx.Type(tensor) != type)
            {
                return what + ": tensor " + tensor.ToString() + " has type " + ctx.Type(tensor).ToString()
                    + ", expected " + type.ToString();
            }
            if (elements < 0 || elements * elementBytes > ctx.ByteSize(tensor))
            {
                return what + ": needs " + elements.ToString() + " elements, tensor " + tensor.ToString() + " has "
                    + ctx.ByteSize(tensor).ToString() + " bytes";
            }
            return null;
        }

        /// <summary>Checks that <paramref name="value"/> lies in [<paramref name="lowest"/>, <paramref name="highest"/>].</summary>
        public static string Range(int value, int lowest, int highest, string what)
        {
            if (value < lowest || value > highest)
            {
                return what + " " + value.ToString() + " is outside " + lowest.ToString() + ".." + highest.ToString();
            }
            return null;
        }

        /// <summary>
        /// Bit length of <paramref name="x"/> (1 for 1, 32 for 2^31 and up), and 32 for 0, as TFLM's
        /// MostSignificantBit32 compiled with GCC (<c>32 - __builtin_clz(x)</c>, 32 when x is 0).
        /// </summary>
        public static int MostSignificantBit32(uint x)
        {
            if (x == 0)
            {
                return 32;
            }
            int bits = 0;
            while (x != 0)
            {
                x >>= 1;
                bits++;
            }
            return bits;
        }
    }
}
