using TinyLite.Tests.Cli;

namespace TinyLite.Tests.Packaging;

/// <summary>The quick checks of <c>tinylite pack</c> (the packing itself: <see cref="PackagesTests"/>).</summary>
[Collection("Console")]
public sealed class PackCommandTests() : TempFolderTests("tinylite-pack-cmd-")
{
    [Fact]
    public void Pack_OutdirIsAFile_RefusedWithOurMessage_BeforeBuilding()
    {
        string file = Path.Combine(TempDir, "packages");
        File.WriteAllText(file, "not a folder");
        var r = CliRunner.Run("pack", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"tinylite: error: {file}: is a file; give a folder to write into (it is created when missing)", r.Stderr.Trim());
        // Refused before any build: no progress line.
        Assert.DoesNotContain("pack [", r.Stdout);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void Help_ListsPack_WithTheToolPackageAndTheMetadataProcessorVariable()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        string line = r.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("pack <OUTDIR>"));
        Assert.Contains("TinyLite.Cli", line);
        Assert.Contains("TINYLITE_NF_MDP", line);
    }
}
