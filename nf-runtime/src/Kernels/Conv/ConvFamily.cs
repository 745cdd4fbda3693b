using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>Dispatch and load-time validation for the Conv kernel family (see <see cref="OpCode"/>).</summary>
    public static class ConvFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Conv kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new ConvFamilyEntry());
        }

        /// <summary>Runs one kernel of this family.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                case OpCode.ConvS8:
                    ConvS8.Run(ctx, op);
                    break;
                case OpCode.ConvS4:
                    ConvS4.Run(ctx, op);
                    break;
                case OpCode.ConvS16:
                    ConvS16.Run(ctx, op);
                    break;
                case OpCode.DepthwiseConvS8:
                    DepthwiseConvS8.Run(ctx, op);
                    break;
                case OpCode.DepthwiseConvS4:
                    DepthwiseConvS4.Run(ctx, op);
                    break;
                case OpCode.DepthwiseConvS16:
                    DepthwiseConvS16.Run(ctx, op);
                    break;
                case OpCode.DepthwiseConvS8InPlace:
                    DepthwiseConvS8InPlace.Run(ctx, op);
                    break;
                case OpCode.DepthwiseConvS4InPlace:
                    DepthwiseConvS4InPlace.Run(ctx, op);
                    break;
                case OpCode.PointwiseConvS8InPlace:
                    PointwiseConvS8InPlace.Run(ctx, op);
                    break;
                case OpCode.PointwiseConvS16InPlace:
                    PointwiseConvS16InPlace.Run(ctx, op);
                    break;
                case OpCode.TransposeConvS8:
                    TransposeConvS8.Run(ctx, op);
                    break;
                case OpCode.TransposeConvS16:
                    TransposeConvS16.Run(ctx, op);
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
                case OpCode.ConvS8:
                    return ConvS8.Validate(ctx, op);
                case OpCode.ConvS4:
                    return ConvS4.Validate(ctx, op);
                case OpCode.ConvS16:
                    return ConvS16.Validate(ctx, op);
                case OpCode.DepthwiseConvS8:
                    return DepthwiseConvS8.Validate(ctx, op);
                case OpCode.DepthwiseConvS4:
                    return DepthwiseConvS4.Validate(ctx, op);
                case OpCode.DepthwiseConvS16:
                    return DepthwiseConvS16.Validate(ctx, op);
                case OpCode.DepthwiseConvS8InPlace:
                    return DepthwiseConvS8InPlace.Validate(ctx, op);
                case OpCode.DepthwiseConvS4InPlace:
                    return DepthwiseConvS4InPlace.Validate(ctx, op);
                case OpCode.PointwiseConvS8InPlace:
                    return PointwiseConvS8InPlace.Validate(ctx, op);
                case OpCode.PointwiseConvS16InPlace:
                    return PointwiseConvS16InPlace.Validate(ctx, op);
                case OpCode.TransposeConvS8:
                    return TransposeConvS8.Validate(ctx, op);
                case OpCode.TransposeConvS16:
                    return TransposeConvS16.Validate(ctx, op);
                default:
                    return "unknown kernel code " + op.Code.ToString();
            }
        }
    }
}
