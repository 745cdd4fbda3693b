using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>Load-time checks shared by the Recurrent kernels; each returns null when valid, else what is wrong.</summary>
    public static class RecurrentChecks
    {
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
