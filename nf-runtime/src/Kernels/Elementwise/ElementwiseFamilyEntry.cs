using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>The Elementwise family as the <see cref="KernelFamily"/> that <see cref="ElementwiseFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class ElementwiseFamilyEntry : KernelFamily
    {
        /// <summary>Codes 300-399.</summary>
        public override int Number
        {
            get { return 3; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            ElementwiseFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return ElementwiseFamily.Validate(ctx, op);
        }
    }
}
