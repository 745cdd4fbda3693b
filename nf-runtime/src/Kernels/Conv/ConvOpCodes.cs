namespace TinyLite.Runtime.Execution
{
    /// <summary>Kernel codes of the Conv family (100-199); see the kernels in <c>Kernels/Conv</c> for Params layouts.</summary>
    public static partial class OpCode
    {
        /// <summary>CONV_2D, int8 activations, int8 weights (<see cref="TinyLite.Runtime.Kernels.Conv.ConvS8"/>).</summary>
        public const int ConvS8 = 100;

        /// <summary>CONV_2D, int8 activations, packed int4 weights (<see cref="TinyLite.Runtime.Kernels.Conv.ConvS4"/>).</summary>
        public const int ConvS4 = 101;

        /// <summary>CONV_2D, int16 activations, int8 weights (<see cref="TinyLite.Runtime.Kernels.Conv.ConvS16"/>).</summary>
        public const int ConvS16 = 102;

        /// <summary>
        /// CONV_2D 1×1, stride 1, no padding, int8 activations and weights, computed pixel by pixel over its own
        /// input (<see cref="TinyLite.Runtime.Kernels.Conv.PointwiseConvS8InPlace"/>).
        /// </summary>
        public const int PointwiseConvS8InPlace = 103;

        /// <summary>
        /// CONV_2D 1×1, stride 1, no padding, int16 activations, int8 weights, computed pixel by pixel over its own
        /// input (<see cref="TinyLite.Runtime.Kernels.Conv.PointwiseConvS16InPlace"/>).
        /// </summary>
        public const int PointwiseConvS16InPlace = 104;

        /// <summary>DEPTHWISE_CONV_2D, int8 activations, int8 weights (<see cref="TinyLite.Runtime.Kernels.Conv.DepthwiseConvS8"/>).</summary>
        public const int DepthwiseConvS8 = 110;

        /// <summary>DEPTHWISE_CONV_2D, int8 activations, packed int4 weights (<see cref="TinyLite.Runtime.Kernels.Conv.DepthwiseConvS4"/>).</summary>
        public const int DepthwiseConvS4 = 111;

        /// <summary>DEPTHWISE_CONV_2D, int16 activations, int8 weights (<see cref="TinyLite.Runtime.Kernels.Conv.DepthwiseConvS16"/>).</summary>
        public const int DepthwiseConvS16 = 112;

        /// <summary>
        /// DEPTHWISE_CONV_2D with depth multiplier 1, int8 activations and weights, computed channel by channel
        /// over its own input (<see cref="TinyLite.Runtime.Kernels.Conv.DepthwiseConvS8InPlace"/>).
        /// </summary>
        public const int DepthwiseConvS8InPlace = 113;

        /// <summary>
        /// DEPTHWISE_CONV_2D with depth multiplier 1, int8 activations, packed int4 weights, computed channel by
        /// channel over its own input (<see cref="TinyLite.Runtime.Kernels.Conv.DepthwiseConvS4InPlace"/>).
        /// </summary>
        public const int DepthwiseConvS4InPlace = 114;

        /// <summary>TRANSPOSE_CONV, int8 activations, int8 weights (<see cref="TinyLite.Runtime.Kernels.Conv.TransposeConvS8"/>).</summary>
        public const int TransposeConvS8 = 120;

        /// <summary>TRANSPOSE_CONV, int16 activations, int8 weights (<see cref="TinyLite.Runtime.Kernels.Conv.TransposeConvS16"/>).</summary>
        public const int TransposeConvS16 = 122;
    }
}
