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
        string root = NanoFrameworkPaths.RepoRoot();
        string configuration = NanoFrameworkPaths.Configuration();
        string device = NanoFrameworkPaths.DeviceAssembly(root, configuration);
        Assert.True(File.Exists(device),
            "device build missing: " + device + " (build " + NanoFrameworkPaths.DeviceProject + " -c " + configuration +
            "; TinyLite.Tests references it so that building the tests builds it)");

        string? mscorlib = NanoFrameworkPaths.Mscorlib(root, out List<string> tried);
        Assert.True(mscorlib != null, "nanoFramework mscorlib.dll not found; looked in: " + string.Join(", ", tried));

        var checker = new NanoCompatChecker(new ReferenceAssembly(mscorlib!));
        IReadOnlyList<CompatViolation> violations = checker.CheckFile(device);

        Assert.True(violations.Count == 0,
            violations.Count + " construct(s) in " + device + " that nanoCLR cannot run:\n" + string.Join("\n", violations));
    }
}
