using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// CONV_2D with int8 activations and packed int4 weights; bit-exact with TFLM, which unpacks the filter to int8
    /// and runs reference_integer_ops::ConvPerChannel. This kernel reads the nibbles in place instead (no unpacked
    /// copy): filter element e (flat OHWI index) is the low nibble of byte e/2 when e is even, the high nibble when
    /// odd, sign-extended.
    /// <para>Inputs: [0] input int8 NHWC, [1] filter int4 OHWI packed ((count + 1) / 2 bytes), [2] folded bias int32
    /// [out_c], required (as in <see cref="ConvS8"/>), [3] multipliers int32 [out_c * 2], optional [4] raw bias int32
    /// [out_c] (as in <see cref="ConvS8"/>, not read here). Outputs: [0] output int8 NHWC.</para>
    /// <para>Params: the layout of <see cref="ConvS8"/>.</para>
    /// </summary>
    public static class ConvS4
    {
        /// <summary>Checks the record against the tensors' byte sizes (see the class summary for the layout).</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string e = ConvChecks.Conv2D(ctx, op, TensorType.Int8, TensorType.Int4, true, false, true);
            // The optional second output is the CMSIS-NN scratch (unused here): refused when smaller than reserved.
            return e != null ? e : CmsisNnScratchCheck.Validate(ctx, op, OpCode.ConvS4);
        }

        /// <summary>Runs the convolution; allocates nothing.</summary>
        /// <remarks>Through <see cref="ConvS8.Compute"/>, which reads the nibbles in place (one byte for two MACs).</remarks>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            ConvS8.Compute(ctx, op, true);
        }
    }
}
