using System.Reflection;
using DeviceRunner = nanoFramework.TestFramework.TestRunner;
using DeviceOutcome = nanoFramework.TestFramework.TestOutcome;

namespace TinyLite.Tests.DeviceStyle;

/// <summary>
/// Runs the nanoFramework-style runtime tests of tests/nanoclr/RuntimeTests (the ones the nanoCLR lane runs on the
/// device) on the host, each as one xunit case, through the same TestFramework look-alike runner.
/// </summary>
public class DeviceStyleTests
{
    private static readonly Assembly DeviceTests = typeof(TinyLite.DeviceTests.KernelTests).Assembly;

    /// <summary>"Class.Method" of every device-style test.</summary>
    public static IEnumerable<object[]> Tests() =>
        DeviceRunner.TestClasses(DeviceTests)
            .SelectMany(type => DeviceRunner.TestMethods(type).Select(method => new object[] { type.Name + "." + method.Name }));

    [SkippableTheory]
    [MemberData(nameof(Tests))]
    public void RunsOnTheHost(string name)
    {
        string[] parts = name.Split('.');
        Type type = DeviceRunner.TestClasses(DeviceTests).Single(t => t.Name == parts[0]);
        MethodInfo method = DeviceRunner.TestMethods(type).Single(m => m.Name == parts[1]);

        var result = DeviceRunner.Run(type, method);

        Skip.If(result.Outcome == DeviceOutcome.Skipped, result.Message);
        Assert.True(result.Outcome == DeviceOutcome.Passed, result.Message);
    }

    [Fact]
    public void TheRunnerFindsEveryTestClass()
    {
        string[] classes = DeviceRunner.TestClasses(DeviceTests).Select(t => t.Name).Order().ToArray();
        Assert.Equal(["Crc32Tests", "FixedPointTests", "ImageValidationTests", "KernelTests", "KeywordRecognizerTests", "SampleLoadingTests"], classes);
        Assert.Equal(5, DeviceRunner.TestMethods(typeof(TinyLite.DeviceTests.KernelTests)).Length);
    }

    [Fact]
    public void AFailingCheck_IsReportedAsFailed_WithItsMessage()
    {
        var result = DeviceRunner.Run(typeof(Failing), typeof(Failing).GetMethod(nameof(Failing.ComparesWrongly))!);
        Assert.Equal(DeviceOutcome.Failed, result.Outcome);
        Assert.Contains("expected 1, got 2", result.Message);

        result = DeviceRunner.Run(typeof(Failing), typeof(Failing).GetMethod(nameof(Failing.Throws))!);
        Assert.Equal(DeviceOutcome.Failed, result.Outcome);
        Assert.Contains("System.InvalidOperationException: broken", result.Message);

        result = DeviceRunner.Run(typeof(Failing), typeof(Failing).GetMethod(nameof(Failing.Skips))!);
        Assert.Equal(DeviceOutcome.Skipped, result.Outcome);
        Assert.Equal("not here", result.Message);
    }

    /// <summary>Tests that must fail, to show the runner reports them (not marked [TestClass]: never run as part of the suite).</summary>
    public class Failing
    {
        public void ComparesWrongly() => nanoFramework.TestFramework.Assert.AreEqual(1, 2);

        public void Throws() => throw new InvalidOperationException("broken");

        public void Skips() => nanoFramework.TestFramework.Assert.SkipTest("not here");
    }
}
