using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Tests.Support;

namespace TinyLite.Tests.Golden;

/// <summary>Every shared model and case: our outputs must be byte-identical to TFLM's reference kernels.</summary>
public class GoldenModelTests
{
    public static IEnumerable<object[]> Rows() => SharedModels.CaseRows();

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void CompiledImage_MatchesTflmGoldenBitExact(string model, string caseName)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var c = SharedModels.Cases(model).Single(x => x.Name == caseName);
        string path = Path.Combine(SharedModels.Dir(model), "model.tflite");
        var compiled = Compiler.Compile(File.ReadAllBytes(path), path);

        // The image goes through its byte form, exactly as a .tlm file would.
        var interpreter = new Interpreter((byte[])compiled.Image.Clone());
        Assert.Equal(c.Inputs.Length, interpreter.InputCount);
        for (int i = 0; i < c.Inputs.Length; i++) interpreter.SetInput(i, File.ReadAllBytes(c.Inputs[i]));
        interpreter.Invoke();
        Assert.Equal(c.Golden.Length, interpreter.OutputCount);
        for (int j = 0; j < c.Golden.Length; j++)
            ByteAssert.Equal(File.ReadAllBytes(c.Golden[j]), interpreter.GetOutput(j), $"{model}/{caseName} output {j}");
    }
}
