using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Dense
{
    /// <summary>Dispatch and load-time validation for the Dense kernel family (see <see cref="OpCode"/>).</summary>
    public static class DenseFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Dense kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new DenseFamilyEntry());
        }

        /// <summary>Runs one kernel of this family.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                case OpCode.FullyConnectedS8:
                    FullyConnectedS8.Run(ctx, op);
                    break;
                case OpCode.FullyConnectedS16:
                    FullyConnectedS16.Run(ctx, op);
                    break;
                case OpCode.FullyConnectedS4:
                    FullyConnectedS4.Run(ctx, op);
                    break;
                case OpCode.FullyConnectedS8Accumulate:
                    FullyConnectedS8Accumulate.Run(ctx, op);
                    break;
                case OpCode.FullyConnectedS8Finish:
                    FullyConnectedS8Finish.Run(ctx, op);
                    break;
                case OpCode.AveragePoolS8:
                    AveragePoolS8.Run(ctx, op);
                    break;
                case OpCode.AveragePoolS16:
                    AveragePoolS16.Run(ctx, op);
                    break;
                case OpCode.MaxPoolS8:
                    MaxPoolS8.Run(ctx, op);
                    break;
                case OpCode.MaxPoolS16:
                    MaxPoolS16.Run(ctx, op);
                    break;
                case OpCode.MeanS8:
                    MeanS8.Run(ctx, op);
                    break;
                case OpCode.MeanS16:
                    MeanS16.Run(ctx, op);
                    break;
                case OpCode.SoftmaxS8:
                    SoftmaxS8.Run(ctx, op);
                    break;
                case OpCode.SoftmaxS8S16:
                    SoftmaxS8S16.Run(ctx, op);
                    break;
                case OpCode.SoftmaxS16:
                    SoftmaxS16.Run(ctx, op);
                    break;
                case OpCode.LookupS8:
                    LookupS8.Run(ctx, op);
                    break;
                case OpCode.LogisticS16:
                    LogisticS16.Run(ctx, op);
                    break;
                case OpCode.TanhS16:
                    TanhS16.Run(ctx, op);
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
                case OpCode.FullyConnectedS8:
                    return FullyConnectedS8.Validate(ctx, op);
                case OpCode.FullyConnectedS16:
                    return FullyConnectedS16.Validate(ctx, op);
                case OpCode.FullyConnectedS4:
                    return FullyConnectedS4.Validate(ctx, op);
                case OpCode.FullyConnectedS8Accumulate:
                    return FullyConnectedS8Accumulate.Validate(ctx, op);
                case OpCode.FullyConnectedS8Finish:
                    return FullyConnectedS8Finish.Validate(ctx, op);
                case OpCode.AveragePoolS8:
                    return AveragePoolS8.Validate(ctx, op);
                case OpCode.AveragePoolS16:
                    return AveragePoolS16.Validate(ctx, op);
                case OpCode.MaxPoolS8:
                    return MaxPoolS8.Validate(ctx, op);
                case OpCode.MaxPoolS16:
                    return MaxPoolS16.Validate(ctx, op);
                case OpCode.MeanS8:
                    return MeanS8.Validate(ctx, op);
                case OpCode.MeanS16:
                    return MeanS16.Validate(ctx, op);
                case OpCode.SoftmaxS8:
                    return SoftmaxS8.Validate(ctx, op);
                case OpCode.SoftmaxS8S16:
                    return SoftmaxS8S16.Validate(ctx, op);
                case OpCode.SoftmaxS16:
                    return SoftmaxS16.Validate(ctx, op);
                case OpCode.LookupS8:
                    return LookupS8.Validate(ctx, op);
                case OpCode.LogisticS16:
                    return LogisticS16.Validate(ctx, op);
                case OpCode.TanhS16:
                    return TanhS16.Validate(ctx, op);
                default:
                    return "unknown kernel code " + op.Code.ToString();
            }
        }
    }
}
