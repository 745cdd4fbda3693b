using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>Dispatch and load-time validation for the Shape kernel family (see <see cref="OpCode"/>).</summary>
    public static class ShapeFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Shape kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new ShapeFamilyEntry());
        }

        /// <summary>Runs one kernel of this family.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                case OpCode.Copy:
                    Copy.Run(ctx, op);
                    break;
                case OpCode.Pad:
                    Pad.Run(ctx, op);
                    break;
                case OpCode.StridedCopy:
                    StridedCopy.Run(ctx, op);
                    break;
                case OpCode.Concatenation:
                    Concatenation.Run(ctx, op);
                    break;
                case OpCode.QuantizeFloat:
                    QuantizeFloat.Run(ctx, op);
                    break;
                case OpCode.Requantize:
                    Requantize.Run(ctx, op);
                    break;
                case OpCode.Dequantize:
                    Dequantize.Run(ctx, op);
                    break;
                case OpCode.Cast:
                    Cast.Run(ctx, op);
                    break;
                default:
                    break;
            }
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                case OpCode.Copy:
                    return Copy.Validate(ctx, op);
                case OpCode.Pad:
                    return Pad.Validate(ctx, op);
                case OpCode.StridedCopy:
                    return StridedCopy.Validate(ctx, op);
                case OpCode.Concatenation:
                    return Concatenation.Validate(ctx, op);
                case OpCode.QuantizeFloat:
                    return QuantizeFloat.Validate(ctx, op);
                case OpCode.Requantize:
                    return Requantize.Validate(ctx, op);
                case OpCode.Dequantize:
                    return Dequantize.Validate(ctx, op);
                case OpCode.Cast:
                    return Cast.Validate(ctx, op);
                default:
                    return "unknown kernel code " + op.Code.ToString();
            }
        }
    }
}
