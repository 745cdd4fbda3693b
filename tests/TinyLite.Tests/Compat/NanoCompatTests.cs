namespace TinyLite.Tests.Compat;

/// <summary>
/// The nanoFramework compatibility gate: the device build of nf-runtime (compiled against nanoFramework's
/// mscorlib; the test project's ProjectReference builds it first) must contain nothing nanoCLR cannot run.
/// </summary>
public class NanoCompatTests
{
    [Fact]
    public void DeviceBuild_HasNothingNanoClrCannotRun()
    {
        string root = Checkout.Root();
        string configuration = NanoFrameworkPaths.Configuration();
        IReadOnlyList<string> devices = NanoFrameworkPaths.DeviceAssemblies(root, configuration);
        foreach (string device in devices)
        {
            Assert.True(File.Exists(device),
                "device build missing: " + device + " (build the projects in " + NanoFrameworkPaths.DeviceFolder + " -c " + configuration +
                "; TinyLite.Tests references them so that building the tests builds them)");
        }

        string? mscorlib = NanoFrameworkPaths.Mscorlib(root, out List<string> tried);
        Assert.True(mscorlib != null, "nanoFramework mscorlib.dll not found; looked in: " + string.Join(", ", tried));

        // Each assembly is checked against mscorlib and the other device assemblies, so calls between them are
        // resolved (and verified) too.
        var references = new List<ReferenceAssembly> { new(mscorlib!) };
        references.AddRange(devices.Select(path => new ReferenceAssembly(path)));
        var checker = new NanoCompatChecker(references.ToArray());
        var violations = new List<string>();
        foreach (string device in devices)
        {
            violations.AddRange(checker.CheckFile(device).Select(v => Path.GetFileName(device) + ": " + v));
        }

        Assert.True(violations.Count == 0,
            violations.Count + " construct(s) in the device assemblies that nanoCLR cannot run:\n" + string.Join("\n", violations));
    }
}
