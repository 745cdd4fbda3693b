using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>The Shape family as the <see cref="KernelFamily"/> that <see cref="ShapeFamily.Register"/> hands to the dispatcher.</summary>
    internal sealed class ShapeFamilyEntry : KernelFamily
    {
        /// <summary>Codes 400-499.</summary>
        public override int Number
        {
            get { return 4; }
        }

        /// <summary>Runs one kernel of this family.</summary>
        public override void Run(KernelContext ctx, OpRecord op)
        {
            ShapeFamily.Run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public override string Validate(KernelContext ctx, OpRecord op)
        {
            return ShapeFamily.Validate(ctx, op);
        }
    }
}
