using System.Diagnostics;

namespace TinyLite.Tests.Cli;

/// <summary>
/// tests/lane-status.sh, which files each lane of ./test.sh under "ran" or "skipped" for the script's last line, from
/// the lines the lanes' own scripts print (quoted here from native-kernels/tests/qemu/run-golden.sh,
/// tests/nanoclr/run-lane.sh and native-kernels/tests/fuzz.sh).
/// </summary>
public sealed class LaneStatusTests() : TempFolderTests("tinylite-lanes-")
{
    private static string Script() => Checkout.Path("tests", "lane-status.sh");

    private string Status(string name, params string[] log)
    {
        string file = Path.Combine(TempDir, "lane.log");
        File.WriteAllLines(file, log);
        var p = Process.Start(new ProcessStartInfo("bash", [Script(), name, file]) { RedirectStandardOutput = true })!;
        string line = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return line.TrimEnd('\n');
    }

    [Fact]
    public void QemuToolMissing_IsSkippedAndSaysWhy() =>
        Assert.Equal("skipped: QEMU lane: qemu: SKIP, qemu-system-arm is not installed (apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm cmake)",
            Status("QEMU lane", "== building", "qemu: SKIP, qemu-system-arm is not installed (apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm cmake)"));

    [Fact]
    public void NanoClrWithoutItsVariables_IsSkipped() =>
        Assert.StartsWith("skipped: nanoCLR lane: nanoclr lane: skipped (set TINYLITE_NANOCLR",
            Status("nanoCLR lane", "nanoclr lane: skipped (set TINYLITE_NANOCLR to a posix nanoFramework.nanoCLR.test and TINYLITE_NF_MDP to the metadata processor's dll; tests/nanoclr/README.md)"));

    [Fact]
    public void FuzzingWithoutSeeds_IsSkipped() =>
        Assert.Equal("skipped: fuzzing: fuzz: ../shared/models is absent: no seed images, fuzzing skipped",
            Status("fuzzing", "fuzz: ../shared/models is absent: no seed images, fuzzing skipped"));

    [Fact]
    public void LaneThatLeftOutSomePlans_RanAndCountsThem() =>
        Assert.Equal("ran: QEMU lane (2 SKIP lines above)",
            Status("QEMU lane", "qemu: SKIP kws_dscnn with --plan patch: no patch", "m4 kws_dscnn layer: ok", "qemu: SKIP --plan patch for every model: x"));

    [Fact]
    public void LaneWithNoSkipLine_Ran() =>
        Assert.Equal("ran: QEMU lane", Status("QEMU lane", "m4 kws_dscnn layer: ok", "m7 kws_dscnn layer: ok"));
}
