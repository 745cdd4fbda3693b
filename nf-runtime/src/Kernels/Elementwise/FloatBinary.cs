using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// The float32 binary kernels, each bit-exact with TFLM, with numpy broadcasting (<see cref="Broadcast"/>):
    /// ADD, SUB, MUL (reference_ops::Add / SubWithActivation / Mul and their broadcast forms on float, then
    /// <c>min(max(r, act_min), act_max)</c> with std::max/std::min semantics; Params <see cref="BinaryClampedParams"/>,
    /// the activation range as IEEE-754 float bit patterns, no activation being [-FLT_MAX, FLT_MAX] as in TFLM)
    /// and MAXIMUM, MINIMUM (TFLM's MaximumOp <c>x &gt; y ? x : y</c> / MinimumOp <c>x &lt; y ? x : y</c>, so a
    /// NaN in input 1 yields input 2; Params <see cref="BinaryParams"/>, the descriptor only, and no clamp).
    /// Inputs: [input1, input2]; outputs: [output]. The output may be the same buffer region as an input of the
    /// same shape (each element is read before it is written). These kernels are rare in models, so one loop
    /// serves them all, choosing the operation per element.
    /// </summary>
    public static class FloatBinary
    {
        private const int Add = 0;
        private const int Subtract = 1;
        private const int Multiply = 2;
        private const int Maximum = 3;
        private const int Minimum = 4;

        /// <summary>Runs ADD float32.</summary>
        public static void RunAddF32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Add, BinaryClampedParams.Broadcast, true);
        }

        /// <summary>Runs SUB float32 (input1 - input2).</summary>
        public static void RunSubF32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Subtract, BinaryClampedParams.Broadcast, true);
        }

        /// <summary>Runs MUL float32.</summary>
        public static void RunMulF32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Multiply, BinaryClampedParams.Broadcast, true);
        }

        /// <summary>Runs MAXIMUM float32.</summary>
        public static void RunMaximumF32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Maximum, BinaryParams.Broadcast, false);
        }

        /// <summary>Runs MINIMUM float32.</summary>
        public static void RunMinimumF32(KernelContext ctx, OpRecord op)
        {
            Run(ctx, op, Minimum, BinaryParams.Broadcast, false);
        }

        /// <summary>Validates an ADD float32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateAddF32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Float32, BinaryClampedParams.Broadcast, 4);
        }

        /// <summary>Validates a SUB float32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateSubF32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Float32, BinaryClampedParams.Broadcast, 4);
        }

        /// <summary>Validates a MUL float32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMulF32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Float32, BinaryClampedParams.Broadcast, 4);
        }

        /// <summary>Validates a MAXIMUM float32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMaximumF32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Float32, BinaryParams.Broadcast, 4);
        }

        /// <summary>Validates a MINIMUM float32 record: null when it is safe to run, else what is wrong.</summary>
        public static string ValidateMinimumF32(KernelContext ctx, OpRecord op)
        {
            return BinaryOperands.Validate(ctx, op, TensorType.Float32, BinaryParams.Broadcast, 4);
        }

        private static void Run(KernelContext ctx, OpRecord op, int kind, int at, bool clamp)
        {
            int[] p = op.Params;
            byte[] a = ctx.Buffer(op.Inputs[BinarySlots.InInput1]);
            int aBase = ctx.Offset(op.Inputs[BinarySlots.InInput1]);
            byte[] b = ctx.Buffer(op.Inputs[BinarySlots.InInput2]);
            int bBase = ctx.Offset(op.Inputs[BinarySlots.InInput2]);
            byte[] o = ctx.Buffer(op.Outputs[BinarySlots.OutOutput]);
            int oi = ctx.Offset(op.Outputs[BinarySlots.OutOutput]);
            float actMin = clamp ? FloatBits.FromBits(p[BinaryClampedParams.ActivationMin]) : 0f;
            float actMax = clamp ? FloatBits.FromBits(p[BinaryClampedParams.ActivationMax]) : 0f;

            int rows = Broadcast.RowCount(p, at);
            int n = p[at + Broadcast.RowLength];
            int step1 = 4 * p[at + Broadcast.RowStride1];
            int step2 = 4 * p[at + Broadcast.RowStride2];
            for (int row = 0; row < rows; row++)
            {
                int ai = aBase + 4 * Broadcast.RowOffset(p, at, row, 0);
                int bi = bBase + 4 * Broadcast.RowOffset(p, at, row, 1);
                for (int i = 0; i < n; i++)
                {
                    float x = BitConverter.ToSingle(a, ai);
                    float y = BitConverter.ToSingle(b, bi);
                    float r;
                    switch (kind)
                    {
                        case Add:
                            r = x + y;
                            break;
                        case Subtract:
                            r = x - y;
                            break;
                        case Multiply:
                            r = x * y;
                            break;
                        case Maximum:
                            r = x > y ? x : y;
                            break;
                        default:
                            r = x < y ? x : y;
                            break;
                    }
                    if (clamp)
                    {
                        r = r < actMin ? actMin : r;
                        r = actMax < r ? actMax : r;
                    }
                    FloatBits.Write(o, oi, r);
                    oi += 4;
                    ai += step1;
                    bi += step2;
                }
            }
        }
    }
}
