namespace TinyLite.Tests.Quantize;

/// <summary>
/// The project's own int4 golden data, tests/data/int4/ (README.md there says how it was made): the int8 model of
/// <see cref="Int4TestModel"/>, the int4 and mixed files <c>tinylite quantize</c> wrote from it, seeded inputs and
/// TFLM's outputs on each file.
/// </summary>
public static class Int4TestData
{
    /// <summary>Input cases (case{k}.input0.bin).</summary>
    public const int Cases = 3;

    /// <summary>The quantized variants: file stem and the --weights / --max-error that wrote it.</summary>
    public static readonly (string Stem, string[] Args)[] Variants =
    [
        ("model_int4", ["--weights", "int4"]),
        ("model_auto", ["--weights", "auto", "--max-error", "-25"]),
    ];

    /// <summary>tests/data/int4 in the repository.</summary>
    public static string Root => Checkout.Path("tests", "data", "int4");

    /// <summary>A file of the folder.</summary>
    public static string File(string name) => Path.Combine(Root, name);
}
