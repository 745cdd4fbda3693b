using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>The Dense family as the <see cref="KernelFamily"/> that <see cref="DenseFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class DenseFamilyEntry : KernelFamily
    {
        /// <summary>Codes 200-299.</summary>
        public override int Number
        {
            get { return 2; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            DenseFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return DenseFamily.Validate(ctx, op);
        }
    }
}
