namespace TinyLite.Tests.Robustness;

/// <summary>
/// Bounded, seeded mutation tests: random byte flips and truncations of real models and images must end in a
/// clear refusal (CompileException, ImageException) or, for an image whose CRC the attacker fixed up, in a
/// run that stays inside its arrays — never in any other exception.
/// </summary>
public class MutationTests
{
    private static readonly string[] Models =
        ["hello_world_int8", "kws_dscnn", "ad_toycar_fullint_micro", "synthetic_int4_cnn_s1", "synthetic_int4_fc_s1", "seanet/conv/conv0", "seanet/strided_slice/strided_slice0"];

    public static IEnumerable<object[]> Rows() => Models.Select(m => new object[] { m });

    /// <summary>A per-model seed that is the same in every process (string.GetHashCode is not).</summary>
    private static int Seed(string model) => model.Aggregate(17, (h, c) => h * 31 + c);

    private static byte[] Mutate(byte[] original, Random random, int headerSkip)
    {
        var bytes = (byte[])original.Clone();
        if (random.Next(5) == 0) return bytes[..random.Next(bytes.Length)];
        int flips = 1 + random.Next(4);
        for (int i = 0; i < flips; i++)
        {
            int at = headerSkip + random.Next(bytes.Length - headerSkip);
            bytes[at] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
        }
        return bytes;
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void Image_RandomCorruption_IsRefusedAtLoad(string model)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var image = Compiler.Compile(File.ReadAllBytes(Path.Combine(SharedModels.Dir(model), "model.tflite")), model).Image;
        var random = new Random(Seed(model) ^ 17);
        for (int round = 0; round < 300; round++)
        {
            var bad = Mutate(image, random, 0);
            if (bad.AsSpan().SequenceEqual(image)) continue;
            Assert.Throws<ImageException>(() => new Interpreter(bad));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void Image_HostileEditsWithFixedCrc_AreRefusedOrRunInBounds(string model)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var image = Compiler.Compile(File.ReadAllBytes(Path.Combine(SharedModels.Dir(model), "model.tflite")), model).Image;
        var random = new Random(Seed(model) ^ 29);
        int refused = 0;
        for (int round = 0; round < 300; round++)
        {
            var bad = Mutate(image, random, ImageLayout.CrcStart);
            if (bad.Length >= ImageLayout.HeaderBytes)
                ImageEdits.Reseal(bad);
            Interpreter interpreter;
            try
            {
                interpreter = new Interpreter(bad);
            }
            catch (ImageException)
            {
                refused++;
                continue;
            }
            // Accepted: running it must stay inside the arrays (any exception here is a validation hole).
            interpreter.Invoke();
        }
        Assert.True(refused > 0, "no hostile edit was refused: the mutations did not reach the validated parts");
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void Tflite_RandomCorruption_CompilesOrFailsWithCompileException(string model)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var tflite = File.ReadAllBytes(Path.Combine(SharedModels.Dir(model), "model.tflite"));
        var random = new Random(Seed(model) ^ 41);
        for (int round = 0; round < 150; round++)
        {
            var bad = Mutate(tflite, random, 0);
            try
            {
                var compiled = Compiler.Compile(bad, model);
                // A flip in weight bytes still compiles; the image must then load.
                _ = new Interpreter(compiled.Image);
            }
            catch (CompileException)
            {
            }
        }
    }
}
