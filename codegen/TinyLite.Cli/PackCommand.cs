using System.CommandLine;
using System.Reflection;

namespace TinyLite.Cli;

/// <summary>
/// <c>tinylite pack OUTDIR</c>: from a TinyLite checkout, writes into OUTDIR the device runtime as nanoFramework
/// NuGet packages (one per device assembly, <see cref="RuntimePackage"/>) and the CLI as the .NET tool package
/// <c>TinyLite.Cli</c> (with the board profiles, the keyword demo's data and, when it builds, the host native
/// library). README "Packages" says how to use them.
/// </summary>
public static class PackCommand
{
    /// <summary>The .NET tool package's id.</summary>
    public const string ToolPackageId = "TinyLite.Cli";

    public static Command Create()
    {
        var outDir = new Argument<string>("OUTDIR") { Description = "folder for the .nupkg files (created when missing)" };
        var cmd = new Command("pack", $"Build the NuGet packages into OUTDIR: the nanoFramework runtime packages (TinyLite.Runtime, TinyLite.Kernels.*, ...; .pe files when {PeFiles.MdpVariable} names the metadata processor) and the .NET tool {ToolPackageId} (dotnet tool install --add-source OUTDIR {ToolPackageId}); runs from a TinyLite checkout")
        {
            outDir,
        };
        cmd.SetAction(r => CliError.Guard(() => Run(r.GetValue(outDir)!, Console.Out)));
        return cmd;
    }

    /// <summary>Builds and packs everything into <paramref name="outDir"/>, with progress lines on <paramref name="output"/>.</summary>
    public static int Run(string outDir, TextWriter output)
    {
        OutputPaths.CheckFolder(outDir);
        string root = Boards.FindRepoRoot()
            ?? throw new CliError($"pack: builds the packages from a TinyLite checkout, and this tinylite runs from {ToolFiles.InstallFolder}, outside one (run ./tinylite pack in the checkout)");
        string outFull = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outFull);
        var facts = PackageFacts.Load(root);
        var packages = RuntimePackage.Load(root);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Progress(string line) => output.WriteLine($"pack [{clock.Elapsed.TotalSeconds,3:F0} s]: {line}");

        string work = Directory.CreateTempSubdirectory("tinylite-pack-").FullName;
        try
        {
            Progress($"device assemblies ({packages.Count}, dotnet build -c Release)");
            string slnf = Path.Combine(root, "nf-runtime", "device", "TinyLite.Device.slnf");
            ChildProcess.Run("building the device assemblies", root, "dotnet", "build", slnf, "-c", "Release", "-nologo", "-v", "q");

            string? mdp = PeFiles.MetadataProcessor();
            string? peFolder = null;
            if (mdp != null)
            {
                Progress($"metadata processor ({mdp}): .pe and .pdbx of each assembly");
                peFolder = Path.Combine(work, "pe");
                PeFiles.Build(mdp, packages, facts.CoreLibraryVersion, peFolder);
            }
            else
            {
                Progress($"{PeFiles.MdpVariable} is not set: the runtime packages carry no .pe/.pdbx files (a nanoFramework app cannot deploy " +
                         $"them as they are); set {PeFiles.MdpVariable} to the metadata processor's nanoFramework.Tools.MetadataProcessor.dll to include them");
            }

            // Each device project packs from the .nuspec written here (NanoFramework.props points NuspecFile at it).
            string nuspecs = Path.Combine(work, "nuspec");
            Directory.CreateDirectory(nuspecs);
            foreach (var p in packages)
                p.Nuspec(facts, peFolder).Save(Path.Combine(nuspecs, Path.GetFileNameWithoutExtension(p.ProjectFile) + ".nuspec"));
            Progress($"runtime packages: {string.Join(", ", packages.Select(p => p.Id))}");
            ChildProcess.Run("packing the runtime packages", root, "dotnet", "pack", slnf, "-c", "Release", "--no-build", "-nologo", "-v", "q",
                "-o", outFull, $"-p:TinyLiteNuspecDir={nuspecs}{Path.DirectorySeparatorChar}");

            PackTool(root, outFull, Progress);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        Progress($"done: {packages.Count + 1} packages in {outDir} (install the CLI: dotnet tool install --tool-path DIR --add-source {outDir} " +
                 $"{ToolPackageId}; without internet access add --version {facts.Version})");
        return 0;
    }

    /// <summary>
    /// Packs the CLI as it was built for this run (the <c>tinylite</c> script builds it first; no rebuild, so the
    /// running assembly is never overwritten), with the host native library when native-kernels builds.
    /// </summary>
    private static void PackTool(string root, string outFull, Action<string> progress)
    {
        string native = Path.Combine(root, ".build", "native", ToolFiles.NativeLibraryFileName);
        try
        {
            progress("host native kernels (native-kernels/build-host.sh)");
            ChildProcess.Run("building the native kernels", root, Path.Combine(root, "native-kernels", "build-host.sh"));
        }
        catch (CliError e)
        {
            progress(File.Exists(native)
                ? $"warning: the native kernels did not build; the tool package carries {ToolFiles.NativeLibraryFileName} from an earlier build: {e.Message.Split('\n')[0]}"
                : $"warning: the native kernels did not build, so the tool package has no {ToolFiles.NativeLibraryFileName} (its --kernels native says so): {e.Message.Split('\n')[0]}");
        }
        string configuration = typeof(PackCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        progress($"tool package {ToolPackageId} (the CLI's {configuration} build{(File.Exists(native) ? $", {ToolFiles.NativeLibraryFileName}" : "")}, boards/, demo/kws/)");
        ChildProcess.Run($"packing {ToolPackageId}", root, "dotnet", "pack", Path.Combine(root, "codegen", "TinyLite.Cli", "TinyLite.Cli.csproj"),
            "-c", configuration, "--no-build", "-nologo", "-v", "q", "-o", outFull);
    }
}
