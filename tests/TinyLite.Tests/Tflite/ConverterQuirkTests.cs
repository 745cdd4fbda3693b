using Google.FlatBuffers;
using TinyLite.Tests.Compat;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// Quantization fields that converters write and TFLM ignores are ignored here too: each quirk below, added to an
/// otherwise clean one-operator model, still compiles and runs to the same hand-worked output on the managed and
/// the native kernels. TFLM's behaviour is its allocator's (InitializeTfLiteTensorFromFlatbuffer reads only scale,
/// zero_point and quantized_dimension) and its convolution Prepare's (PopulateConvolutionQuantizationParams never
/// reads the bias's quantization for int8).
/// </summary>
public class ConverterQuirkTests
{
    private const sbyte Int8 = 9;
    private const sbyte Int32 = 2;

    /// <summary>
    /// DEPTHWISE_CONV_2D, VALID, stride 1, multiplier 1: x int8 [1,1,1,2] (scale 0.5) * w int8 [1,1,1,2] (per-channel
    /// scales 0.5, 0.25 along dimension 3) + b int32 [2] -> y int8 [1,1,1,2] (scale 0.25); zero points 0.
    /// </summary>
    private static RawTflite DepthwiseModel()
    {
        var m = new RawTflite();
        m.Buffers.Add(new RawTflite.RawBuffer(Data: [3, 2]));
        m.Buffers.Add(new RawTflite.RawBuffer(Data: [10, 0, 0, 0, 0xFC, 0xFF, 0xFF, 0xFF])); // 10, -4
        m.Tensors.Add(new RawTflite.RawTensor([1, 1, 1, 2], Int8, 0, "x", [0.5f], [0]));
        m.Tensors.Add(new RawTflite.RawTensor([1, 1, 1, 2], Int8, 1, "w", [0.5f, 0.25f], [0, 0], QuantizedDimension: 3));
        m.Tensors.Add(new RawTflite.RawTensor([2], Int32, 2, "dw_bias", [0.25f, 0.125f], [0, 0], QuantizedDimension: 0));
        m.Tensors.Add(new RawTflite.RawTensor([1, 1, 1, 2], Int8, 0, "y", [0.25f], [0]));
        m.OpCodes.Add(new RawTflite.RawOpCode(4, 4)); // DEPTHWISE_CONV_2D
        m.Operators.Add(new RawTflite.RawOperator(0, [0, 1, 2], [3], OptionsType: 2, Options: DepthwiseOptions));
        m.Inputs = [0];
        m.Outputs = [3];
        return m;
    }

    /// <summary>DepthwiseConv2DOptions: VALID, strides 1, depth multiplier 1, no activation.</summary>
    private static int DepthwiseOptions(FlatBufferBuilder b)
    {
        b.StartTable(7);
        b.AddSbyte(0, 1, 0); // padding VALID
        b.AddInt(1, 1, 0);   // stride_w
        b.AddInt(2, 1, 0);   // stride_h
        b.AddInt(3, 1, 0);   // depth_multiplier
        return b.EndTable();
    }

    /// <summary>
    /// Input [4, 6]. Channel 0: (4*3 + 10) * 0.5*0.5/0.25 = 22. Channel 1: (6*2 - 4) * 0.5*0.25/0.25 = 4 (both
    /// multipliers are powers of two, so the requantization is exact).
    /// </summary>
    private static readonly byte[] Input = [4, 6];

    private static readonly byte[] Expected = [22, 4];

    private static byte[] RunManaged(byte[] tflite)
    {
        var interpreter = new Interpreter(Compiler.Compile(tflite, "quirk.tflite").Image);
        interpreter.SetInput(0, Input);
        interpreter.Invoke();
        return interpreter.GetOutput(0);
    }

    private static void AssertRunsToExpected(RawTflite model)
    {
        byte[] tflite = model.Build();
        Assert.Equal(Expected, RunManaged(tflite));
        if (NativeKernels.IsAvailable)
        {
            var interpreter = new Interpreter(Compiler.Compile(tflite, "quirk.tflite").Image);
            interpreter.UseNativeKernels();
            interpreter.SetInput(0, Input);
            interpreter.Invoke();
            Assert.Equal(Expected, interpreter.GetOutput(0));
        }
    }

    /// <summary>
    /// The clean model and each quirk TFLM accepts, by the folder name of its committed copy in tests/data/quirks
    /// (which `native-kernels/tests/qemu/run-golden.sh` runs on emulated Cortex-M4/M7).
    /// </summary>
    private static readonly (string Name, Func<RawTflite> Build)[] Accepted =
    [
        ("clean", DepthwiseModel),
        // The TFLite converter copies the depthwise filter's quantized_dimension 3 onto the rank-1 bias.
        ("bias_rank1_dimension3", () => With(m => m.Tensors[2] = m.Tensors[2] with { QuantizedDimension = 3 })),
        // TFLM never reads an int8 convolution's bias quantization, so even a scale count that fits no dimension passes.
        ("bias_scales_fit_no_dimension", () => With(m =>
            m.Tensors[2] = m.Tensors[2] with { Scales = [0.25f, 0.125f, 1f], ZeroPoints = [0, 0, 0], QuantizedDimension = 3 })),
        // TFLM's space-saving convention for weights: one stored zero point stands for every channel.
        ("filter_one_zero_point", () => With(m => m.Tensors[1] = m.Tensors[1] with { ZeroPoints = [0] })),
        // With one scale the dimension means nothing; converters leave values beyond the tensor's rank.
        ("per_tensor_any_dimension", () => With(m =>
        {
            m.Tensors[0] = m.Tensors[0] with { QuantizedDimension = 5 };
            m.Tensors[3] = m.Tensors[3] with { QuantizedDimension = 3 };
        })),
        // Converters keep the calibration range; TFLM reads only the scale and zero point. The ranges here even
        // disagree with the scales, which would change the output if they were read.
        ("min_max_beside_scales", () => With(m =>
        {
            m.Tensors[0] = m.Tensors[0] with { Min = [-1f], Max = [1f] };
            m.Tensors[3] = m.Tensors[3] with { Min = [-100f], Max = [100f] };
        })),
        ("custom_quantization_details", () => With(m => m.Tensors[1] = m.Tensors[1] with { CustomDetails = [1, 2, 3, 4] })),
    ];

    private static RawTflite With(Action<RawTflite> quirk)
    {
        var m = DepthwiseModel();
        quirk(m);
        return m;
    }

    public static IEnumerable<object[]> AcceptedNames() => Accepted.Select(q => new object[] { q.Name });

    [Theory]
    [MemberData(nameof(AcceptedNames))]
    public void AcceptedQuirk_RunsToTheHandWorkedOutput(string name)
    {
        AssertRunsToExpected(Accepted.Single(q => q.Name == name).Build());
    }

    [Theory]
    [MemberData(nameof(AcceptedNames))]
    public void CommittedQuirkModel_IsWhatTheBuilderWritesAndTfliteMicrosGoldenIsTheHandWorkedOutput(string name)
    {
        string dir = Path.Combine(Checkout.Root(), "tests", "data", "quirks", name);
        Assert.Equal(Accepted.Single(q => q.Name == name).Build().Build(), File.ReadAllBytes(Path.Combine(dir, "model.tflite")));
        Assert.Equal(Input, File.ReadAllBytes(Path.Combine(dir, "input0.bin")));
        Assert.Equal(Expected, File.ReadAllBytes(Path.Combine(dir, "golden.output0.bin")));
    }

    /// <summary>Writes tests/data/quirks (model, input) when TINYLITE_WRITE_QUIRK_DATA=1; the goldens come from TFLM.</summary>
    [SkippableFact]
    public void WriteQuirkData()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("TINYLITE_WRITE_QUIRK_DATA") == "1", "set TINYLITE_WRITE_QUIRK_DATA=1 to rewrite tests/data/quirks");
        foreach (var (name, build) in Accepted)
        {
            string dir = Path.Combine(Checkout.Root(), "tests", "data", "quirks", name);
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "model.tflite"), build().Build());
            File.WriteAllBytes(Path.Combine(dir, "input0.bin"), Input);
        }
    }

    [Fact]
    public void PerChannelFilter_AlongTheWrongDimension_IsStillRefused()
    {
        // The filter is where TFLM does use the dimension (its per-channel scales must run along the output channels).
        var m = DepthwiseModel();
        m.Tensors[1] = m.Tensors[1] with { Shape = [2, 1, 1, 1], QuantizedDimension = 0 };
        var e = Assert.Throws<CompileException>(() => Compiler.Compile(m.Build(), "quirk.tflite"));
        Assert.StartsWith("quirk.tflite: operator 0 (DEPTHWISE_CONV_2D", e.Message);
    }
}
