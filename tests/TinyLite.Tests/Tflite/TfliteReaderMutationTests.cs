using System.Diagnostics;
using TinyLite.Codegen.Tflite;
using Xunit.Sdk;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// Seeded fuzzing: byte flips, hostile words and truncations of real models must either read or fail with a
/// one-line <see cref="CompileException"/> — never another exception, a huge allocation or a hang.
/// </summary>
public class TfliteReaderMutationTests
{
    private const int MutationsPerModel = 300;
    private static readonly uint[] HostileWords = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFC, 0x00010000];

    [SharedModelTheory]
    [InlineData("hello_world_int8", 1)]
    [InlineData("kws_dscnn", 2)]
    [InlineData("micro_speech_audio_preprocessor_int8", 3)]
    [InlineData("synthetic_int4_cnn_s1", 4)]
    [InlineData("seanet/transpose_conv/transpose_conv0", 5)]
    public void Read_MutatedModel_ReadsOrThrowsCompileException(string dir, int seed)
    {
        byte[] original = File.ReadAllBytes(SharedModelIndex.ModelPath(dir));
        int[] structure = StructurePositions(original);
        var rng = new Random(seed);
        int rejected = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < MutationsPerModel; i++)
        {
            var (bytes, what) = Mutate(original, structure, rng, i);
            try
            {
                TfliteReader.Read(bytes, "fuzz.tflite");
            }
            catch (CompileException e)
            {
                rejected++;
                Assert.StartsWith("fuzz.tflite: ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                // Explicit checks come first; the reader's last-resort conversion should never be needed.
                Assert.False(e.Message.Contains("malformed TFLite file ("), $"mutation {i} ({what}): {e.Message}");
            }
            catch (Exception e)
            {
                throw new XunitException($"{dir} mutation {i} ({what}) threw {e.GetType().Name}: {e}");
            }
        }
        // The mutations must reach the structure; a fuzzer that only touches weights proves nothing.
        Assert.True(rejected >= MutationsPerModel / 10, $"only {rejected} of {MutationsPerModel} mutations were rejected");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{MutationsPerModel} reads took {clock.Elapsed}");
    }

    /// <summary>Positions outside the large constant data blobs (where flips only change weights).</summary>
    private static int[] StructurePositions(byte[] file)
    {
        var inData = new bool[file.Length];
        foreach (var t in TfliteReader.Read(file, "original.tflite").Tensors)
        {
            if (t.Data is not { Length: > 16 } data) continue;
            int at = file.AsSpan().IndexOf(data);
            if (at >= 0) Array.Fill(inData, true, at, data.Length);
        }
        return Enumerable.Range(0, file.Length).Where(p => !inData[p]).ToArray();
    }

    private static (byte[] Bytes, string What) Mutate(byte[] original, int[] structure, Random rng, int i)
    {
        int Position() => rng.Next(2) == 0 ? structure[rng.Next(structure.Length)] : rng.Next(original.Length);
        switch (i % 4)
        {
            case 0:
            {
                var bytes = (byte[])original.Clone();
                int p = Position();
                bytes[p] ^= (byte)rng.Next(1, 256);
                return (bytes, $"flip byte {p}");
            }
            case 1:
            {
                var bytes = (byte[])original.Clone();
                int p = Position() & ~3;
                if (p + 4 > bytes.Length) p = bytes.Length - 4;
                uint word = rng.Next(3) == 0 ? (uint)rng.Next() : HostileWords[rng.Next(HostileWords.Length)];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p), word);
                return (bytes, $"word {word:X8} at {p}");
            }
            case 2:
            {
                int length = rng.Next(original.Length);
                return (original.AsSpan(0, length).ToArray(), $"truncate to {length}");
            }
            default:
            {
                var bytes = (byte[])original.Clone();
                int n = rng.Next(2, 9);
                for (int k = 0; k < n; k++) bytes[Position()] = (byte)rng.Next(256);
                return (bytes, $"{n} random bytes");
            }
        }
    }
}
