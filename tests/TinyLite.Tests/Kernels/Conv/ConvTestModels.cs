namespace TinyLite.Tests.Kernels.Conv;

/// <summary>Op-level convolution models built with <see cref="GraphBuilder"/> from seeded random data.</summary>
public sealed class ConvTestModel
{
    public required Graph Graph { get; init; }
    public required ConvReference.Spec Spec { get; init; }
    public required int[] Input { get; init; }
    public required int[] Filter { get; init; }
    public long[]? Bias { get; init; }

    /// <summary>The input as raw little-endian bytes (int8 or int16).</summary>
    public byte[] InputBytes() => Spec.Int16 ? ToInt16Bytes(Input) : Input.Select(v => (byte)(sbyte)v).ToArray();

    /// <summary>Decodes kernel output bytes (int8 or int16) to values.</summary>
    public int[] Decode(byte[] bytes) => Spec.Int16
        ? Enumerable.Range(0, bytes.Length / 2).Select(i => (int)BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2))).ToArray()
        : bytes.Select(b => (int)(sbyte)b).ToArray();

    public static byte[] ToInt16Bytes(int[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)values[i]);
        return bytes;
    }

    /// <summary>Packs values in [-8, 7]: element 2i in the low nibble of byte i, 2i+1 in the high nibble.</summary>
    public static byte[] PackInt4(int[] values)
    {
        var bytes = new byte[(values.Length + 1) / 2];
        for (int i = 0; i < values.Length; i++)
        {
            int nibble = values[i] & 0xF;
            bytes[i / 2] |= (byte)(i % 2 == 0 ? nibble : nibble << 4);
        }
        return bytes;
    }

    public enum Kind { Conv, Depthwise, Transpose }

    /// <summary>What a test varies; everything else is drawn from <see cref="Seed"/>.</summary>
    public sealed record Options
    {
        public Kind Kind = Kind.Conv;
        public int N = 1, InH = 5, InW = 5, InC = 3, FH = 3, FW = 3, OutC = 4;
        /// <summary>Filter depth per group for CONV_2D (0 = input depth); depth multiplier for DEPTHWISE_CONV_2D.</summary>
        public int FC;
        public int StrideH = 1, StrideW = 1, DilH = 1, DilW = 1;
        public Padding Padding = Padding.Same;
        public Activation Activation = Activation.None;
        public bool PerChannel = true;
        public DataType ActivationType = DataType.Int8;
        public DataType WeightType = DataType.Int8;
        /// <summary>Int32, Int64, Int16 (transpose int16 only) or null for no bias.</summary>
        public DataType? BiasType = DataType.Int32;
        public int Seed = 1;
        /// <summary>Output height/width of TRANSPOSE_CONV (0 = derived from the input and stride).</summary>
        public int TransposeOutH, TransposeOutW;
    }

    public static ConvTestModel Build(Options o)
    {
        var rng = new Random(o.Seed);
        bool int16 = o.ActivationType == DataType.Int16;
        var s = new ConvReference.Spec
        {
            N = o.N, InH = o.InH, InW = o.InW, InC = o.InC, FH = o.FH, FW = o.FW, OutC = o.OutC,
            StrideH = o.StrideH, StrideW = o.StrideW, DilH = o.DilH, DilW = o.DilW, Activation = o.Activation, Int16 = int16,
            InputScale = int16 ? 0.0011f : 0.047f, OutputScale = int16 ? 0.0023f : 0.21f,
            InputZeroPoint = int16 ? 0 : rng.Next(-20, 20), OutputZeroPoint = int16 ? 0 : rng.Next(-10, 10),
            Int32AccumulatorForInt16 = int16 && o.BiasType == DataType.Int32,
        };
        int[] filterShape;
        switch (o.Kind)
        {
            case Kind.Conv:
                s.FC = o.FC == 0 ? o.InC : o.FC;
                s.OutH = ConvReference.OutSize(o.Padding, o.InH, o.FH, o.StrideH, o.DilH);
                s.OutW = ConvReference.OutSize(o.Padding, o.InW, o.FW, o.StrideW, o.DilW);
                s.PadH = ConvReference.PadBefore(o.Padding, o.InH, o.FH, o.StrideH, o.DilH);
                s.PadW = ConvReference.PadBefore(o.Padding, o.InW, o.FW, o.StrideW, o.DilW);
                filterShape = [o.OutC, o.FH, o.FW, s.FC];
                break;
            case Kind.Depthwise:
                s.FC = o.FC == 0 ? 1 : o.FC;
                s.OutC = o.InC * s.FC;
                s.OutH = ConvReference.OutSize(o.Padding, o.InH, o.FH, o.StrideH, o.DilH);
                s.OutW = ConvReference.OutSize(o.Padding, o.InW, o.FW, o.StrideW, o.DilW);
                s.PadH = ConvReference.PadBefore(o.Padding, o.InH, o.FH, o.StrideH, o.DilH);
                s.PadW = ConvReference.PadBefore(o.Padding, o.InW, o.FW, o.StrideW, o.DilW);
                filterShape = [1, o.FH, o.FW, s.OutC];
                break;
            default:
                s.FC = o.InC;
                s.OutH = o.TransposeOutH != 0 ? o.TransposeOutH
                    : o.Padding == Padding.Same ? o.InH * o.StrideH : (o.InH - 1) * o.StrideH + o.FH;
                s.OutW = o.TransposeOutW != 0 ? o.TransposeOutW
                    : o.Padding == Padding.Same ? o.InW * o.StrideW : (o.InW - 1) * o.StrideW + o.FW;
                // TFLM pads a transposed convolution as a convolution from the output back to the input.
                s.PadH = ConvReference.PadBefore(o.Padding, s.OutH, o.FH, o.StrideH, 1);
                s.PadW = ConvReference.PadBefore(o.Padding, s.OutW, o.FW, o.StrideW, 1);
                filterShape = [s.OutC, o.FH, o.FW, o.InC];
                break;
        }
        int channels = s.OutC;
        s.FilterScales = o.PerChannel
            ? Enumerable.Range(0, channels).Select(_ => (float)(0.003 + 0.009 * rng.NextDouble())).ToArray()
            : [0.0071f];
        // Keep the outputs spread over the clamp range rather than saturated: weight scales grow by 16 for int4
        // (range [-8, 7] instead of [-127, 127]), shrink with the square root of the taps summed, and shrink for
        // the narrow RELU6 / RELU_N1_TO_1 ranges.
        int summed = o.FH * o.FW * (o.Kind == Kind.Depthwise ? 1 : o.Kind == Kind.Conv ? s.FC : o.InC);
        double factor = (o.WeightType == DataType.Int4 ? 16 : 1) * System.Math.Sqrt(27.0 / summed)
            * (o.Activation == Activation.Relu6 ? 0.1 : o.Activation == Activation.ReluN1To1 ? 0.05 : 0.7);
        s.FilterScales = s.FilterScales.Select(v => (float)(v * factor)).ToArray();

        int inputCount = o.N * o.InH * o.InW * o.InC;
        var input = Enumerable.Range(0, inputCount).Select(_ => int16 ? rng.Next(-32768, 32768) : rng.Next(-128, 128)).ToArray();
        int filterCount = filterShape.Aggregate(1, (a, d) => a * d);
        var filter = Enumerable.Range(0, filterCount).Select(_ => o.WeightType == DataType.Int4 ? rng.Next(-8, 8) : rng.Next(-127, 128)).ToArray();
        // Bias of the order of the accumulator's spread (root of the taps summed times typical |x| * |w|).
        int biasSpread = (int)System.Math.Min(System.Math.Sqrt(summed) * (int16 ? 18900 : 74) * (o.WeightType == DataType.Int4 ? 4.6 : 73) / 2,
            o.BiasType == DataType.Int16 ? 32767 : int.MaxValue / 4);
        long[]? bias = o.BiasType is null ? null
            : Enumerable.Range(0, channels).Select(_ => (long)rng.Next(-biasSpread, biasSpread)).ToArray();

        var g = new GraphBuilder($"{o.Kind}_test.tflite");
        int inT = g.AddInput("input", o.ActivationType, [o.N, o.InH, o.InW, o.InC], s.InputScale, s.InputZeroPoint);
        int quantDim = o.Kind == Kind.Depthwise ? 3 : 0;
        var filterQ = new Quantization(s.FilterScales, new long[s.FilterScales.Length], quantDim);
        byte[] filterBytes = o.WeightType == DataType.Int4 ? PackInt4(filter) : filter.Select(v => (byte)(sbyte)v).ToArray();
        int fT = g.Add("filter", o.WeightType, filterShape, filterQ, filterBytes);
        int bT = -1;
        if (bias != null)
        {
            var biasQ = new Quantization(s.FilterScales.Select(v => v * s.InputScale).ToArray(), new long[s.FilterScales.Length], 0);
            bT = o.BiasType switch
            {
                DataType.Int64 => g.AddConstantInt64("bias", [channels], bias, biasQ),
                DataType.Int16 => g.AddConstantInt16("bias", [channels], bias.Select(v => (short)v).ToArray(), biasQ),
                _ => g.AddConstantInt32("bias", [channels], bias.Select(v => (int)v).ToArray(), biasQ),
            };
        }
        int outT = g.AddTensor("output", o.ActivationType, [o.N, s.OutH, s.OutW, s.OutC], s.OutputScale, s.OutputZeroPoint);
        g.MarkOutput(outT);
        switch (o.Kind)
        {
            case Kind.Conv:
                g.AddOperator(BuiltinOperator.Conv2D, bias == null ? [inT, fT] : [inT, fT, bT], [outT],
                    new Conv2DOptions(o.Padding, o.StrideW, o.StrideH, o.Activation, o.DilW, o.DilH));
                break;
            case Kind.Depthwise:
                g.AddOperator(BuiltinOperator.DepthwiseConv2D, bias == null ? [inT, fT] : [inT, fT, bT], [outT],
                    new DepthwiseConv2DOptions(o.Padding, o.StrideW, o.StrideH, s.FC, o.Activation, o.DilW, o.DilH));
                break;
            default:
                int shapeT = g.AddConstantInt32("output_shape", [4], [o.N, s.OutH, s.OutW, s.OutC]);
                g.AddOperator(BuiltinOperator.TransposeConv, bias == null ? [shapeT, fT, inT] : [shapeT, fT, inT, bT], [outT],
                    new TransposeConvOptions(o.Padding, o.StrideW, o.StrideH, o.Activation));
                break;
        }
        return new ConvTestModel { Graph = g.Build(), Spec = s, Input = input, Filter = filter, Bias = bias };
    }

    /// <summary>The reference output of this model.</summary>
    public int[] Expected() => Graph.Operators[0].Op switch
    {
        BuiltinOperator.Conv2D => ConvReference.Conv(Spec, Input, Filter, Bias),
        BuiltinOperator.DepthwiseConv2D => ConvReference.Depthwise(Spec, Input, Filter, Bias),
        _ => ConvReference.TransposeConv(Spec, Input, Filter, Bias),
    };
}
