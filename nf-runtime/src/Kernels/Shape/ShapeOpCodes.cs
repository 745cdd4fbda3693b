namespace TinyLite.Runtime.Execution
{
    /// <summary>Kernel codes of the Shape family (400-499): data movement and type conversion.</summary>
    public static partial class OpCode
    {
        /// <summary>Byte copy (RESHAPE, SQUEEZE, EXPAND_DIMS); see <c>Kernels.Shape.Copy</c>.</summary>
        public const int Copy = 400;

        /// <summary>Constant padding of up to 5-D tensors (PAD, PADV2); see <c>Kernels.Shape.Pad</c>.</summary>
        public const int Pad = 401;

        /// <summary>Up to 5-D strided gather (STRIDED_SLICE, TRANSPOSE); see <c>Kernels.Shape.StridedCopy</c>.</summary>
        public const int StridedCopy = 402;

        /// <summary>Concatenation along one axis (CONCATENATION); see <c>Kernels.Shape.Concatenation</c>.</summary>
        public const int Concatenation = 403;

        /// <summary>float32 to int8/int16 affine quantization (QUANTIZE); see <c>Kernels.Shape.QuantizeFloat</c>.</summary>
        public const int QuantizeFloat = 404;

        /// <summary>Integer to integer requantization (QUANTIZE); see <c>Kernels.Shape.Requantize</c>.</summary>
        public const int Requantize = 405;

        /// <summary>int8/int16 to float32 (DEQUANTIZE); see <c>Kernels.Shape.Dequantize</c>.</summary>
        public const int Dequantize = 406;

        /// <summary>Numeric type conversion (CAST); see <c>Kernels.Shape.Cast</c>.</summary>
        public const int Cast = 407;
    }
}
