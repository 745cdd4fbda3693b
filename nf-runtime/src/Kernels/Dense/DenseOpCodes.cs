namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// Kernel codes of the Dense family (200-299): fully connected, pooling, reductions, softmax and the
    /// table-driven activations. Each code's Params layout is documented on its kernel class.
    /// </summary>
    public static partial class OpCode
    {
        /// <summary>FULLY_CONNECTED, int8 input and output, int8 weights (see <c>FullyConnectedS8</c>).</summary>
        public const int FullyConnectedS8 = 200;

        /// <summary>FULLY_CONNECTED, int16 input and output, int8 weights (see <c>FullyConnectedS16</c>).</summary>
        public const int FullyConnectedS16 = 201;

        /// <summary>FULLY_CONNECTED, int8 input and output, packed int4 weights (see <c>FullyConnectedS4</c>).</summary>
        public const int FullyConnectedS4 = 202;

        /// <summary>
        /// Streaming FULLY_CONNECTED int8, first part: adds one input slice's products to int32 accumulators
        /// (see <c>FullyConnectedS8Accumulate</c>).
        /// </summary>
        public const int FullyConnectedS8Accumulate = 203;

        /// <summary>
        /// Streaming FULLY_CONNECTED int8, last part: requantizes int32 accumulators to int8 exactly as
        /// <c>FullyConnectedS8</c> (see <c>FullyConnectedS8Finish</c>).
        /// </summary>
        public const int FullyConnectedS8Finish = 204;

        /// <summary>AVERAGE_POOL_2D on int8 (see <c>AveragePoolS8</c>).</summary>
        public const int AveragePoolS8 = 210;

        /// <summary>AVERAGE_POOL_2D on int16 (see <c>AveragePoolS16</c>).</summary>
        public const int AveragePoolS16 = 211;

        /// <summary>MAX_POOL_2D on int8 (see <c>MaxPoolS8</c>).</summary>
        public const int MaxPoolS8 = 212;

        /// <summary>MAX_POOL_2D on int16 (see <c>MaxPoolS16</c>).</summary>
        public const int MaxPoolS16 = 213;

        /// <summary>MEAN on int8 (see <c>MeanS8</c>).</summary>
        public const int MeanS8 = 220;

        /// <summary>MEAN on int16 (see <c>MeanS16</c>).</summary>
        public const int MeanS16 = 221;

        /// <summary>SOFTMAX, int8 input, int8 output (see <c>SoftmaxS8</c>).</summary>
        public const int SoftmaxS8 = 230;

        /// <summary>SOFTMAX, int8 input, int16 output (see <c>SoftmaxS8S16</c>).</summary>
        public const int SoftmaxS8S16 = 231;

        /// <summary>SOFTMAX, int16 input and output (see <c>SoftmaxS16</c>).</summary>
        public const int SoftmaxS16 = 232;

        /// <summary>Int8 to int8 table lookup: LOGISTIC and TANH on int8 (see <c>LookupS8</c>).</summary>
        public const int LookupS8 = 240;

        /// <summary>LOGISTIC on int16 (see <c>LogisticS16</c>).</summary>
        public const int LogisticS16 = 241;

        /// <summary>TANH on int16 (see <c>TanhS16</c>).</summary>
        public const int TanhS16 = 242;
    }
}
