using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// The project's own LSTM golden data, tests/data/lstm/&lt;variant&gt;/ (README.md there says how it was made): the
/// variant's model.tflite written by <see cref="LstmTestModels"/>, input0.bin holding <see cref="Steps"/> input tensors
/// back to back (seeded random bytes) and golden.output0.bin, TFLM's outputs of those invokes on one interpreter.
/// </summary>
public static class LstmTestData
{
    /// <summary>Invokes per case: the state must carry over between them.</summary>
    public const int Steps = 3;

    /// <summary>tests/data/lstm in the repository.</summary>
    public static string Root => Checkout.Path("tests", "data", "lstm");

    /// <summary>Folder of a variant.</summary>
    public static string Dir(string variant) => Path.Combine(Root, variant);

    /// <summary>The variant's model bytes as the generator writes them.</summary>
    public static byte[] ModelBytes(LstmSpec spec) => TfliteWriter.Write(LstmTestModels.Build(spec));

    /// <summary><see cref="Steps"/> seeded random input tensors of <paramref name="bytes"/> bytes each, back to back.</summary>
    public static byte[] Inputs(LstmSpec spec, int bytes)
    {
        var rng = new Random(1000 + spec.Seed);
        var data = new byte[bytes * Steps];
        rng.NextBytes(data);
        return data;
    }
}
