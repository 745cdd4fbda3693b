using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>The Recurrent family as the <see cref="KernelFamily"/> that <see cref="RecurrentFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class RecurrentFamilyEntry : KernelFamily
    {
        /// <summary>Codes 500-599.</summary>
        public override int Number
        {
            get { return 5; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            RecurrentFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return RecurrentFamily.Validate(ctx, op);
        }
    }
}
