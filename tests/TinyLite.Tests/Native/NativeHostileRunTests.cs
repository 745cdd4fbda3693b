namespace TinyLite.Tests.Native;

/// <summary>
/// What both loaders accept, both kernel sets run alike: hostile edits of real images (the CRC recomputed) that the
/// managed and the native loader both accept are invoked by both on the same arena contents, and the arenas must end
/// byte for byte equal. This reaches the kernels with Params no compiler writes (paddings and filters near
/// int.MaxValue, odd strides, moved tensors), where the C and C# twins can drift apart without any golden model
/// noticing. An edit that makes an operator's input and output overlap where they did not is skipped: what a kernel
/// computes over aliased buffers depends on its loop order, which the twins need not share.
/// </summary>
public class NativeHostileRunTests
{
    [SkippableTheory]
    [InlineData("hello_world_int8")]
    [InlineData("kws_dscnn")]
    [InlineData("micro_speech_audio_preprocessor_int8")]
    [InlineData("keyword_scrambled")]
    [InlineData("seanet/pad/pad0")]
    [InlineData("seanet/strided_slice/strided_slice0")]
    [InlineData("seanet/conv/conv0")]
    public void AcceptedHostileEdits_RunAlikeOnBothKernelSets(string model)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        AssertHostileRunsAgree(model, Path.Combine(SharedModels.Dir(model), "model.tflite"), RandomBytes);
    }

    /// <summary>The project's float32 models (tests/data/float), with finite random floats in the arena.</summary>
    [SkippableTheory]
    [InlineData("kws_f32")]
    [InlineData("conv_f32_stride2_dilation_nobias")]
    [InlineData("depthwise_f32_dilation")]
    [InlineData("average_pool_f32")]
    [InlineData("max_pool_f32")]
    [InlineData("mean_f32_last_axis")]
    [InlineData("softmax_f32_beta")]
    [InlineData("logistic_f32")]
    [InlineData("tanh_f32")]
    public void AcceptedHostileEditsOfFloatModels_RunAlikeOnBothKernelSets(string model)
    {
        AssertHostileRunsAgree(model, Path.Combine(Kernels.Float.FloatGoldenData.Root, model, "model.tflite"), RandomFloats);
    }

    /// <summary>Any bytes: every integer tensor value is valid.</summary>
    private static void RandomBytes(Random rng, byte[] arena) => rng.NextBytes(arena);

    /// <summary>Every aligned word a finite float in (-8, 8): random bytes would put NaNs in the float tensors,
    /// whose payloads C and C# need not carry alike.</summary>
    private static void RandomFloats(Random rng, byte[] arena)
    {
        for (int at = 0; at + 4 <= arena.Length; at += 4)
        {
            BitConverter.TryWriteBytes(arena.AsSpan(at), (float)(rng.NextDouble() * 16 - 8));
        }
    }

    private static void AssertHostileRunsAgree(string model, string path, Action<Random, byte[]> fillArena)
    {
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] original = Compiler.Compile(File.ReadAllBytes(path), path, NativeGoldenModelTests.NativePlan).Image;
        int originalArena = new Interpreter((byte[])original.Clone()).ArenaBytes;
        var originalOverlaps = ImageWalk.Read(original).Overlaps();
        var (opsStart, opsEnd) = ImageWalk.Section(original, ImageLayout.SectionOps);
        int structureEnd = ImageWalk.Section(original, ImageLayout.SectionConstants).Start;
        var rng = new Random(model.Aggregate(23, (h, c) => h * 31 + c));
        int compared = 0, aliased = 0;
        for (int round = 0; round < 4000 && compared < 120; round++)
        {
            byte[] image = (byte[])original.Clone();
            int edits = 1 + rng.Next(3);
            for (int e = 0; e < edits; e++)
            {
                // Mostly operator records (codes, counts, tensor indices, Params), else any structure word.
                int word = rng.Next(4) != 0
                    ? opsStart + 4 * rng.Next((opsEnd - opsStart) / 4)
                    : 16 + 4 * rng.Next((structureEnd - 16) / 4);
                int current = BitConverter.ToInt32(image, word);
                int[] values = [0, 1, -1, 2, 3, 64, int.MaxValue, int.MaxValue - 1, int.MinValue, 1 << 30,
                    current + 1, current - 1, current * 2, rng.Next(), -rng.Next(100)];
                BitConverter.TryWriteBytes(image.AsSpan(word), values[rng.Next(values.Length)]);
            }
            ImageEdits.Reseal(image);
            int arenaBytes = BitConverter.ToInt32(image, 24);
            if (arenaBytes < 0 || arenaBytes > 4 * originalArena + 4096)
            {
                continue;
            }
            byte[] managedArena = new byte[arenaBytes], nativeArena = new byte[arenaBytes];
            Interpreter managed, native;
            try
            {
                managed = new Interpreter((byte[])image.Clone(), managedArena);
                native = new Interpreter((byte[])image.Clone(), nativeArena);
                native.UseNativeKernels();
            }
            catch (ImageException)
            {
                continue; // refused by either loader: NativeLoaderAgreementTests checks that they agree
            }
            if (!ImageWalk.Read(image).Overlaps().SetEquals(originalOverlaps))
            {
                aliased++;
                continue;
            }
            var fill = new byte[arenaBytes];
            fillArena(rng, fill);
            fill.CopyTo(managedArena, 0);
            fill.CopyTo(nativeArena, 0);
            managed.Invoke();
            native.Invoke();
            int differ = Enumerable.Range(0, arenaBytes).Count(i => managedArena[i] != nativeArena[i]);
            Assert.True(differ == 0, $"{model} round {round}: {differ} arena bytes differ between the managed and the native kernels");
            compared++;
        }
        Assert.True(compared >= 20, $"{model}: only {compared} accepted edits ran ({aliased} skipped as aliased): the test exercised little");
    }
}
