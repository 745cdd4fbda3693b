using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>Dispatch and load-time validation for the Elementwise kernel family (see <see cref="OpCode"/>).</summary>
    public static class ElementwiseFamily
    {
        /// <summary>
        /// Makes this family's kernels available to every interpreter loaded afterwards (on a device, call it once
        /// before loading an image that uses the Elementwise kernels; registering twice is harmless).
        /// </summary>
        public static void Register()
        {
            KernelDispatch.Register(new ElementwiseFamilyEntry());
        }

        /// <summary>Runs one kernel of this family.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            switch (op.Code)
            {
                case OpCode.AddS8:
                    AddS8.Run(ctx, op);
                    break;
                case OpCode.AddS16:
                    AddS16.Run(ctx, op);
                    break;
                case OpCode.AddS32:
                    AddS32.Run(ctx, op);
                    break;
                case OpCode.AddF32:
                    AddF32.Run(ctx, op);
                    break;
                case OpCode.SubS8:
                    SubS8.Run(ctx, op);
                    break;
                case OpCode.SubS16:
                    SubS16.Run(ctx, op);
                    break;
                case OpCode.SubS32:
                    SubS32.Run(ctx, op);
                    break;
                case OpCode.SubF32:
                    SubF32.Run(ctx, op);
                    break;
                case OpCode.MulS8:
                    MulS8.Run(ctx, op);
                    break;
                case OpCode.MulS16:
                    MulS16.Run(ctx, op);
                    break;
                case OpCode.MulS32:
                    MulS32.Run(ctx, op);
                    break;
                case OpCode.MulF32:
                    MulF32.Run(ctx, op);
                    break;
                case OpCode.MaximumS8:
                    MaximumS8.Run(ctx, op);
                    break;
                case OpCode.MaximumS16:
                    MaximumS16.Run(ctx, op);
                    break;
                case OpCode.MaximumS32:
                    MaximumS32.Run(ctx, op);
                    break;
                case OpCode.MaximumF32:
                    MaximumF32.Run(ctx, op);
                    break;
                case OpCode.MinimumS8:
                    MinimumS8.Run(ctx, op);
                    break;
                case OpCode.MinimumS16:
                    MinimumS16.Run(ctx, op);
                    break;
                case OpCode.MinimumS32:
                    MinimumS32.Run(ctx, op);
                    break;
                case OpCode.MinimumF32:
                    MinimumF32.Run(ctx, op);
                    break;
                case OpCode.ReluS8:
                    ReluS8.Run(ctx, op);
                    break;
                case OpCode.ReluS16:
                    ReluS16.Run(ctx, op);
                    break;
                case OpCode.ReluF32:
                    ReluF32.Run(ctx, op);
                    break;
                case OpCode.Relu6S8:
                    Relu6S8.Run(ctx, op);
                    break;
                case OpCode.Relu6S16:
                    Relu6S16.Run(ctx, op);
                    break;
                case OpCode.Relu6F32:
                    Relu6F32.Run(ctx, op);
                    break;
                case OpCode.LeakyReluS8:
                    LeakyReluS8.Run(ctx, op);
                    break;
                case OpCode.LeakyReluS16:
                    LeakyReluS16.Run(ctx, op);
                    break;
                case OpCode.LeakyReluF32:
                    LeakyReluF32.Run(ctx, op);
                    break;
                case OpCode.HardSwishS8:
                    HardSwishS8.Run(ctx, op);
                    break;
                case OpCode.HardSwishF32:
                    HardSwishF32.Run(ctx, op);
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
                case OpCode.AddS8:
                    return AddS8.Validate(ctx, op);
                case OpCode.AddS16:
                    return AddS16.Validate(ctx, op);
                case OpCode.AddS32:
                    return AddS32.Validate(ctx, op);
                case OpCode.AddF32:
                    return AddF32.Validate(ctx, op);
                case OpCode.SubS8:
                    return SubS8.Validate(ctx, op);
                case OpCode.SubS16:
                    return SubS16.Validate(ctx, op);
                case OpCode.SubS32:
                    return SubS32.Validate(ctx, op);
                case OpCode.SubF32:
                    return SubF32.Validate(ctx, op);
                case OpCode.MulS8:
                    return MulS8.Validate(ctx, op);
                case OpCode.MulS16:
                    return MulS16.Validate(ctx, op);
                case OpCode.MulS32:
                    return MulS32.Validate(ctx, op);
                case OpCode.MulF32:
                    return MulF32.Validate(ctx, op);
                case OpCode.MaximumS8:
                    return MaximumS8.Validate(ctx, op);
                case OpCode.MaximumS16:
                    return MaximumS16.Validate(ctx, op);
                case OpCode.MaximumS32:
                    return MaximumS32.Validate(ctx, op);
                case OpCode.MaximumF32:
                    return MaximumF32.Validate(ctx, op);
                case OpCode.MinimumS8:
                    return MinimumS8.Validate(ctx, op);
                case OpCode.MinimumS16:
                    return MinimumS16.Validate(ctx, op);
                case OpCode.MinimumS32:
                    return MinimumS32.Validate(ctx, op);
                case OpCode.MinimumF32:
                    return MinimumF32.Validate(ctx, op);
                case OpCode.ReluS8:
                    return ReluS8.Validate(ctx, op);
                case OpCode.ReluS16:
                    return ReluS16.Validate(ctx, op);
                case OpCode.ReluF32:
                    return ReluF32.Validate(ctx, op);
                case OpCode.Relu6S8:
                    return Relu6S8.Validate(ctx, op);
                case OpCode.Relu6S16:
                    return Relu6S16.Validate(ctx, op);
                case OpCode.Relu6F32:
                    return Relu6F32.Validate(ctx, op);
                case OpCode.LeakyReluS8:
                    return LeakyReluS8.Validate(ctx, op);
                case OpCode.LeakyReluS16:
                    return LeakyReluS16.Validate(ctx, op);
                case OpCode.LeakyReluF32:
                    return LeakyReluF32.Validate(ctx, op);
                case OpCode.HardSwishS8:
                    return HardSwishS8.Validate(ctx, op);
                case OpCode.HardSwishF32:
                    return HardSwishF32.Validate(ctx, op);
                default:
                    return "unknown kernel code " + op.Code.ToString();
            }
        }
    }
}
