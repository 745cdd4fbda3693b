namespace TinyLite.Cli;

/// <summary>
/// The device assemblies turned into nanoCLR's <c>.pe</c> format (and their <c>.pdbx</c> debug maps) by
/// nanoFramework's metadata processor, as tests/nanoclr/run-lane.sh does: every assembly and mscorlib given as load
/// hints, then <c>-parse DLL -compile PE false</c> per assembly.
/// </summary>
public static class PeFiles
{
    /// <summary>The variable naming the metadata processor's <c>nanoFramework.Tools.MetadataProcessor.dll</c>.</summary>
    public const string MdpVariable = "TINYLITE_NF_MDP";

    /// <summary>The metadata processor's dll from <see cref="MdpVariable"/>, or null when the variable is unset.</summary>
    /// <exception cref="CliError">The variable names a file that does not exist.</exception>
    public static string? MetadataProcessor()
    {
        string? mdp = Environment.GetEnvironmentVariable(MdpVariable);
        if (string.IsNullOrEmpty(mdp)) return null;
        if (!File.Exists(mdp)) throw new CliError($"{MdpVariable}={mdp}: no such file (it names the metadata processor's nanoFramework.Tools.MetadataProcessor.dll)");
        return Path.GetFullPath(mdp);
    }

    /// <summary>
    /// The folder of nanoFramework.CoreLibrary <paramref name="version"/>'s <c>mscorlib.dll</c> in the NuGet cache
    /// (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>), where restoring the device projects puts it.
    /// </summary>
    public static string CoreLibraryFolder(string version)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(cache, RuntimePackage.CoreLibraryId.ToLowerInvariant(), version, "lib");
    }

    /// <summary>Writes <c>ID.pe</c> and <c>ID.pdbx</c> of every package's assembly into <paramref name="outFolder"/>.</summary>
    /// <exception cref="CliError">mscorlib.dll is not in the cache, or the metadata processor fails or writes no .pe.</exception>
    public static void Build(string mdp, IReadOnlyList<RuntimePackage> packages, string coreLibraryVersion, string outFolder)
    {
        string mscorlib = Path.Combine(CoreLibraryFolder(coreLibraryVersion), "mscorlib.dll");
        if (!File.Exists(mscorlib))
            throw new CliError($"{mscorlib}: not found (restoring the device projects puts nanoFramework.CoreLibrary {coreLibraryVersion} there)");
        Directory.CreateDirectory(outFolder);
        var hints = new List<string> { "-loadHints", "mscorlib", mscorlib };
        foreach (var p in packages) hints.AddRange(["-loadHints", p.Id, p.Assembly]);
        foreach (var p in packages)
        {
            string pe = Path.Combine(outFolder, p.Id + ".pe");
            ChildProcess.Run($"the metadata processor on {p.Id}.dll", outFolder, "dotnet",
                [mdp, .. hints, "-parse", p.Assembly, "-compile", pe, "false"]);
            if (!File.Exists(pe) || new FileInfo(pe).Length == 0)
                throw new CliError($"the metadata processor wrote no {pe}");
        }
    }
}
