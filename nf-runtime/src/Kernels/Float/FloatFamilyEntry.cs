using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>The Float family as the <see cref="KernelFamily"/> that <see cref="FloatFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class FloatFamilyEntry : KernelFamily
    {
        /// <summary>Codes 600-699.</summary>
        public override int Number
        {
            get { return 6; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            FloatFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return FloatFamily.Validate(ctx, op);
        }
    }
}
