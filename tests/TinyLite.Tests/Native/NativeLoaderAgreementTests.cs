namespace TinyLite.Tests.Native;

/// <summary>
/// The native loader refuses exactly what the managed loader refuses: hostile edits of real images (with the CRC
/// recomputed, so the structural and kernel checks decide) are loaded by both, and the verdicts must agree.
/// The native side may in addition refuse a tensor offset not aligned to its element size (its kernels access
/// elements in place); a kernel it lacks is reported as such.
/// </summary>
public class NativeLoaderAgreementTests
{
    public static IEnumerable<object[]> Models() =>
        new[] { "hello_world_int8", "seanet/pad/pad0", "seanet/strided_slice/strided_slice0", "ad_toycar_fullint_micro", "kws_dscnn",
            "micro_speech_audio_preprocessor_int8", "keyword_scrambled" }
            .Select(m => new object[] { m, false })
            // With the CMSIS-NN scratch reserved: edits of the scratch tensors must get the same verdicts too.
            .Append(new object[] { "kws_dscnn", true });

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void NativeLoad_AgreesWithManagedLoad_OnHostileEdits(string model, bool cmsisNn)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        string path = Path.Combine(SharedModels.Dir(model), "model.tflite");
        var options = cmsisNn ? NativeGoldenModelTests.NativePlan with { CmsisNn = true } : NativeGoldenModelTests.NativePlan;
        byte[] original = Compiler.Compile(File.ReadAllBytes(path), path, options).Image;
        AssertVerdictsAgree(model, original, (model.GetHashCode(StringComparison.Ordinal) & 0xFFFF) + (cmsisNn ? 1 : 0));
    }

    /// <summary>The project's float32 models (tests/data/float): the Float family's checks must agree too.</summary>
    [SkippableTheory]
    [InlineData("kws_f32")]
    [InlineData("conv_f32_grouped")]
    [InlineData("depthwise_f32_dilation")]
    [InlineData("mean_f32_last_axis")]
    [InlineData("max_pool_f32")]
    [InlineData("softmax_f32_beta")]
    [InlineData("fully_connected_f32_nobias")]
    [InlineData("tanh_f32")]
    public void NativeLoad_AgreesWithManagedLoad_OnHostileEditsOfFloatModels(string model)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        string path = Path.Combine(Kernels.Float.FloatGoldenData.Root, model, "model.tflite");
        byte[] original = Compiler.Compile(File.ReadAllBytes(path), path, NativeGoldenModelTests.NativePlan).Image;
        AssertVerdictsAgree(model, original, model.Length * 7919);
    }

    private static void AssertVerdictsAgree(string model, byte[] original, int seed)
    {
        var probe = new Interpreter((byte[])original.Clone());
        var message = new byte[NativeKernels.MessageBytes];
        int status = NativeKernels.Load(original, original.Length, new byte[probe.ArenaBytes], probe.ArenaBytes, message, message.Length);
        Skip.If(status == NativeKernels.StatusUnsupported, model + ": " + NativeKernels.MessageText(message));
        Assert.True(status == NativeKernels.StatusOk, NativeKernels.MessageText(message));

        int structureEnd = ImageWalk.Section(original, ImageLayout.SectionConstants).Start;
        var rng = new Random(seed);
        int agreedRefusals = 0, agreedAccepts = 0;
        // Fewer rounds for big images (each round checksums the whole image twice); at least 100.
        int rounds = Math.Clamp(8_000_000 / original.Length, 100, 400);
        for (int round = 0; round < rounds; round++)
        {
            byte[] image = (byte[])original.Clone();
            int edits = 1 + rng.Next(3);
            for (int e = 0; e < edits; e++)
            {
                // An aligned int32 word between the CRC field and the constants (header, section table, tensor
                // and operator records, I/O lists: what the loaders check), overwritten by a boundary or random value.
                int word = 16 + 4 * rng.Next((structureEnd - 16) / 4);
                int[] values = [0, 1, -1, 2, 64, 65, int.MaxValue, int.MinValue, 0x7FFFFFF, rng.Next(), -rng.Next(100)];
                BitConverter.TryWriteBytes(image.AsSpan(word), values[rng.Next(values.Length)]);
            }
            ImageEdits.Reseal(image);

            // The arena the (possibly edited) header asks for, unless an edit made it huge: then an empty one,
            // which both loaders must refuse (allocating megabytes per round would only slow the test).
            int arenaBytes = BitConverter.ToInt32(image, 24);
            byte[] arena = new byte[arenaBytes >= 0 && arenaBytes <= 4 * probe.ArenaBytes + 4096 ? arenaBytes : 0];
            string? managedError = null;
            try
            {
                _ = new Interpreter(image, arena);
            }
            catch (ImageException ex)
            {
                managedError = ex.Message;
            }
            Array.Clear(arena);
            Array.Clear(message);
            int native = NativeKernels.Load(image, image.Length, arena, arena.Length, message, message.Length);
            string nativeError = NativeKernels.MessageText(message);
            if (managedError != null)
            {
                Assert.True(native != NativeKernels.StatusOk, $"{model} round {round}: managed refuses ({managedError}) but native accepts");
                agreedRefusals++;
            }
            else
            {
                Assert.True(native == NativeKernels.StatusOk || nativeError.Contains("not aligned") || native == NativeKernels.StatusUnsupported,
                    $"{model} round {round}: managed accepts but native refuses ({nativeError})");
                agreedAccepts++;
            }
        }
        Assert.True(agreedRefusals > 0, "no edit was refused: the test exercised nothing");
    }
}
