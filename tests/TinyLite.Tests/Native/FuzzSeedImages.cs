namespace TinyLite.Tests.Native;

/// <summary>
/// One-operator images of every kernel family for the native loader fuzzer (native-kernels/tests/fuzz.sh): the
/// single-operator models of <see cref="NativeAgreementTests"/>, compiled with the layer plan. The test checks that
/// they reach every family of the manifest; with TINYLITE_FUZZ_SEED_DIR set it also writes them there as
/// NAME.tlm, which is how fuzz.sh gets them.
/// </summary>
public class FuzzSeedImages
{
    [Fact]
    public void OneOperatorImages_CoverEveryKernelFamily()
    {
        string? folder = Environment.GetEnvironmentVariable("TINYLITE_FUZZ_SEED_DIR");
        var families = new HashSet<int>();
        int written = 0;
        foreach (var (name, build) in NativeAgreementTests.Models)
        {
            var graph = build();
            if (graph.Operators.Count != 1) continue;
            var compiled = Compiler.Compile(graph, new CompileOptions { Plan = PlanStrategy.Layer });
            foreach (var call in compiled.Plan.Calls) families.Add(call.Code / OpCode.FamilyRange);
            if (folder == null) continue;
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, "op_" + name + ".tlm");
            File.WriteAllBytes(path + ".tmp", compiled.Image);
            File.Move(path + ".tmp", path, overwrite: true);
            written++;
        }
        // Family numbers may have gaps (a number reserved for a family built elsewhere has no name).
        var missing = Enumerable.Range(1, KernelFamilies.Slots - 1).Where(f => KernelFamilies.Name(f) != null && !families.Contains(f))
            .Select(KernelFamilies.Name).ToList();
        Assert.True(missing.Count == 0, "no one-operator seed image for the families " + string.Join(", ", missing));
        if (folder != null) Assert.True(written > 0);
    }
}
