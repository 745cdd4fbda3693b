using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Signal
{
    /// <summary>The Signal family as the <see cref="KernelFamily"/> that <see cref="SignalFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class SignalFamilyEntry : KernelFamily
    {
        /// <summary>Codes 700-799.</summary>
        public override int Number
        {
            get { return 7; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            SignalFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return SignalFamily.Validate(ctx, op);
        }
    }
}
