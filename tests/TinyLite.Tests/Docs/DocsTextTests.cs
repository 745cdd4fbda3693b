using System.Text.RegularExpressions;

namespace TinyLite.Tests.Docs;

/// <summary>
/// The bench text points only at files of the repository (no paths of the machines the figures were measured on),
/// and the README documents every compile option and what a fresh Debian machine needs.
/// </summary>
public class DocsTextTests
{
    private static string Root() => Checkout.Root();

    private static readonly string[] TopFolders = ["codegen/", "nf-runtime/", "native-kernels/", "tests/", "boards/", "bench/", "docs/", "samples/"];

    public static TheoryData<string> BenchTexts() =>
        new(Directory.GetFiles(Path.Combine(Root(), "bench"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root(), f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BenchTexts))]
    public void BenchText_RepositoryPathsExistAndNoMachinePaths(string file)
    {
        string text = File.ReadAllText(Path.Combine(Root(), file));
        var missing = Regex.Matches(text, "`([^`\\s]+)`").Select(m => m.Groups[1].Value.TrimEnd('.', ',', ';', ':'))
            .Where(p => TopFolders.Any(p.StartsWith) && p.IndexOfAny(['*', '{', '}', '<', '>', '$']) < 0)
            .Where(p => !File.Exists(Path.Combine(Root(), p)) && !Directory.Exists(Path.Combine(Root(), p)))
            .Distinct().ToList();
        Assert.True(missing.Count == 0, $"{file} names files the repository does not have: {string.Join(", ", missing)}");
        var machine = Regex.Matches(text, @"(?<![\w.])/(work|home|Users|root|mnt)/\S*").Select(m => m.Value).ToList();
        Assert.True(machine.Count == 0, $"{file} names paths of another machine: {string.Join(", ", machine)}");
    }

    [Fact]
    public void Readme_DocumentsEveryCompileOptionAndTheInstall()
    {
        string readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        foreach (string option in new[] { "--weights", "--cmsis-nn", "--name", "--board", "--plan", "--max-extra-macs", "--report", "--emit-c", "--emit-cs" })
            Assert.Contains(option, readme);
        int install = readme.IndexOf("\n## Install", StringComparison.Ordinal);
        Assert.True(install >= 0, "README has no Install section");
        string section = readme[install..];
        section = section[..(section.IndexOf("\n## ", 5, StringComparison.Ordinal) is int end and > 0 ? end : section.Length)];
        foreach (string need in new[] { "dotnet-sdk-10.0", "cmake", "gcc", "gcc-arm-none-eabi", "libnewlib-arm-none-eabi", "qemu-system-arm", "apt-get install" })
            Assert.Contains(need, section);
    }
}
