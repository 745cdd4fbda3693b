using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with int8 activations and packed int4 weights; bit-exact with TFLM (which unpacks the
    /// filter to int8 and runs reference_integer_ops::DepthwiseConvPerChannel). The nibbles are read in place.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int4 repacked by the compiler channel-major: element
    /// e = (out_c * f_h + f_y) * f_w + f_x is the low nibble of byte e/2 when e is even, the high nibble when odd,
    /// sign-extended; (out_c * f_h * f_w + 1) / 2 bytes. [2] folded bias int32 [out_c], required (as in
    /// <see cref="DepthwiseConvS8"/>), [3] multipliers int32 [out_c * 2]; with compile --cmsis-nn, for the native
    /// CMSIS-NN backend and not read here: [4] raw bias int32 [out_c] (windows reaching into the padding) or -1,
    /// [5] the filter in TFLite's packed [f_h][f_w][out_c] order (same element count and packing).
    /// Outputs: [0] output int8 NHWC; optional [1] CMSIS-NN scratch (<see cref="CmsisNnScratchCheck"/>).</para>
    /// <para>Params: the layout of <see cref="DepthwiseConvS8"/>.</para>
    /// </summary>
    public static class DepthwiseConvS4
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Depthwise(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
            // The optional second output is the CMSIS-NN scratch (unused here): refused when smaller than reserved.
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.DepthwiseConvS4);
        }

        /// <summary>Runs the convolution; allocates nothing.</summary>
        /// <remarks>Through <see cref="DepthwiseConvS8.Compute"/>, whose channel loop reads the nibbles in place.</remarks>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            DepthwiseConvS8.Compute(ctx, op, true);
        }
    }
}
