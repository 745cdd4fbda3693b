using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// DEPTHWISE_CONV_2D with depth multiplier 1, int8 activations and packed int4 weights, computed over its own
    /// input channel by channel exactly as <see cref="DepthwiseConvS8InPlace"/>, with the arithmetic of
    /// <see cref="DepthwiseConvS4"/> (bit-exact with TFLM).
    /// <para>Inputs and Params as <see cref="DepthwiseConvS4"/> (batches and depth multiplier must be 1).
    /// Outputs: [0] output int8 NHWC at the input's offset, [1] scratch int8 [out_h * out_w].</para>
    /// </summary>
    public static class DepthwiseConvS4InPlace
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            return InPlaceChecks.Depthwise(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
        }

        /// <summary>Runs the convolution channel by channel; allocates nothing.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            DepthwiseConvS8InPlace.Compute(ctx, op, true);
        }
    }
}
