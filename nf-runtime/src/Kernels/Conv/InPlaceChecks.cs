using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// Load-time checks of the in-place convolution kernels: the record of the plain kernel plus a scratch
    /// output, the output at the input's own base offset in the same buffer, and the shape limits of each trick.
    /// </summary>
    internal static class InPlaceChecks
    {
        /// <summary>
        /// Checks a depthwise in-place record (layout of <see cref="DepthwiseConvS8"/>, outputs [output, scratch]):
        /// the plain checks, batches 1, depth multiplier 1, output over input, scratch of out_h * out_w elements.
        /// </summary>
        public static string Depthwise(KernelContext ctx, OpRecord op, int activationType, int filterType, bool int32Bias, bool int64Bias, bool biasRequired)
        {
            string e = PlainChecks(ctx, op, true, activationType, filterType, int32Bias, int64Bias, biasRequired);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            string shape = p[DepthwiseConvParams.Batches] != 1 || p[DepthwiseConvParams.DepthMultiplier] != 1
                ? "in-place depthwise needs batches 1 and depth multiplier 1"
                : null;
            return ShapeBaseAndScratch(ctx, op, shape, activationType, p[DepthwiseConvParams.OutputHeight],
                p[DepthwiseConvParams.OutputWidth], DepthwiseConvS8InPlaceSlots.OutScratch);
        }

        /// <summary>
        /// Checks a 1×1 in-place record (layout of <see cref="ConvS8"/>, outputs [output, scratch]): the plain
        /// checks, 1×1 filter over the whole input depth, stride 1, no padding, output over input, scratch of
        /// out_c elements.
        /// </summary>
        public static string Pointwise(KernelContext ctx, OpRecord op, int activationType, int filterType, bool int32Bias, bool int64Bias, bool biasRequired)
        {
            string e = PlainChecks(ctx, op, false, activationType, filterType, int32Bias, int64Bias, biasRequired);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            string shape = p[ConvParams.FilterHeight] != 1 || p[ConvParams.FilterWidth] != 1 || p[ConvParams.FilterDepth] != p[ConvParams.InputDepth]
                || p[ConvParams.StrideHeight] != 1 || p[ConvParams.StrideWidth] != 1 || p[ConvParams.PaddingTop] != 0
                || p[ConvParams.PaddingLeft] != 0 || p[ConvParams.OutputHeight] != p[ConvParams.InputHeight]
                || p[ConvParams.OutputWidth] != p[ConvParams.InputWidth]
                ? "in-place 1x1 convolution needs a 1x1 filter over the whole input depth, stride 1 and no padding"
                : null;
            return ShapeBaseAndScratch(ctx, op, shape, activationType, p[ConvParams.OutputDepth], 1, PointwiseConvS8InPlaceSlots.OutScratch);
        }

        // The tail of both checks: the kernel's shape limits (`shape`: null when met, else what is wrong), the output
        // over the input, then the scratch output (`scratchSlot`) of `rows` * `columns` activation elements.
        private static string ShapeBaseAndScratch(KernelContext ctx, OpRecord op, string shape, int activationType, int rows, int columns,
            int scratchSlot)
        {
            if (shape != null)
            {
                return shape;
            }
            string e = SameBase(ctx, op);
            if (e != null)
            {
                return e;
            }
            int elementBytes = activationType == TensorType.Int8 ? 1 : 2;
            return ConvChecks.Tensor(ctx, op.Outputs[scratchSlot], TensorType.Int8,
                ConvChecks.Product(rows, columns, elementBytes, 1, 1), "scratch");
        }

        // The two outputs, then the plain kernel's checks on the record without its scratch output.
        private static string PlainChecks(KernelContext ctx, OpRecord op, bool depthwise, int activationType, int filterType, bool int32Bias,
            bool int64Bias, bool biasRequired)
        {
            if (op.Outputs == null || op.Outputs.Length != 2)
            {
                return "expected 2 outputs (output, scratch)";
            }
            // The output is slot 0 in both layouts.
            OpRecord plain = RecordChecks.WithFirstOutputOnly(op);
            return depthwise
                ? ConvChecks.Depthwise(ctx, plain, activationType, filterType, int32Bias, int64Bias, biasRequired)
                : ConvChecks.Conv2D(ctx, plain, activationType, filterType, int32Bias, int64Bias, biasRequired);
        }

        /// <summary>
        /// The kernels compute over their input: the output must start where the input starts (input and output
        /// slots are the same in the conv and depthwise_conv layouts).
        /// </summary>
        private static string SameBase(KernelContext ctx, OpRecord op)
        {
            int input = op.Inputs[ConvSlots.InInput];
            int output = op.Outputs[ConvSlots.OutOutput];
            if (ctx.Buffer(input) != ctx.Buffer(output) || ctx.Offset(input) != ctx.Offset(output))
            {
                return "in-place output must share the input's base offset";
            }
            return null;
        }
    }
}
