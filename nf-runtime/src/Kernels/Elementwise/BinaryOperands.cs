using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// What every binary element-wise kernel (ADD, SUB, MUL, MAXIMUM, MINIMUM in any type) checks at load time:
    /// its tensors, then its broadcast descriptor against them. Every binary layout (add_sub, mul, binary_clamped,
    /// binary) has the same tensor slots, input1, input2 / output, so <see cref="BinarySlots"/> names them for all
    /// (BinaryLayoutAgreementTests holds the layouts to that).
    /// </summary>
    public static class BinaryOperands
    {
        /// <summary>
        /// Checks that the record has two inputs and one output of element type <paramref name="type"/> and that
        /// its Params can hold a broadcast descriptor at <paramref name="at"/>. Returns null when valid, else what is wrong.
        /// </summary>
        public static string ValidateTensors(KernelContext ctx, OpRecord op, int type, int at)
        {
            return ElementwiseChecks.Tensors(ctx, op, 2, type, at + Broadcast.HeaderLength);
        }

        /// <summary>
        /// Checks the broadcast descriptor at <paramref name="at"/> against the element counts of the record's
        /// tensors (<paramref name="elementBytes"/> bytes per element). Call after <see cref="ValidateTensors"/>.
        /// Returns null when valid, else what is wrong.
        /// </summary>
        public static string ValidateBroadcast(KernelContext ctx, OpRecord op, int at, int elementBytes)
        {
            return Broadcast.Validate(op.Params, at, ctx.ByteSize(op.Inputs[BinarySlots.InInput1]) / elementBytes,
                ctx.ByteSize(op.Inputs[BinarySlots.InInput2]) / elementBytes,
                ctx.ByteSize(op.Outputs[BinarySlots.OutOutput]) / elementBytes);
        }

        /// <summary>Both checks of a kernel with no Params besides the activation range and the descriptor.</summary>
        public static string Validate(KernelContext ctx, OpRecord op, int type, int at, int elementBytes)
        {
            string error = ValidateTensors(ctx, op, type, at);
            return error != null ? error : ValidateBroadcast(ctx, op, at, elementBytes);
        }
    }
}
