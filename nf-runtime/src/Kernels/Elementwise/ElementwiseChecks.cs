using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>Load-time checks shared by the element-wise kernels' Validate methods.</summary>
    public static class ElementwiseChecks
    {
        /// <summary>
        /// Checks that the record has exactly <paramref name="inputs"/> inputs and one output, that every
        /// tensor index exists and that all of them have element type <paramref name="type"/>
        /// (a <see cref="TensorType"/> constant), and that Params has at least <paramref name="minParams"/> ints.
        /// Returns null when valid, else what is wrong.
        /// </summary>
        public static string Tensors(KernelContext ctx, OpRecord op, int inputs, int type, int minParams)
        {
            if (op.Inputs == null || op.Inputs.Length != inputs)
            {
                return "expected " + inputs.ToString() + " inputs";
            }
            if (op.Outputs == null || op.Outputs.Length != 1)
            {
                return "expected 1 output";
            }
            if (op.Params == null || op.Params.Length < minParams)
            {
                return "expected at least " + minParams.ToString() + " params";
            }
            for (int i = 0; i < inputs; i++)
            {
                string error = Tensor(ctx, op.Inputs[i], type);
                if (error != null)
                {
                    return "input " + i.ToString() + ": " + error;
                }
            }
            string outError = Tensor(ctx, op.Outputs[0], type);
            return outError == null ? null : "output: " + outError;
        }

        /// <summary>
        /// For a unary kernel (one input, one output) whose element count is Params[<paramref name="countIndex"/>]
        /// (its layout's <c>Count</c>): checks the count against the byte sizes of the input and the output
        /// (<paramref name="elementBytes"/> bytes per element).
        /// </summary>
        public static string Count(KernelContext ctx, OpRecord op, int countIndex, int elementBytes)
        {
            long count = op.Params[countIndex];
            if (count < 0)
            {
                return "negative element count";
            }
            long bytes = count * elementBytes;
            if (bytes > ctx.ByteSize(op.Inputs[0]) || bytes > ctx.ByteSize(op.Outputs[0]))
            {
                return "element count " + count.ToString() + " exceeds the tensors";
            }
            return null;
        }

        /// <summary>Checks that a right shift stored as a non-positive exponent lies in [-31, 0].</summary>
        public static bool IsRightShift(int shift)
        {
            return shift <= 0 && shift >= -31;
        }

        /// <summary>Checks that [min, max] is a non-empty range inside [lowest, highest].</summary>
        public static bool IsRange(int min, int max, int lowest, int highest)
        {
            return min >= lowest && max <= highest && min <= max;
        }

        private static string Tensor(KernelContext ctx, int tensor, int type)
        {
            if (tensor < 0 || tensor >= ctx.TensorCount)
            {
                return "tensor index " + tensor.ToString() + " out of range";
            }
            if (ctx.Type(tensor) != type)
            {
                return "tensor " + tensor.ToString() + " has type " + ctx.Type(tensor).ToString() + ", expected " + type.ToString();
            }
            if (ctx.Buffer(tensor) == null)
            {
                return "tensor " + tensor.ToString() + " has no buffer";
            }
            if (ctx.Offset(tensor) < 0 || ctx.ByteSize(tensor) < 0 ||
                (long)ctx.Offset(tensor) + ctx.ByteSize(tensor) > ctx.Buffer(tensor).Length)
            {
                return "tensor " + tensor.ToString() + " lies outside its buffer";
            }
            return null;
        }

        /// <summary>
        /// Checks a unary_float record (<see cref="ReluF32"/>, <see cref="Relu6F32"/>, <see cref="HardSwishF32"/>):
        /// one float32 input and output, exactly the layout's params, the element count within both.
        /// </summary>
        public static string UnaryFloat(KernelContext ctx, OpRecord op)
        {
            string error = Tensors(ctx, op, 1, TensorType.Float32, UnaryFloatParams.Length);
            if (error != null)
            {
                return error;
            }
            if (op.Params.Length != UnaryFloatParams.Length)
            {
                return "bad params";
            }
            return Count(ctx, op, UnaryFloatParams.Count, 4);
        }

        /// <summary>
        /// Checks a relu record (<see cref="ReluS8"/>, <see cref="ReluS16"/>) of element type <paramref name="type"/>
        /// whose clamp lies in [<paramref name="lowest"/>, <paramref name="highest"/>].
        /// </summary>
        public static string Relu(KernelContext ctx, OpRecord op, int type, int elementBytes, int lowest, int highest)
        {
            string error = Tensors(ctx, op, 1, type, ReluParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != ReluParams.Length || p[ReluParams.Multiplier] < 0 || p[ReluParams.Shift] < -31 ||
                p[ReluParams.Shift] > 30)
            {
                return "bad params";
            }
            if (!IsRange(p[ReluParams.ClampMin], p[ReluParams.ClampMax], lowest, highest))
            {
                return "bad clamp range";
            }
            return Count(ctx, op, ReluParams.Count, elementBytes);
        }

        /// <summary>
        /// Checks a leaky_relu record (<see cref="LeakyReluS8"/>, <see cref="LeakyReluS16"/>) of element type
        /// <paramref name="type"/>.
        /// </summary>
        public static string LeakyRelu(KernelContext ctx, OpRecord op, int type, int elementBytes)
        {
            string error = Tensors(ctx, op, 1, type, LeakyReluParams.Length);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length != LeakyReluParams.Length || p[LeakyReluParams.IdentityMultiplier] < 0 ||
                p[LeakyReluParams.IdentityShift] < -31 || p[LeakyReluParams.IdentityShift] > 30 ||
                p[LeakyReluParams.AlphaMultiplier] < 0 || p[LeakyReluParams.AlphaShift] < -31 ||
                p[LeakyReluParams.AlphaShift] > 30 ||
                p[LeakyReluParams.AlphaNegative] < 0 || p[LeakyReluParams.AlphaNegative] > 1)
            {
                return "bad params";
            }
            return Count(ctx, op, LeakyReluParams.Count, elementBytes);
        }
    }
}
