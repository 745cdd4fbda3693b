using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Tests.Kernels.Conv;
using TinyLite.Tests.Kernels.Elementwise;

namespace TinyLite.Tests.Native;

/// <summary>
/// Shapes that exercise the edges of the CMSIS-NN routes of native-kernels/src/cmsis_nn (per-channel
/// FULLY_CONNECTED split in channel blocks of 32, int4 FULLY_CONNECTED with even and odd depths, int4 CONV_2D through each path of
/// arm_convolve_wrapper_s4 (and grouped, which stays on the reference kernel), int4 DEPTHWISE_CONV_2D through both kernels of
/// arm_depthwise_conv_wrapper_s4 with even and odd depths and multipliers 1 to 3 (odd-depth records it cannot take stay on the
/// reference kernel), pooling windows clipped by padding, ADD lengths that are not a
/// multiple of the DSP path's 4, broadcasting ADD that must stay on the reference kernel; int16 CONV_2D, DEPTHWISE_CONV_2D
/// and FULLY_CONNECTED over the paths of arm_convolve_s16 (odd pixel counts, more than 512 columns with an odd channel
/// count), arm_depthwise_conv_wrapper_s16 and arm_fully_connected_s16, and the int16 records that stay on the reference kernel), compiled with
/// <c>--cmsis-nn</c> and run through the native library and the managed kernels: the bytes must agree. With the
/// default library the native side is the reference C; select a CMSIS-NN build with TINYLITE_NATIVE_LIB to test
/// the routes, one configured with -DTINYLITE_CMSIS_NN_ALL_ROUTES=ON for the int4 ones (bench/RESULTS.md,
/// "CMSIS-NN backend").
/// </summary>
public class CmsisNnRouteTests
{
    private static readonly Dictionary<string, Func<Graph>> Models = new()
    {
        ["fc_per_channel_3_blocks"] = () => FullyConnected(3, 33, 70, perChannel: true, Activation.None),
        ["fc_per_channel_1_block_relu"] = () => FullyConnected(1, 8, 32, perChannel: true, Activation.Relu),
        ["fc_per_tensor"] = () => FullyConnected(2, 20, 9, perChannel: false, Activation.None),
        ["fc_s4_even_depth"] = () => FullyConnectedS4(2, 16, 3),
        ["fc_s4_even_depth_wide"] = () => FullyConnectedS4(3, 64, 40),
        ["fc_s4_odd_depth"] = () => FullyConnectedS4(1, 9, 5),
        ["conv_s4_3x3_same_odd_rows"] = () => ConvS4(new ConvTestModel.Options { InH = 6, InW = 5, InC = 3, OutC = 5, Seed = 21 }),
        ["conv_s4_3x3_valid_stride2"] = () => ConvS4(new ConvTestModel.Options
        { InH = 7, InW = 7, InC = 4, OutC = 6, StrideH = 2, StrideW = 2, Padding = Padding.Valid, Seed = 22 }),
        ["conv_s4_1x1"] = () => ConvS4(new ConvTestModel.Options { InH = 4, InW = 5, InC = 8, OutC = 7, FH = 1, FW = 1, Seed = 23 }),
        ["conv_s4_1x1_stride2"] = () => ConvS4(new ConvTestModel.Options
        { InH = 5, InW = 5, InC = 6, OutC = 3, FH = 1, FW = 1, StrideH = 2, StrideW = 2, Padding = Padding.Valid, Seed = 24 }),
        ["conv_s4_1xn"] = () => ConvS4(new ConvTestModel.Options { InH = 1, InW = 9, InC = 5, OutC = 4, FH = 1, FW = 3, Seed = 25 }),
        ["conv_s4_dilated_relu"] = () => ConvS4(new ConvTestModel.Options
        { InH = 7, InW = 7, InC = 2, OutC = 3, DilH = 2, DilW = 2, Activation = Activation.Relu, Seed = 26 }),
        ["conv_s4_grouped"] = () => ConvS4(new ConvTestModel.Options { InH = 5, InW = 5, InC = 4, OutC = 4, FC = 2, Seed = 27 }),
        // DEPTHWISE_CONV_2D int4 (arm_depthwise_conv_wrapper_s4): the optimised kernel (multiplier 1, one batch, no
        // dilation) with even and odd depths, the generic kernel's even-depth paths (multiplier 2 and 3, two batches,
        // dilation), and the odd-depth records it cannot take (multiplier > 1, windows in the padding): reference kernel.
        ["dw_s4_3x3_same_even"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 6, InW = 5, InC = 8, Seed = 41 }),
        ["dw_s4_3x3_same_odd"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 5, InW = 6, InC = 5, Seed = 42 }),
        ["dw_s4_3x3_same_odd_7"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 4, InW = 4, InC = 7, Activation = Activation.Relu, Seed = 52 }),
        ["dw_s4_3x3_valid_odd_stride2"] = () => DepthwiseS4(new ConvTestModel.Options
        { InH = 7, InW = 8, InC = 7, StrideH = 2, StrideW = 2, Padding = Padding.Valid, Seed = 43 }),
        ["dw_s4_5x5_same_stride2_relu6"] = () => DepthwiseS4(new ConvTestModel.Options
        { InH = 7, InW = 6, InC = 6, FH = 5, FW = 5, StrideH = 2, StrideW = 2, Activation = Activation.Relu6, Seed = 44 }),
        ["dw_s4_1x3_odd_taps"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 3, InW = 7, InC = 3, FH = 1, FW = 3, Seed = 45 }),
        ["dw_s4_tiny_1x1_output"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 3, InW = 3, InC = 2, Padding = Padding.Valid, Seed = 46 }),
        ["dw_s4_tiny_1x1_output_odd"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 2, InW = 2, InC = 3, FH = 2, FW = 2, Padding = Padding.Valid, Seed = 53 }),
        ["dw_s4_multiplier2_same"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 5, InW = 5, InC = 4, FC = 2, Seed = 47 }),
        ["dw_s4_multiplier3_same"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 4, InW = 5, InC = 2, FC = 3, Seed = 48 }),
        ["dw_s4_multiplier2_odd_depth"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 5, InW = 4, InC = 3, FC = 2, Seed = 49 }),
        ["dw_s4_multiplier3_odd_depth_valid"] = () => DepthwiseS4(new ConvTestModel.Options
        { InH = 5, InW = 4, InC = 3, FC = 3, Padding = Padding.Valid, Seed = 54 }),
        ["dw_s4_batch2_same_even"] = () => DepthwiseS4(new ConvTestModel.Options { N = 2, InH = 4, InW = 4, InC = 6, Seed = 50 }),
        ["dw_s4_batch2_same_odd"] = () => DepthwiseS4(new ConvTestModel.Options { N = 2, InH = 4, InW = 4, InC = 5, Seed = 55 }),
        ["dw_s4_batch2_valid_odd"] = () => DepthwiseS4(new ConvTestModel.Options { N = 2, InH = 4, InW = 5, InC = 5, Padding = Padding.Valid, Seed = 56 }),
        ["dw_s4_dilated_same_even"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 7, InW = 7, InC = 4, DilH = 2, DilW = 2, Seed = 51 }),
        ["dw_s4_dilated_valid_odd"] = () => DepthwiseS4(new ConvTestModel.Options
        { InH = 7, InW = 6, InC = 3, DilH = 2, DilW = 2, Padding = Padding.Valid, Seed = 57 }),
        ["dw_s4_dilated_same_odd"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 6, InW = 7, InC = 5, DilH = 2, DilW = 2, Seed = 58 }),
        ["dw_s4_no_bias_same_odd"] = () => DepthwiseS4(new ConvTestModel.Options { InH = 4, InW = 5, InC = 5, BiasType = null, Seed = 59 }),
        ["max_pool_3x3_same"] = () => Pool(BuiltinOperator.MaxPool2D, 2, 7, 6, 5, Padding.Same, 1, 1, 3, 3, Activation.None),
        ["max_pool_2x2_valid_relu6"] = () => Pool(BuiltinOperator.MaxPool2D, 1, 8, 8, 4, Padding.Valid, 2, 2, 2, 2, Activation.Relu6),
        ["max_pool_even_same_stride2"] = () => Pool(BuiltinOperator.MaxPool2D, 1, 6, 7, 3, Padding.Same, 2, 2, 4, 3, Activation.None),
        ["average_pool_3x3_same"] = () => Pool(BuiltinOperator.AveragePool2D, 2, 7, 6, 5, Padding.Same, 1, 1, 3, 3, Activation.None),
        ["average_pool_global"] = () => Pool(BuiltinOperator.AveragePool2D, 1, 5, 4, 9, Padding.Valid, 1, 1, 5, 4, Activation.None),
        ["average_pool_even_same_stride2_relu"] = () => Pool(BuiltinOperator.AveragePool2D, 1, 6, 7, 3, Padding.Same, 2, 2, 4, 3, Activation.Relu),
        ["add_same_shape_37"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int8, [37], [37], [37],
            (0.05f, 3), (0.02f, -2), (0.06f, 1), new AddSubOptions(Activation.None, false)),
        ["add_same_shape_relu_4d"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int8, [1, 4, 4, 8], [1, 4, 4, 8],
            [1, 4, 4, 8], (0.1f, -128), (0.07f, 127), (0.12f, -20), new AddSubOptions(Activation.Relu, false)),
        // int16 x int8 (CmsisNnInt16 proves each bit-exact; CmsisNnInt16Tests checks which records are marked).
        ["conv_s16_3x3_same_odd_pixels"] = () => ConvTestModel.Build(Int16Conv(new ConvTestModel.Options
        { InH = 5, InW = 3, InC = 3, OutC = 5, Seed = 41 })).Graph,
        ["conv_s16_1x1_valid_stride2_int32_bias"] = () => ConvTestModel.Build(Int16Conv(new ConvTestModel.Options
        { InH = 7, InW = 6, InC = 8, OutC = 4, FH = 1, FW = 1, StrideH = 2, StrideW = 2, Padding = Padding.Valid, Seed = 42 })
            with
        { BiasType = DataType.Int32 }).Graph,
        ["conv_s16_dilated_relu_no_bias"] = () => ConvTestModel.Build(Int16Conv(new ConvTestModel.Options
        { InH = 7, InW = 7, InC = 2, OutC = 3, DilH = 2, DilW = 2, Activation = Activation.Relu, Seed = 43 }) with
        { BiasType = null }).Graph,
        ["conv_s16_600_columns_odd_channels"] = () => ConvTestModel.Build(Int16Conv(new ConvTestModel.Options
        { N = 2, InH = 3, InW = 1, InC = 600, OutC = 3, FH = 1, FW = 1, Seed = 44 })).Graph,
        ["conv_s16_601_columns_odd_channels"] = () => ConvTestModel.Build(Int16Conv(new ConvTestModel.Options
        { InH = 1, InW = 3, InC = 601, OutC = 3, FH = 1, FW = 1, Seed = 45 })).Graph,
        ["conv_s16_grouped"] = () => ConvTestModel.Build(Int16Conv(new ConvTestModel.Options
        { InH = 4, InW = 4, InC = 4, OutC = 4, FC = 2, Seed = 46 })).Graph,
        ["depthwise_s16_3x3_same"] = () => ConvTestModel.Build(Int16Depthwise(new ConvTestModel.Options
        { InH = 6, InW = 5, InC = 6, Seed = 47 })).Graph,
        ["depthwise_s16_5x5_valid_stride2_odd_channels"] = () => ConvTestModel.Build(Int16Depthwise(new ConvTestModel.Options
        { N = 2, InH = 9, InW = 8, InC = 7, FH = 5, FW = 5, StrideH = 2, StrideW = 2, Padding = Padding.Valid, Seed = 48 })).Graph,
        ["depthwise_s16_multiplier2_no_bias"] = () => ConvTestModel.Build(Int16Depthwise(new ConvTestModel.Options
        { InH = 5, InW = 5, InC = 3, FC = 2, Seed = 49 }) with
        { BiasType = null }).Graph,
        ["depthwise_s16_dilated_relu6"] = () => ConvTestModel.Build(Int16Depthwise(new ConvTestModel.Options
        { InH = 8, InW = 7, InC = 4, DilH = 2, DilW = 3, Activation = Activation.Relu6, Seed = 50 })).Graph,
        ["fc_s16_per_tensor"] = () => FullyConnectedS16(2, 20, 9, perChannel: false, int32Bias: false),
        ["fc_s16_600_columns_odd_rows"] = () => FullyConnectedS16(1, 600, 5, perChannel: false, int32Bias: false),
        ["fc_s16_per_channel"] = () => FullyConnectedS16(2, 17, 6, perChannel: true, int32Bias: false),
        ["fc_s16_int32_bias"] = () => FullyConnectedS16(1, 24, 7, perChannel: false, int32Bias: true),
        ["add_broadcast_row"] = () => ElementwiseHarness.Binary(BuiltinOperator.Add, DataType.Int8, [3, 8], [1, 8], [3, 8],
            (0.05f, 3), (0.02f, -2), (0.06f, 1), new AddSubOptions(Activation.None, false)),
    };

    /// <summary>The model named <paramref name="name"/> of the table above (also used by CmsisNnInt16Tests).</summary>
    public static Graph Model(string name) => Models[name]();

    public static IEnumerable<object[]> Names() => Models.Keys.Select(k => new object[] { k });

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void NativeKernels_CmsisNnRouteShapes_MatchManagedKernels(string name)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        foreach (var plan in new[] { PlanStrategy.Layer, PlanStrategy.InPlace })
        {
            byte[] image = Compiler.Compile(Models[name](), new CompileOptions { Plan = plan, CmsisNn = true }).Image;
            for (int seed = 1; seed <= 4; seed++)
            {
                var (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, seed), name);
                Assert.Equal(managed.Length, native.Length);
                for (int j = 0; j < managed.Length; j++)
                    ByteAssert.Equal(managed[j], native[j], $"{name} plan {plan.Name()} seed {seed} output {j}");
            }
        }
    }

    public static TheoryData<string, int> HostileGeometry() => new()
    {
        { "conv_s8_1x1", 0 }, { "conv_s4_1x1", 1 }, { "depthwise_s8_3x3", 2 }, { "conv_s8_3x3", 3 },
    };

    public static TheoryData<string, int> ScratchOverInput() => new()
    {
        { "conv_s8_3x3", 0 }, { "depthwise_s8_3x3", 1 }, { "conv_s8_1x1", 2 },
    };

    /// <summary>
    /// An edited image whose CMSIS-NN scratch (the record's second output) starts where the input does: both loaders
    /// accept it (the managed and reference kernels never touch the scratch), but CMSIS-NN would write its
    /// multipliers and im2col columns over the input (and memcpy between overlapping ranges; found by the ASan fuzz run
    /// of a CMSIS-NN build). The adapters must run the reference kernel instead: native and managed bytes agree.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(ScratchOverInput))]
    public void NativeKernels_ScratchOverlappingInput_MatchManagedKernels(string name, int which)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var options = which switch
        {
            0 => new ConvTestModel.Options { InH = 6, InW = 6, InC = 8, OutC = 8, Seed = 41 },
            1 => new ConvTestModel.Options { Kind = ConvTestModel.Kind.Depthwise, InH = 6, InW = 6, InC = 8, OutC = 8, FC = 1, Seed = 42 },
            _ => new ConvTestModel.Options { InH = 5, InW = 5, InC = 16, OutC = 8, FH = 1, FW = 1, Seed = 43 },
        };
        var compiled = Compiler.Compile(ConvTestModel.Build(options).Graph, new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true });
        var call = compiled.Calls.Single();
        bool depthwise = options.Kind == ConvTestModel.Kind.Depthwise;
        int scratchSlot = depthwise ? DepthwiseConvSlots.OutScratch : ConvSlots.OutScratch;
        Assert.Equal(scratchSlot + 1, call.Outputs.Length);
        byte[] image = (byte[])compiled.Image.Clone();
        int scratch = ImageEdits.TensorRecord(image, call.Outputs[scratchSlot]);
        int input = ImageEdits.TensorRecord(image, call.Inputs[depthwise ? DepthwiseConvSlots.InInput : ConvSlots.InInput]);
        int inputOffset = BitConverter.ToInt32(image, input + 4);
        Assert.Equal(0, inputOffset % 4);
        Assert.True(inputOffset + BitConverter.ToInt32(image, scratch + 12) <= BitConverter.ToInt32(image, 24), "scratch must still fit the arena");
        BitConverter.TryWriteBytes(image.AsSpan(scratch + 4), inputOffset);
        ImageEdits.Reseal(image);
        for (int seed = 1; seed <= 3; seed++)
        {
            var (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, seed), name);
            ByteAssert.Equal(managed[0], native[0], $"{name} seed {seed}");
        }
    }

    /// <summary>
    /// A record whose geometry is not TFLM's (the stride raised after compiling, output sizes unchanged: later windows
    /// reach past the input and its padding) is valid for our kernels, which skip taps outside the input. CMSIS-NN's
    /// kernels assume TFLM's geometry (its 1x1 paths read input rows at y * stride unchecked), so the CMSIS-NN
    /// adapters must leave such a record to the reference kernel: native and managed bytes agree.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(HostileGeometry))]
    public void NativeKernels_NonTflmGeometry_MatchManagedKernels(string name, int which)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var options = which switch
        {
            0 => new ConvTestModel.Options { InH = 4, InW = 5, InC = 8, OutC = 6, FH = 1, FW = 1, Seed = 31 },
            1 => new ConvTestModel.Options { InH = 4, InW = 5, InC = 8, OutC = 6, FH = 1, FW = 1, WeightType = DataType.Int4, Seed = 32 },
            2 => new ConvTestModel.Options { Kind = ConvTestModel.Kind.Depthwise, InH = 6, InW = 6, InC = 4, OutC = 4, FC = 1, Seed = 33 },
            _ => new ConvTestModel.Options { InH = 6, InW = 6, InC = 3, OutC = 4, Seed = 34 },
        };
        var compiled = Compiler.Compile(ConvTestModel.Build(options).Graph, new CompileOptions { Plan = PlanStrategy.Layer, CmsisNn = true });
        var call = compiled.Calls.Single();
        byte[] image = (byte[])compiled.Image.Clone();
        int at = ImageEdits.FindParams(image, call.Params);
        // Params [10], [11]: strides 1 -> 2 (all else unchanged; the managed loader still accepts the record).
        Assert.Equal(1, BitConverter.ToInt32(image, at + 40));
        BitConverter.TryWriteBytes(image.AsSpan(at + 40), 2);
        BitConverter.TryWriteBytes(image.AsSpan(at + 44), 2);
        ImageEdits.Reseal(image);
        for (int seed = 1; seed <= 3; seed++)
        {
            var (managed, native) = NativeSupport.RunBoth(image, NativeSupport.RandomInputs(image, seed), name);
            ByteAssert.Equal(managed[0], native[0], $"{name} seed {seed}");
        }
    }

    /// <summary>
    /// The same shapes through CMSIS-NN's DSP paths on emulated Cortex-M4 and M7: with TINYLITE_QEMU_CMSIS_BUILD set
    /// to a QEMU build folder configured with the backend (run-golden.sh --cmsis-nn makes one,
    /// e.g. .build/qemu-cmsis-nn), every model above is compiled with --cmsis-nn (layer and inplace plans), run by
    /// the managed kernels on seeded inputs, and the QEMU golden program must reproduce those bytes on both boards.
    /// </summary>
    [SkippableFact]
    public void QemuCmsisNnBuild_RouteShapes_MatchManagedKernels()
    {
        string? build = Environment.GetEnvironmentVariable("TINYLITE_QEMU_CMSIS_BUILD");
        Skip.If(string.IsNullOrEmpty(build), "set TINYLITE_QEMU_CMSIS_BUILD to a QEMU build folder with the CMSIS-NN backend (run-golden.sh --cmsis-nn)");
        string dir = Path.Combine(Path.GetTempPath(), "tinylite-cmsis-route-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var manifest = new System.Text.StringBuilder();
            int cases = 0;
            foreach (var (name, graph) in Models)
            {
                foreach (var plan in new[] { PlanStrategy.Layer, PlanStrategy.InPlace })
                {
                    byte[] image = Compiler.Compile(graph(), new CompileOptions { Plan = plan, CmsisNn = true }).Image;
                    string stem = Path.Combine(dir, name + "-" + plan.Name());
                    File.WriteAllBytes(stem + ".tlm", image);
                    manifest.Append("model ").Append(name).Append('@').Append(plan.Name()).Append(' ').Append(stem).Append(".tlm\n");
                    for (int seed = 1; seed <= 2; seed++)
                    {
                        var inputs = NativeSupport.RandomInputs(image, seed);
                        var managed = new Interpreter((byte[])image.Clone());
                        for (int i = 0; i < inputs.Length; i++) managed.SetInput(i, inputs[i]);
                        managed.Invoke();
                        manifest.Append("case s").Append(seed).Append('\n');
                        for (int i = 0; i < inputs.Length; i++)
                        {
                            File.WriteAllBytes($"{stem}-s{seed}.in{i}", inputs[i]);
                            manifest.Append("input ").Append($"{stem}-s{seed}.in{i}").Append('\n');
                        }
                        for (int j = 0; j < managed.OutputCount; j++)
                        {
                            File.WriteAllBytes($"{stem}-s{seed}.out{j}", managed.GetOutput(j));
                            manifest.Append("golden ").Append($"{stem}-s{seed}.out{j}").Append('\n');
                        }
                        manifest.Append("run\n");
                        cases++;
                    }
                }
            }
            string manifestPath = Path.Combine(dir, "manifest.txt");
            File.WriteAllText(manifestPath, manifest.ToString());
            foreach (var (board, machine) in new[] { ("an386", "mps2-an386"), ("an500", "mps2-an500") })
            {
                string elf = Path.Combine(build!, board, "qemu_golden.elf");
                Skip.IfNot(File.Exists(elf), elf + " is not built");
                var psi = new System.Diagnostics.ProcessStartInfo("qemu-system-arm",
                    $"-M {machine} -nographic -monitor none -serial none -semihosting-config enable=on,target=native,arg=qemu_golden,arg={manifestPath} -kernel {elf}")
                { RedirectStandardOutput = true, RedirectStandardError = true };
                using var qemu = System.Diagnostics.Process.Start(psi)!;
                var stderr = qemu.StandardError.ReadToEndAsync();
                string output = qemu.StandardOutput.ReadToEnd() + stderr.Result;
                qemu.WaitForExit();
                Assert.Contains($"qemu_golden: {cases} bit-exact, 0 failed", output);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static Graph FullyConnected(int batches, int inDepth, int outDepth, bool perChannel, Activation activation)
    {
        var rng = new Random(inDepth * 131 + outDepth);
        var w = Enumerable.Range(0, inDepth * outDepth).Select(_ => (sbyte)rng.Next(-127, 128)).ToArray();
        float[] wScales = perChannel ? Enumerable.Range(0, outDepth).Select(i => 0.004f + 0.0007f * (i % 13)).ToArray() : [0.006f];
        var b = new GraphBuilder("fc_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int8, [batches, inDepth], 0.05f, 3);
        int wt = b.AddConstantInt8("w", [outDepth, inDepth], w, wScales);
        float[] biasScales = perChannel ? wScales.Select(s => 0.05f * s).ToArray() : [0.05f * wScales[0]];
        int bias = b.AddConstantInt32("b", [outDepth], Enumerable.Range(0, outDepth).Select(_ => rng.Next(-3000, 3000)).ToArray(),
            new Quantization(biasScales, new long[biasScales.Length], 0));
        int y = b.AddTensor("y", DataType.Int8, [batches, outDepth], 0.2f, -2);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, wt, bias], [y], new FullyConnectedOptions(activation, 0, false, false))
            .MarkOutput(y);
        return b.Build();
    }

    private static ConvTestModel.Options Int16Conv(ConvTestModel.Options o) => o with { ActivationType = DataType.Int16, BiasType = DataType.Int64 };

    private static ConvTestModel.Options Int16Depthwise(ConvTestModel.Options o) =>
        o with { Kind = ConvTestModel.Kind.Depthwise, ActivationType = DataType.Int16, BiasType = DataType.Int64, OutC = 0 };

    /// <summary>FULLY_CONNECTED int16 x int8 (zero points 0) with an int64 or int32 bias.</summary>
    public static Graph FullyConnectedS16(int batches, int inDepth, int outDepth, bool perChannel, bool int32Bias)
    {
        var rng = new Random(inDepth * 17 + outDepth);
        var w = Enumerable.Range(0, inDepth * outDepth).Select(_ => (sbyte)rng.Next(-127, 128)).ToArray();
        float[] wScales = perChannel ? Enumerable.Range(0, outDepth).Select(i => 0.002f + 0.0003f * (i % 7)).ToArray() : [0.003f];
        var b = new GraphBuilder("fc_s16_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int16, [batches, inDepth], 0.001f, 0);
        int wt = b.AddConstantInt8("w", [outDepth, inDepth], w, wScales);
        var biasQ = new Quantization(wScales.Select(v => 0.001f * v).ToArray(), new long[wScales.Length], 0);
        int bias = int32Bias
            ? b.AddConstantInt32("b", [outDepth], Enumerable.Range(0, outDepth).Select(_ => rng.Next(-400000, 400000)).ToArray(), biasQ)
            : b.AddConstantInt64("b", [outDepth], Enumerable.Range(0, outDepth).Select(_ => (long)rng.Next(-400000, 400000)).ToArray(), biasQ);
        int y = b.AddTensor("y", DataType.Int16, [batches, outDepth], 0.02f * (float)Math.Sqrt(inDepth / 20.0), 0);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, wt, bias], [y], new FullyConnectedOptions(Activation.None, 0, false, false))
            .MarkOutput(y);
        return b.Build();
    }

    private static Graph ConvS4(ConvTestModel.Options o) => ConvTestModel.Build(o with { WeightType = DataType.Int4 }).Graph;

    /// <summary>DEPTHWISE_CONV_2D with int4 weights (FC = depth multiplier, 0 = 1).</summary>
    private static Graph DepthwiseS4(ConvTestModel.Options o) =>
        ConvTestModel.Build(o with { Kind = ConvTestModel.Kind.Depthwise, WeightType = DataType.Int4 }).Graph;

    /// <summary>Per-tensor FULLY_CONNECTED with int4 weights (TFLite's packing: element 2i in the low nibble, across rows).</summary>
    private static Graph FullyConnectedS4(int batches, int inDepth, int outDepth)
    {
        var rng = new Random(inDepth * 31 + outDepth);
        var w = Enumerable.Range(0, inDepth * outDepth).Select(_ => rng.Next(-8, 8)).ToArray();
        var packed = new byte[(w.Length + 1) / 2];
        for (int i = 0; i < w.Length; i++) packed[i / 2] |= (byte)((w[i] & 0x0F) << (i % 2 == 0 ? 0 : 4));
        var b = new GraphBuilder("fc_s4_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int8, [batches, inDepth], 0.05f, 5);
        int wt = b.Add("w", DataType.Int4, [outDepth, inDepth], new Quantization([0.15f], [0], 0), packed);
        int bias = b.AddConstantInt32("b", [outDepth], Enumerable.Range(0, outDepth).Select(_ => rng.Next(-500, 500)).ToArray());
        int y = b.AddTensor("y", DataType.Int8, [batches, outDepth], 0.3f, -2);
        b.AddOperator(BuiltinOperator.FullyConnected, [x, wt, bias], [y], new FullyConnectedOptions(Activation.Relu, 0, false, false))
            .MarkOutput(y);
        return b.Build();
    }

    private static Graph Pool(BuiltinOperator op, int n, int h, int w, int c, Padding padding, int strideH, int strideW, int fH, int fW,
        Activation activation)
    {
        int outH = padding == Padding.Same ? (h + strideH - 1) / strideH : (h - fH) / strideH + 1;
        int outW = padding == Padding.Same ? (w + strideW - 1) / strideW : (w - fW) / strideW + 1;
        var b = new GraphBuilder("pool_cmsis.tflite");
        int x = b.AddInput("x", DataType.Int8, [n, h, w, c], 0.05f, 2);
        int y = b.AddTensor("y", DataType.Int8, [n, outH, outW, c], 0.05f, 2);
        b.AddOperator(op, [x], [y], new Pool2DOptions(padding, strideW, strideH, fW, fH, activation)).MarkOutput(y);
        return b.Build();
    }
}
