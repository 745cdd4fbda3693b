using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>Load-time checks shared by the Recurrent kernels; each returns null when valid, else what is wrong.</summary>
    public static class RecurrentChecks
    {
        /// <summary>Checks the numbers of inputs, outputs and params.</summary>
        public static string Arity(OpRecord op, int inputs, int outputs, int parameters)
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
                return "expected " + parameters.ToString() + " params";
            }
            return null;
        }

        /// <summary>
        /// Checks that tensor <paramref name="t"/> exists, has element type <paramref name="type"/>, lies inside its
        /// buffer and holds at least <paramref name="minBytes"/> bytes.
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
            if (ctx.Type(t) != type)
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

        /// <summary>Checks a requantization pair: a non-negative Q0.31 multiplier and a shift in [-31, 30].</summary>
        public static string Multiplier(int multiplier, int shift, string what)
        {
            if (multiplier < 0 || shift < -31 || shift > 30)
            {
                return what + ": multiplier " + multiplier.ToString() + " shift " + shift.ToString() + " out of range";
            }
            return null;
        }

        /// <summary>True when the first bytes of tensors <paramref name="a"/> and <paramref name="b"/> (both checked) share a byte.</summary>
        public static bool Overlap(KernelContext ctx, int a, long bytesA, int b, long bytesB)
        {
            if (ctx.Buffer(a) != ctx.Buffer(b))
            {
                return false;
            }
            long startA = ctx.Offset(a);
            long startB = ctx.Offset(b);
            return startA < startB + bytesB && startB < startA + bytesA;
        }
    }
}
