using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>The Conv family as the <see cref="KernelFamily"/> that <see cref="ConvFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class ConvFamilyEntry : KernelFamily
    {
        /// <summary>Codes 100-199.</summary>
        public override int Number
        {
            get { return 1; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            ConvFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return ConvFamily.Validate(ctx, op);
        }
    }
}
