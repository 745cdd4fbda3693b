using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Conv
{
    /// <summary>
    /// Load-time checks shared by the Conv kernels. Every method returns null when the check passes, else
    /// one line saying what is wrong. Sizes are computed with a cap so a hostile image cannot overflow them.
    /// </summary>
    internal static class ConvChecks
    {
        /// <summary>Largest dimension, stride, dilation or padding accepted (keeps index arithmetic in int range).</summary>
        public const int MaxDim = 65535;

        /// <summary>Returned by <see cref="Product"/> when the product exceeds int.MaxValue.</summary>
        public const long TooBig = -1;

        /// <summary>Checks the number of inputs, outputs and parameters of a record.</summary>
        public static string Counts(OpRecord op, int inputs, int outputs, int parameters)
        {
            return RecordChecks.Arity(op, inputs, outputs, parameters, " parameters");
        }

        /// <summary>Product of up to five factors (pass 1 for unused ones), or <see cref="TooBig"/>.</summary>
        public static long Product(int a, int b, int c, int d, int e)
        {
            long p = 1;
            int[] f = new int[] { a, b, c, d, e };
            for (int i = 0; i < f.Length; i++)
            {
                if (f[i] < 0)
                {
                    return TooBig;
                }
                p *= f[i];
                if (p > int.MaxValue)
                {
                    return TooBig;
                }
            }
            return p;
        }

        /// <summary>Checks that <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static string Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                return name + " " + value.ToString() + " outside [" + min.ToString() + ", " + max.ToString() + "]";
            }
            return null;
        }

        /// <summary>
        /// Checks that tensor <paramref name="t"/> exists, has element type <paramref name="type"/>, holds exactly
        /// <paramref name="bytes"/> bytes and lies inside its buffer.
        /// </summary>
        public static string Tensor(KernelContext ctx, int t, int type, long bytes, string role)
        {
            if (t < 0 || t >= ctx.TensorCount)
            {
                return role + ": tensor index " + t.ToString() + " out of range";
            }
            if (ctx.Type(t) != type)
            {
                return role + ": tensor " + t.ToString() + " has type " + ctx.Type(t).ToString() + ", expected " + type.ToString();
            }
            if (bytes == TooBig || ctx.ByteSize(t) != bytes)
            {
                return role + ": tensor " + t.ToString() + " has " + ctx.ByteSize(t).ToString() + " bytes, expected " + bytes.ToString();
            }
            byte[] buffer = ctx.Buffer(t);
            int offset = ctx.Offset(t);
            if (buffer == null || offset < 0 || (long)offset + bytes > buffer.Length)
            {
                return role + ": tensor " + t.ToString() + " lies outside its buffer";
            }
            return null;
        }

        /// <summary>
        /// Checks a requantization table: <paramref name="channels"/> pairs (multiplier, shift) of int32, multiplier
        /// in [0, 2^31), shift in [-31, 31].
        /// </summary>
        public static string QuantTable(KernelContext ctx, int t, int channels)
        {
            string e = Tensor(ctx, t, TensorType.Int32, Product(channels, 8, 1, 1, 1), "multipliers");
            if (e != null)
            {
                return e;
            }
            byte[] b = ctx.Buffer(t);
            int o = ctx.Offset(t);
            for (int c = 0; c < channels; c++)
            {
                int multiplier = LittleEndian.ReadInt32(b, o + c * 8);
                int shift = LittleEndian.ReadInt32(b, o + c * 8 + 4);
                if (multiplier < 0 || shift < -31 || shift > 31)
                {
                    return "multipliers: channel " + c.ToString() + " has multiplier " + multiplier.ToString() + " shift " + shift.ToString();
                }
            }
            return null;
        }

        /// <summary>
        /// Checks the shared spatial parameters of the convolution kernels: positive dimensions, strides and
        /// dilations, non-negative padding, all at most <see cref="MaxDim"/>; activation min &lt;= max.
        /// <paramref name="dims"/> lists the indices of dimension parameters, <paramref name="steps"/> those of
        /// strides/dilations, <paramref name="pads"/> those of paddings.
        /// </summary>
        public static string Geometry(int[] p, int[] dims, int[] steps, int[] pads, int actMinIndex, int actMaxIndex, int lowest, int highest)
        {
            for (int i = 0; i < dims.Length; i++)
            {
                string e = Range("parameter " + dims[i].ToString(), p[dims[i]], 1, MaxDim);
                if (e != null)
                {
                    return e;
                }
            }
            for (int i = 0; i < steps.Length; i++)
            {
                string e = Range("stride/dilation parameter " + steps[i].ToString(), p[steps[i]], 1, MaxDim);
                if (e != null)
                {
                    return e;
                }
            }
            for (int i = 0; i < pads.Length; i++)
            {
                string e = Range("padding parameter " + pads[i].ToString(), p[pads[i]], 0, MaxDim);
                if (e != null)
                {
                    return e;
                }
            }
            int min = p[actMinIndex];
            int max = p[actMaxIndex];
            if (min < lowest || max > highest || min > max)
            {
                return "activation range [" + min.ToString() + ", " + max.ToString() + "] invalid";
            }
            return null;
        }
        /// <summary>
        /// Bounds the window arithmetic of one spatial axis so that no int in Run can overflow: the last window
        /// origin (out - 1) * stride and the window span dilation * (filter - 1) each stay below 2^29.
        /// </summary>
        public static string Reach(int[] p, int outIndex, int strideIndex, int filterIndex, int dilationIndex)
        {
            long origin = ((long)p[outIndex] - 1) * p[strideIndex];
            long span = (long)p[dilationIndex] * (p[filterIndex] - 1);
            if (origin >= (1L << 29) || span >= (1L << 29))
            {
                return "window of parameters " + outIndex.ToString() + "/" + filterIndex.ToString() + " reaches too far";
            }
            return null;
        }

        /// <summary>
        /// Validates a CONV_2D record (layout <see cref="ConvParams"/>, slots <see cref="ConvSlots"/>): geometry, groups,
        /// and the byte sizes of input, filter (<paramref name="filterType"/>), optional bias (int32 when
        /// <paramref name="int32Bias"/>, int64 when <paramref name="int64Bias"/>; present when
        /// <paramref name="biasRequired"/>), multipliers and output.
        /// </summary>
        public static string Conv2D(KernelContext ctx, OpRecord op, int activationType, int filterType, bool int32Bias, bool int64Bias, bool biasRequired)
        {
            // A second output is the scratch the compiler reserves for native backends (CMSIS-NN), a fifth input the
            // raw bias they need (int8, see RawBias) or the split requantization arrays (int16, see CmsisNnQuant); both unused here.
            string e = Counts(op, op.Inputs != null && op.Inputs.Length == 5 ? 5 : 4, op.Outputs != null && op.Outputs.Length == 2 ? 2 : 1,
                ConvParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = Geometry(p,
                new int[]
                {
                    ConvParams.Batches, ConvParams.InputHeight, ConvParams.InputWidth, ConvParams.InputDepth,
                    ConvParams.FilterHeight, ConvParams.FilterWidth, ConvParams.FilterDepth, ConvParams.OutputHeight,
                    ConvParams.OutputWidth, ConvParams.OutputDepth,
                },
                new int[] { ConvParams.StrideHeight, ConvParams.StrideWidth, ConvParams.DilationHeight, ConvParams.DilationWidth },
                new int[] { ConvParams.PaddingTop, ConvParams.PaddingLeft },
                ConvParams.ActivationMin, ConvParams.ActivationMax, Lowest(activationType), Highest(activationType));
            if (e == null)
            {
                e = Reaches(p, ConvParams.OutputHeight, ConvParams.StrideHeight, ConvParams.FilterHeight, ConvParams.DilationHeight);
            }
            if (e != null)
            {
                return e;
            }
            if (p[ConvParams.InputDepth] % p[ConvParams.FilterDepth] != 0)
            {
                return "input depth " + p[ConvParams.InputDepth].ToString() + " is not a multiple of the filter depth "
                    + p[ConvParams.FilterDepth].ToString();
            }
            if (p[ConvParams.OutputDepth] % (p[ConvParams.InputDepth] / p[ConvParams.FilterDepth]) != 0)
            {
                return "output depth " + p[ConvParams.OutputDepth].ToString() + " is not a multiple of the group count";
            }
            e = OffsetsAndInput(ctx, op, ConvSlots.InInput, activationType, ConvParams.InputOffset, ConvParams.OutputOffset);
            if (e == null)
            {
                e = Tensor(ctx, op.Inputs[ConvSlots.InFilter], filterType, FilterBytes(Product(p[ConvParams.OutputDepth],
                    p[ConvParams.FilterHeight], p[ConvParams.FilterWidth], p[ConvParams.FilterDepth], 1), filterType), "filter");
            }
            return e != null
                ? e
                : BiasTablesAndOutput(ctx, op, ConvSlots.InBias, ConvSlots.InMultipliers, ConvSlots.OutOutput, activationType,
                    ConvParams.OutputHeight, int32Bias, int64Bias, biasRequired);
        }

        /// <summary>
        /// Checks the optional fifth input of CONV_2D / DEPTHWISE_CONV_2D: the raw bias (without the folded
        /// input-offset term) the compiler adds under --cmsis-nn for native backends, <paramref name="channels"/>
        /// int32 values. Absent (four inputs, or -1 in a DEPTHWISE_CONV_2D record of six inputs whose sixth is the
        /// filter in TFLite's order) is fine; when present it must be such a tensor. The managed kernels never read it.
        /// </summary>
        public static string RawBias(KernelContext ctx, OpRecord op, int channels)
        {
            if (op.Inputs.Length < 5 || (op.Inputs.Length == 6 && op.Inputs[ConvSlots.InRawBias] == -1))
            {
                return null;
            }
            return Tensor(ctx, op.Inputs[ConvSlots.InRawBias], TensorType.Int32, Product(channels, 4, 1, 1, 1), "raw bias");
        }

        /// <summary>
        /// Checks the optional fifth input of the int16 CONV_2D / DEPTHWISE_CONV_2D kernels (and the int16
        /// FULLY_CONNECTED's, with <paramref name="pairs"/> one pair per output channel or a single one): the
        /// requantization table split into CMSIS-NN's two arrays, int32 [multipliers, shifts], which the compiler adds
        /// under --cmsis-nn exactly when it has proven CMSIS-NN's int16 kernels bit-exact for the record
        /// (codegen's Lowering/CmsisNnInt16.cs). Absent is fine; the managed kernels never read it.
        /// </summary>
        public static string CmsisNnQuant(KernelContext ctx, OpRecord op, int pairs)
        {
            if (op.Inputs.Length != 5)
            {
                return null;
            }
            // The same slot in ConvS16, DepthwiseConvS16 and FullyConnectedS16 (kernels.toml).
            return Tensor(ctx, op.Inputs[ConvS16Slots.InCmsisMultipliers], TensorType.Int32, Product(pairs, 8, 1, 1, 1),
                "CMSIS-NN requantization arrays");
        }

        /// <summary>Checks an optional bias (-1 = none) of <paramref name="channels"/> int32 or int64 values.</summary>
        public static string Bias(KernelContext ctx, int t, int channels, bool int32Bias, bool int64Bias)
        {
            if (t == -1)
            {
                return null;
            }
            if (t < 0 || t >= ctx.TensorCount)
            {
                return "bias: tensor index " + t.ToString() + " out of range";
            }
            int type = ctx.Type(t);
            if (type == TensorType.Int32 && int32Bias)
            {
                return Tensor(ctx, t, TensorType.Int32, Product(channels, 4, 1, 1, 1), "bias");
            }
            if (type == TensorType.Int64 && int64Bias)
            {
                return Tensor(ctx, t, TensorType.Int64, Product(channels, 8, 1, 1, 1), "bias");
            }
            return "bias: type " + type.ToString() + " not supported by this kernel";
        }
        /// <summary>
        /// Validates a DEPTHWISE_CONV_2D record (layout <see cref="DepthwiseConvParams"/>, slots
        /// <see cref="DepthwiseConvSlots"/>): geometry, output depth = input depth * multiplier, and the byte sizes of
        /// input, channel-major filter, bias (optional unless <paramref name="biasRequired"/>), multipliers and output.
        /// </summary>
        public static string Depthwise(KernelContext ctx, OpRecord op, int activationType, int filterType, bool int32Bias, bool int64Bias, bool biasRequired)
        {
            // A second output is the scratch the compiler reserves for native backends (CMSIS-NN), a fifth input the
            // raw bias they need (int8, see RawBias) or the split requantization arrays (int16, see CmsisNnQuant), a
            // sixth (int4 weights only) the filter in TFLite's order; all unused here.
            int inputs = op.Inputs != null && (op.Inputs.Length == 5 || (op.Inputs.Length == 6 && filterType == TensorType.Int4))
                ? op.Inputs.Length
                : 4;
            string e = Counts(op, inputs, op.Outputs != null && op.Outputs.Length == 2 ? 2 : 1, DepthwiseConvParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = Geometry(p,
                new int[]
                {
                    DepthwiseConvParams.Batches, DepthwiseConvParams.InputHeight, DepthwiseConvParams.InputWidth,
                    DepthwiseConvParams.InputDepth, DepthwiseConvParams.FilterHeight, DepthwiseConvParams.FilterWidth,
                    DepthwiseConvParams.DepthMultiplier, DepthwiseConvParams.OutputHeight, DepthwiseConvParams.OutputWidth,
                    DepthwiseConvParams.OutputDepth,
                },
                new int[]
                {
                    DepthwiseConvParams.StrideHeight, DepthwiseConvParams.StrideWidth, DepthwiseConvParams.DilationHeight,
                    DepthwiseConvParams.DilationWidth,
                },
                new int[] { DepthwiseConvParams.PaddingTop, DepthwiseConvParams.PaddingLeft },
                DepthwiseConvParams.ActivationMin, DepthwiseConvParams.ActivationMax, Lowest(activationType), Highest(activationType));
            if (e == null)
            {
                e = Reaches(p, DepthwiseConvParams.OutputHeight, DepthwiseConvParams.StrideHeight, DepthwiseConvParams.FilterHeight,
                    DepthwiseConvParams.DilationHeight);
            }
            if (e != null)
            {
                return e;
            }
            if (Product(p[DepthwiseConvParams.InputDepth], p[DepthwiseConvParams.DepthMultiplier], 1, 1, 1)
                != p[DepthwiseConvParams.OutputDepth])
            {
                return "output depth " + p[DepthwiseConvParams.OutputDepth].ToString() + " is not input depth * depth multiplier";
            }
            e = OffsetsAndInput(ctx, op, DepthwiseConvSlots.InInput, activationType, DepthwiseConvParams.InputOffset,
                DepthwiseConvParams.OutputOffset);
            long filterBytes = FilterBytes(Product(p[DepthwiseConvParams.OutputDepth], p[DepthwiseConvParams.FilterHeight],
                p[DepthwiseConvParams.FilterWidth], 1, 1), filterType);
            if (e == null)
            {
                e = Tensor(ctx, op.Inputs[DepthwiseConvSlots.InFilter], filterType, filterBytes, "filter");
            }
            if (e == null && op.Inputs.Length == 6)
            {
                e = Tensor(ctx, op.Inputs[DepthwiseConvSlots.InTfliteFilter], filterType, filterBytes, "filter in TFLite order");
            }
            return e != null
                ? e
                : BiasTablesAndOutput(ctx, op, DepthwiseConvSlots.InBias, DepthwiseConvSlots.InMultipliers,
                    DepthwiseConvSlots.OutOutput, activationType, DepthwiseConvParams.OutputHeight, int32Bias, int64Bias, biasRequired);
        }

        /// <summary>
        /// Validates a TRANSPOSE_CONV record (layout <see cref="TransposeConvParams"/>): geometry and the byte sizes
        /// of input, OHWI filter, optional bias, multipliers and output.
        /// </summary>
        public static string Transpose(KernelContext ctx, OpRecord op, int activationType, bool int32Bias, bool int64Bias)
        {
            string e = Counts(op, 4, 1, TransposeConvParams.Length);
            if (e != null)
            {
                return e;
            }
            int[] p = op.Params;
            e = Geometry(p,
                new int[]
                {
                    TransposeConvParams.Batches, TransposeConvParams.InputHeight, TransposeConvParams.InputWidth,
                    TransposeConvParams.InputDepth, TransposeConvParams.FilterHeight, TransposeConvParams.FilterWidth,
                    TransposeConvParams.OutputHeight, TransposeConvParams.OutputWidth, TransposeConvParams.OutputDepth,
                },
                new int[] { TransposeConvParams.StrideHeight, TransposeConvParams.StrideWidth },
                new int[] { TransposeConvParams.PaddingTop, TransposeConvParams.PaddingLeft },
                TransposeConvParams.ActivationMin, TransposeConvParams.ActivationMax, Lowest(activationType), Highest(activationType));
            if (e == null)
            {
                e = OffsetsAndInput(ctx, op, TransposeConvSlots.InInput, activationType, TransposeConvParams.InputOffset,
                    TransposeConvParams.OutputOffset);
            }
            if (e == null)
            {
                e = Tensor(ctx, op.Inputs[TransposeConvSlots.InFilter], TensorType.Int8, Product(p[TransposeConvParams.OutputDepth],
                    p[TransposeConvParams.FilterHeight], p[TransposeConvParams.FilterWidth], p[TransposeConvParams.InputDepth], 1), "filter");
            }
            // Four inputs (Counts above), so BiasTablesAndOutput finds no raw bias nor CMSIS-NN tables to check.
            return e != null
                ? e
                : BiasTablesAndOutput(ctx, op, TransposeConvSlots.InBias, TransposeConvSlots.InMultipliers,
                    TransposeConvSlots.OutOutput, activationType, TransposeConvParams.OutputHeight, int32Bias, int64Bias, false);
        }

        // The lowest and highest value of the activation type (int8 or int16).
        private static int Lowest(int activationType)
        {
            return activationType == TensorType.Int8 ? -128 : -32768;
        }

        private static int Highest(int activationType)
        {
            return activationType == TensorType.Int8 ? 127 : 32767;
        }

        // The byte size of a filter of `count` elements of `filterType` (int4 packs two per byte).
        private static long FilterBytes(long count, int filterType)
        {
            return count == TooBig ? TooBig : (filterType == TensorType.Int4 ? (count + 1) / 2 : count);
        }

        // Reach along both spatial axes: in the conv and depthwise layouts each width parameter directly follows its
        // height parameter.
        private static string Reaches(int[] p, int outHeightIndex, int strideHeightIndex, int filterHeightIndex, int dilationHeightIndex)
        {
            string e = Reach(p, outHeightIndex, strideHeightIndex, filterHeightIndex, dilationHeightIndex);
            return e != null ? e : Reach(p, outHeightIndex + 1, strideHeightIndex + 1, filterHeightIndex + 1, dilationHeightIndex + 1);
        }

        // An NHWC activation tensor: batches has one index in the conv, depthwise and transpose layouts, and width and
        // depth follow the height (both checked by ConvLayoutAgreementTests).
        private static string Activations(KernelContext ctx, int t, int activationType, int[] p, int heightIndex, string role)
        {
            return Tensor(ctx, t, activationType, Product(p[ConvParams.Batches], p[heightIndex], p[heightIndex + 1], p[heightIndex + 2],
                activationType == TensorType.Int8 ? 1 : 2), role);
        }

        // The input and output offsets, each in [-65536, 65536], then the NHWC input (its height has one index in the
        // three layouts).
        private static string OffsetsAndInput(KernelContext ctx, OpRecord op, int inputSlot, int activationType, int inputOffsetIndex,
            int outputOffsetIndex)
        {
            int[] p = op.Params;
            string e = Range("input offset", p[inputOffsetIndex], -65536, 65536);
            if (e == null)
            {
                e = Range("output offset", p[outputOffsetIndex], -65536, 65536);
            }
            return e != null ? e : Activations(ctx, op.Inputs[inputSlot], activationType, p, ConvParams.InputHeight, "input");
        }

        // The bias (refused when absent and required), the requantization table, the native-only extra input (CMSIS-NN
        // tables for int16, raw bias for int8), then the NHWC output; channels = the output depth (after the width).
        private static string BiasTablesAndOutput(KernelContext ctx, OpRecord op, int biasSlot, int multipliersSlot, int outputSlot,
            int activationType, int outHeightIndex, bool int32Bias, bool int64Bias, bool biasRequired)
        {
            int[] p = op.Params;
            int channels = p[outHeightIndex + 2];
            string e = biasRequired && op.Inputs[biasSlot] == -1
                ? "bias: required by this kernel"
                : Bias(ctx, op.Inputs[biasSlot], channels, int32Bias, int64Bias);
            if (e == null)
            {
                e = QuantTable(ctx, op.Inputs[multipliersSlot], channels);
            }
            if (e == null)
            {
                e = activationType == TensorType.Int16 ? CmsisNnQuant(ctx, op, channels) : RawBias(ctx, op, channels);
            }
            return e != null ? e : Activations(ctx, op.Outputs[outputSlot], activationType, p, outHeightIndex, "output");
        }
    }
}
