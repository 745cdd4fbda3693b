namespace TinyLite.Runtime.Execution
{
    /// <summary>Kernel codes of the Elementwise family (300-399): element-wise arithmetic and activations.</summary>
    public static partial class OpCode
    {
        /// <summary>ADD int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.AddS8"/>).</summary>
        public const int AddS8 = 300;

        /// <summary>ADD int16, TFLM's general rescaling path (<see cref="TinyLite.Runtime.Kernels.Elementwise.AddS16"/>).</summary>
        public const int AddS16 = 301;

        /// <summary>ADD int32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.AddS32"/>).</summary>
        public const int AddS32 = 302;

        /// <summary>ADD float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.AddF32"/>).</summary>
        public const int AddF32 = 303;

        /// <summary>SUB int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.SubS8"/>).</summary>
        public const int SubS8 = 304;

        /// <summary>SUB int16, TFLM's general rescaling path (<see cref="TinyLite.Runtime.Kernels.Elementwise.SubS16"/>).</summary>
        public const int SubS16 = 305;

        /// <summary>SUB int32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.SubS32"/>).</summary>
        public const int SubS32 = 306;

        /// <summary>SUB float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.SubF32"/>).</summary>
        public const int SubF32 = 307;

        /// <summary>MUL int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MulS8"/>).</summary>
        public const int MulS8 = 308;

        /// <summary>MUL int16 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MulS16"/>).</summary>
        public const int MulS16 = 309;

        /// <summary>MUL int32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MulS32"/>).</summary>
        public const int MulS32 = 310;

        /// <summary>MUL float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MulF32"/>).</summary>
        public const int MulF32 = 311;

        /// <summary>MAXIMUM int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MaximumS8"/>).</summary>
        public const int MaximumS8 = 312;

        /// <summary>MAXIMUM int16 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MaximumS16"/>).</summary>
        public const int MaximumS16 = 313;

        /// <summary>MAXIMUM int32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MaximumS32"/>).</summary>
        public const int MaximumS32 = 314;

        /// <summary>MAXIMUM float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MaximumF32"/>).</summary>
        public const int MaximumF32 = 315;

        /// <summary>MINIMUM int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MinimumS8"/>).</summary>
        public const int MinimumS8 = 316;

        /// <summary>MINIMUM int16 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MinimumS16"/>).</summary>
        public const int MinimumS16 = 317;

        /// <summary>MINIMUM int32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MinimumS32"/>).</summary>
        public const int MinimumS32 = 318;

        /// <summary>MINIMUM float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.MinimumF32"/>).</summary>
        public const int MinimumF32 = 319;

        /// <summary>RELU int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.ReluS8"/>).</summary>
        public const int ReluS8 = 320;

        /// <summary>RELU int16 (<see cref="TinyLite.Runtime.Kernels.Elementwise.ReluS16"/>).</summary>
        public const int ReluS16 = 321;

        /// <summary>RELU float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.ReluF32"/>).</summary>
        public const int ReluF32 = 322;

        /// <summary>RELU6 int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.Relu6S8"/>).</summary>
        public const int Relu6S8 = 323;

        /// <summary>RELU6 int16 (<see cref="TinyLite.Runtime.Kernels.Elementwise.Relu6S16"/>).</summary>
        public const int Relu6S16 = 324;

        /// <summary>RELU6 float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.Relu6F32"/>).</summary>
        public const int Relu6F32 = 325;

        /// <summary>LEAKY_RELU int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.LeakyReluS8"/>).</summary>
        public const int LeakyReluS8 = 326;

        /// <summary>LEAKY_RELU int16 (<see cref="TinyLite.Runtime.Kernels.Elementwise.LeakyReluS16"/>).</summary>
        public const int LeakyReluS16 = 327;

        /// <summary>LEAKY_RELU float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.LeakyReluF32"/>).</summary>
        public const int LeakyReluF32 = 328;

        /// <summary>HARD_SWISH int8 (<see cref="TinyLite.Runtime.Kernels.Elementwise.HardSwishS8"/>).</summary>
        public const int HardSwishS8 = 329;

        /// <summary>HARD_SWISH float32 (<see cref="TinyLite.Runtime.Kernels.Elementwise.HardSwishF32"/>).</summary>
        public const int HardSwishF32 = 330;
    }
}
