using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TinyLite.Cli;
using TinyLite.Codegen.Demo;
using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Cli;

namespace TinyLite.Tests.Packaging;

/// <summary>
/// <c>tinylite pack</c> end to end (issue #14 item 1): the runtime packages in nanoFramework's layout, the .NET tool
/// package, and the tool installed into an empty folder compiling and running a model from a folder outside the
/// checkout exactly as the CLI does in-process. Packing runs several dotnet builds (a minute or more), so these
/// tests carry the Packaging category: test.sh runs them as their own step, after the main xunit run.
/// </summary>
[Trait("Category", "Packaging")]
[Collection("Console")]
public sealed class PackagesTests(PackedFixture packed) : IClassFixture<PackedFixture>
{
    /// <summary>Each device assembly's package and the sibling packages it depends on (its project references).</summary>
    private static readonly Dictionary<string, string[]> RuntimePackages = new()
    {
        ["TinyLite.Runtime.Native"] = [],
        ["TinyLite.Runtime"] = ["TinyLite.Runtime.Native"],
        ["TinyLite.Kernels.Conv"] = ["TinyLite.Runtime"],
        ["TinyLite.Kernels.Dense"] = ["TinyLite.Runtime"],
        ["TinyLite.Kernels.Elementwise"] = ["TinyLite.Runtime"],
        ["TinyLite.Kernels.Float"] = ["TinyLite.Runtime"],
        ["TinyLite.Kernels.Recurrent"] = ["TinyLite.Runtime"],
        ["TinyLite.Kernels.Shape"] = ["TinyLite.Runtime"],
        ["TinyLite.Kernels.Signal"] = ["TinyLite.Runtime"],
        ["TinyLite.Speech"] = ["TinyLite.Runtime"],
    };

    [Fact]
    public void RuntimePackages_HaveNanoFrameworksLayout_LicenceAndDependencies()
    {
        string coreLibrary = CoreLibraryVersion();
        bool withPe = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TINYLITE_NF_MDP"));
        foreach (var (id, siblings) in RuntimePackages)
        {
            string nupkg = Path.Combine(packed.OutDir, $"{id}.0.1.0.nupkg");
            Assert.True(File.Exists(nupkg), $"{nupkg} missing; pack said:\n{packed.Log}");
            using var zip = ZipFile.OpenRead(nupkg);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            foreach (string ext in new[] { ".dll", ".xml", ".pdb" })
                Assert.Contains($"lib/netnano1.0/{id}{ext}", entries);
            foreach (string ext in new[] { ".pe", ".pdbx" })
                Assert.Equal(withPe, entries.Contains($"lib/netnano1.0/{id}{ext}"));
            Assert.Contains("LICENSE", entries);
            // Nothing outside lib/netnano1.0 but the licence and NuGet's own parts.
            Assert.All(entries.Where(e => e.StartsWith("lib/")), e => Assert.StartsWith("lib/netnano1.0/", e));

            var metadata = Nuspec(zip, id);
            Assert.Equal(id, Value(metadata, "id"));
            Assert.Equal("0.1.0", Value(metadata, "version"));
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
            var group = Assert.Single(metadata.Descendants(), e => e.Name.LocalName == "group");
            Assert.Equal(".NETnanoFramework1.0", (string?)group.Attribute("targetFramework"));
            var dependencies = group.Elements().ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
            var expected = siblings.ToDictionary(s => s, _ => "[0.1.0]");
            expected["nanoFramework.CoreLibrary"] = coreLibrary;
            Assert.Equal(expected.OrderBy(p => p.Key), dependencies.OrderBy(p => p.Key));
        }
        if (!withPe)
            Assert.Contains("TINYLITE_NF_MDP is not set", packed.Log);
    }

    [Fact]
    public void RuntimeAssemblies_InThePackages_AreTheDeviceBuild()
    {
        // The packed .dll is the nanoFramework build (it references mscorlib, not netstandard/System.Runtime).
        using var zip = ZipFile.OpenRead(Path.Combine(packed.OutDir, "TinyLite.Runtime.0.1.0.nupkg"));
        using var dll = new MemoryStream();
        using (var s = zip.GetEntry("lib/netnano1.0/TinyLite.Runtime.dll")!.Open()) s.CopyTo(dll);
        dll.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(dll);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("mscorlib", references);
        Assert.DoesNotContain("netstandard", references);
        Assert.DoesNotContain("System.Runtime", references);
    }

    [Fact]
    public void RuntimePackages_BuildAnSdkStyleNanoFrameworkProject()
    {
        // A project like the repository's own nanoFramework ones (NanoFramework.props: netstandard2.0 against
        // nanoFramework's mscorlib) referencing one kernel family package: the rest comes as its dependencies. Its own
        // packages folder, so no earlier package of the same version is taken from the machine's NuGet cache.
        string work = Directory.CreateTempSubdirectory("tinylite-consumer-").FullName;
        try
        {
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
                ? set : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string props = Path.Combine(RepoRoot(), "nf-runtime", "device", "NanoFramework.props");
            File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{props}" />
                  <PropertyGroup>
                    <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                    <RestoreSources>{packed.OutDir};{cache}</RestoreSources>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="Consumer.cs" />
                    <PackageReference Include="TinyLite.Kernels.Dense" Version="0.1.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(work, "Consumer.cs"), """
                namespace Consumer
                {
                    /// <summary>Runs an image with the Dense family.</summary>
                    public static class App
                    {
                        /// <summary>Registers the family and loads the image.</summary>
                        public static int Outputs(byte[] image)
                        {
                            TinyLite.Runtime.Kernels.Dense.DenseFamily.Register();
                            return new TinyLite.Runtime.Interpreter(image).OutputCount;
                        }
                    }
                }
                """);
            var build = PackedFixture.Exec("dotnet", work, "build", "-nologo", "-v", "q");
            Assert.True(build.Code == 0, build.Stdout + build.Stderr);
            string assets = File.ReadAllText(Path.Combine(work, "obj", "project.assets.json"));
            foreach (string id in new[] { "TinyLite.Kernels.Dense", "TinyLite.Runtime", "TinyLite.Runtime.Native" })
                Assert.Contains($"lib/netnano1.0/{id}.dll", assets);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void ToolPackage_IsADotnetTool_CarryingBoardsAndTheDemoData()
    {
        string nupkg = Path.Combine(packed.OutDir, "TinyLite.Cli.0.1.0.nupkg");
        Assert.True(File.Exists(nupkg), $"{nupkg} missing; pack said:\n{packed.Log}");
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        const string tool = "tools/net10.0/any/";
        foreach (string file in new[] { "tinylite.dll", "DotnetToolSettings.xml", "boards/speed.json", "boards/esp32/board.json",
                                        "boards/stm32f429i-disco/board.json", "demo/kws/kws_yes_no.tflite", "demo/kws/clip.wav" })
            Assert.Contains(tool + file, entries);
        var metadata = Nuspec(zip, "TinyLite.Cli");
        Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.Equal("DotnetTool", (string?)metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name"));
        using var settings = zip.GetEntry(tool + "DotnetToolSettings.xml")!.Open();
        var command = Assert.Single(XDocument.Load(settings).Descendants("Command"));
        Assert.Equal(("tinylite", "tinylite.dll"), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
        // The host native library travels when this machine built it (test.sh builds it before the tests).
        bool built = File.Exists(Path.Combine(RepoRoot(), ".build", "native", ToolFiles.NativeLibraryFileName));
        Assert.Equal(built, entries.Contains(tool + ToolFiles.NativeLibraryFileName));
    }

    [Fact]
    public void InstalledTool_CompilesAndRunsOutsideTheCheckout_LikeTheCliInProcess()
    {
        // A working folder outside the checkout: the tool must find its boards and library in its own package.
        string work = Directory.CreateTempSubdirectory("tinylite-installed-").FullName;
        try
        {
            Assert.False(Path.GetFullPath(work).StartsWith(RepoRoot() + Path.DirectorySeparatorChar), $"{work} lies in the checkout");
            File.WriteAllBytes(Path.Combine(work, "line_detector.tflite"), TfliteWriter.Write(LineDetectorModel.Build()));
            byte[] picture = LineDetectorModel.Picture("vertical", seed: 5);
            File.WriteAllBytes(Path.Combine(work, "in.bin"), picture);

            var compile = packed.Tool(work, "compile", "line_detector.tflite", "-o", "installed.tlm", "--board", "stm32f429i-disco");
            Assert.True(compile.Code == 0, compile.Stderr);
            var run = packed.Tool(work, "run", "installed.tlm", "-i", "in.bin", "-o", "installed-out");
            Assert.True(run.Code == 0, run.Stderr);

            // The same commands in-process (the checkout's CLI, its boards/) on the same files.
            var inProcess = CliRunner.Run("compile", Path.Combine(work, "line_detector.tflite"), "-o", Path.Combine(work, "cli.tlm"), "--board", "stm32f429i-disco");
            Assert.True(inProcess.ExitCode == 0, inProcess.Stderr);
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "cli.tlm")), File.ReadAllBytes(Path.Combine(work, "installed.tlm")));
            // The board line (budgets and speed figures from the packaged boards/) is the in-process one.
            string BoardLine(string stdout) => stdout.Split('\n').Single(l => l.StartsWith("board stm32f429i-disco: ")).TrimEnd('\r');
            Assert.Equal(BoardLine(inProcess.Stdout), BoardLine(compile.Stdout));

            var interpreter = new Interpreter(File.ReadAllBytes(Path.Combine(work, "cli.tlm")));
            interpreter.SetInput(0, picture);
            interpreter.Invoke();
            Assert.Equal(interpreter.GetOutput(0), File.ReadAllBytes(Path.Combine(work, "installed-out", "output0.bin")));

            if (packed.ToolHasNativeLibrary)
            {
                var native = packed.Tool(work, "run", "installed.tlm", "-i", "in.bin", "-o", "native-out", "--kernels", "native");
                Assert.True(native.Code == 0, native.Stderr);
                Assert.Equal(interpreter.GetOutput(0), File.ReadAllBytes(Path.Combine(work, "native-out", "output0.bin")));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void InstalledTool_Demo_RunsFromThePackagedKeywordData()
    {
        string work = Directory.CreateTempSubdirectory("tinylite-installed-demo-").FullName;
        try
        {
            var demo = packed.Tool(work, "demo");
            Assert.True(demo.Code == 0, demo.Stderr);
            Assert.Contains("keyword spotting with the project's own models", demo.Stdout);
            // TFLM's models do not travel: outside a checkout the message says where they were looked for.
            var microSpeech = packed.Tool(work, "demo", "--micro-speech");
            Assert.Equal(1, microSpeech.Code);
            Assert.Contains("outside a TinyLite checkout, tinylite looks for ../shared/models from the current folder", microSpeech.Stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void InstalledTool_WithoutTheNativeLibrary_RunKernelsNative_SaysSo()
    {
        // A package made where native-kernels could not build: the installed files without the library.
        string installed = Path.GetDirectoryName(Directory.EnumerateFiles(Path.Combine(packed.ToolDir, ".store"), "tinylite.dll", SearchOption.AllDirectories).Single())!;
        string work = Directory.CreateTempSubdirectory("tinylite-no-native-").FullName;
        try
        {
            string copy = Path.Combine(work, "tool");
            foreach (string file in Directory.EnumerateFiles(installed, "*", SearchOption.AllDirectories))
            {
                if (Path.GetFileName(file) == ToolFiles.NativeLibraryFileName) continue;
                string target = Path.Combine(copy, Path.GetRelativePath(installed, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            File.WriteAllBytes(Path.Combine(work, "line_detector.tflite"), TfliteWriter.Write(LineDetectorModel.Build()));
            File.WriteAllBytes(Path.Combine(work, "in.bin"), LineDetectorModel.Picture("blank", seed: 1));
            var run = PackedFixture.Exec("dotnet", work, Path.Combine(copy, "tinylite.dll"), "run", "line_detector.tflite", "-i", "in.bin", "-o", "out", "--kernels", "native");
            Assert.Equal(1, run.Code);
            Assert.Contains("--kernels native: this tinylite was installed without the native kernels library", run.Stderr);
            Assert.Contains("use --kernels managed", run.Stderr);
            var managed = PackedFixture.Exec("dotnet", work, Path.Combine(copy, "tinylite.dll"), "run", "line_detector.tflite", "-i", "in.bin", "-o", "out");
            Assert.True(managed.Code == 0, managed.Stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void InstalledTool_Pack_SaysItNeedsACheckout()
    {
        var pack = packed.Tool(Path.GetTempPath(), "pack", Path.Combine(Path.GetTempPath(), "tinylite-never-written"));
        Assert.Equal(1, pack.Code);
        Assert.Contains("from a TinyLite checkout", pack.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "tinylite-never-written")));
    }

    private static XElement Nuspec(ZipArchive zip, string id)
    {
        var entry = zip.Entries.Single(e => e.FullName == id + ".nuspec");
        using var s = entry.Open();
        return XDocument.Load(s).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    /// <summary>The nanoFramework.CoreLibrary version the device projects compile against (NanoFramework.props).</summary>
    private static string CoreLibraryVersion()
    {
        string props = File.ReadAllText(Path.Combine(RepoRoot(), "nf-runtime", "device", "NanoFramework.props"));
        return Regex.Match(props, "Include=\"nanoFramework.CoreLibrary\" Version=\"([^\"]+)\"").Groups[1].Value;
    }

    internal static string RepoRoot() => Boards.FindRepoRoot() ?? throw new InvalidOperationException("the tests run outside the checkout");
}

/// <summary>
/// Packs once for the class: <c>tinylite pack</c> into a temporary folder, then the tool installed from there into
/// an empty folder with a NuGet configuration that knows that folder only (no other feed is needed).
/// </summary>
public sealed class PackedFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tinylite-pack-tests-").FullName;

    public PackedFixture()
    {
        var log = new StringWriter();
        try
        {
            Assert.Equal(0, PackCommand.Run(OutDir, log));
        }
        catch (CliError e)
        {
            throw new InvalidOperationException($"tinylite pack failed: {e.Message}\n{log}", e);
        }
        Log = log.ToString();
        string config = Path.Combine(_root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{OutDir}" />
              </packageSources>
            </configuration>
            """);
        var install = Exec("dotnet", _root, "tool", "install", "--tool-path", ToolDir, "--configfile", config, PackCommand.ToolPackageId);
        if (install.Code != 0) throw new InvalidOperationException($"dotnet tool install failed:\n{install.Stdout}{install.Stderr}");
        ToolHasNativeLibrary = Directory.EnumerateFiles(ToolDir, ToolFiles.NativeLibraryFileName, SearchOption.AllDirectories).Any();
    }

    /// <summary>Where the packages were written.</summary>
    public string OutDir => Path.Combine(_root, "packages");

    /// <summary>The folder the tool was installed into (it holds the <c>tinylite</c> command).</summary>
    public string ToolDir => Path.Combine(_root, "tools");

    /// <summary>What <c>tinylite pack</c> printed.</summary>
    public string Log { get; }

    /// <summary>True when the installed tool carries the host native library.</summary>
    public bool ToolHasNativeLibrary { get; }

    public sealed record Result(int Code, string Stdout, string Stderr);

    /// <summary>Runs the installed <c>tinylite</c> in <paramref name="workingDirectory"/>.</summary>
    public Result Tool(string workingDirectory, params string[] args) => Exec(Path.Combine(ToolDir, "tinylite"), workingDirectory, args);

    /// <summary>Runs <paramref name="file"/> in <paramref name="workingDirectory"/>, without the variables that could point back into the checkout.</summary>
    public static Result Exec(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in args) start.ArgumentList.Add(a);
        // Nothing from the test host's build or the developer's setup may point the tool back into the checkout.
        start.Environment.Remove("TINYLITE_NATIVE_LIB");
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
