using System.Collections.Concurrent;

namespace TinyLite.Tests.Support;

/// <summary>
/// The shared models compiled once per (model, plan, CMSIS-NN scratch) for the whole test run: the golden tests
/// (managed and native) and the high-water test all read the same images. Each compile asserts it used the plan asked for.
/// </summary>
public static class GoldenImages
{
    private static readonly ConcurrentDictionary<(string Model, PlanStrategy Plan, bool CmsisNn), byte[]> Images = new();

    /// <summary>The image of shared model <paramref name="model"/> under <paramref name="plan"/> (a copy the caller may keep).</summary>
    public static byte[] Get(string model, PlanStrategy plan, bool cmsisNn = false) =>
        (byte[])Images.GetOrAdd((model, plan, cmsisNn), key =>
        {
            string path = Path.Combine(SharedModels.Dir(key.Model), "model.tflite");
            var compiled = Compiler.Compile(File.ReadAllBytes(path), path, new CompileOptions { Plan = key.Plan, CmsisNn = key.CmsisNn });
            Assert.Equal(key.Plan, compiled.Report.Plan);
            return compiled.Image;
        }).Clone();
}
