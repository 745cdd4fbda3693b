using System.Text.Json;
using System.Xml.Linq;

namespace TinyLite.Cli;

/// <summary>
/// One nanoFramework NuGet package of the device runtime: a device assembly of nf-runtime/device (the projects of
/// <c>TinyLite.Device.slnf</c>) laid out as nanoFramework's own packages are: <c>lib/netnano1.0/</c> holding the
/// <c>.dll</c>, its <c>.xml</c> docs and <c>.pdb</c>, and the <c>.pe</c> and <c>.pdbx</c> the metadata processor
/// makes (when it ran); dependencies (for netnano1.0) on nanoFramework.CoreLibrary and on the sibling packages the
/// project references.
/// </summary>
public sealed record RuntimePackage(string Id, string ProjectFile, string Description, string[] SiblingDependencies)
{
    /// <summary>nanoFramework's target framework (NuGet knows it as .NETnanoFramework 1.0).</summary>
    public const string TargetFramework = "netnano1.0";

    /// <summary>The folder of the package's files inside the .nupkg.</summary>
    public const string LibFolder = "lib/" + TargetFramework + "/";

    /// <summary>The id of nanoFramework's mscorlib package, which every device assembly compiles against.</summary>
    public const string CoreLibraryId = "nanoFramework.CoreLibrary";

    /// <summary>The folder the Release build writes the assembly to (the device projects target netstandard2.0).</summary>
    public string BuildFolder => Path.Combine(Path.GetDirectoryName(ProjectFile)!, "bin", "Release", "netstandard2.0");

    /// <summary>The built assembly.</summary>
    public string Assembly => Path.Combine(BuildFolder, Id + ".dll");

    /// <summary>The device projects of <c>nf-runtime/device/TinyLite.Device.slnf</c>, in its order.</summary>
    /// <exception cref="CliError">A project misses its AssemblyName or Description.</exception>
    public static List<RuntimePackage> Load(string repoRoot)
    {
        string filter = Path.Combine(repoRoot, "nf-runtime", "device", "TinyLite.Device.slnf");
        using var json = JsonDocument.Parse(File.ReadAllText(filter));
        var projects = json.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
            .Select(p => Path.GetFullPath(Path.Combine(repoRoot, p.GetString()!))).ToList();
        return projects.Select(p => new RuntimePackage(
            Property(p, "AssemblyName"),
            p,
            Property(p, "Description"),
            XDocument.Load(p).Descendants("ProjectReference")
                .Select(r => Property(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(p)!, r.Attribute("Include")!.Value)), "AssemblyName"))
                .ToArray())).ToList();
    }

    /// <summary>The value of the first <paramref name="name"/> property the project file sets itself.</summary>
    private static string Property(string project, string name)
    {
        string? value = XDocument.Load(project).Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
        return value ?? throw new CliError($"{project}: no <{name}> (every device project names its package's {name})");
    }

    /// <summary>
    /// The .nuspec of this package: <paramref name="version"/> for it and its siblings (exact: the assemblies share
    /// kernel codes and image format), at least <paramref name="coreLibraryVersion"/> of nanoFramework.CoreLibrary,
    /// the files that exist among the assembly's <c>.dll .xml .pdb</c> (build folder) and <c>.pe .pdbx</c>
    /// (<paramref name="peFolder"/>, null when the metadata processor did not run), and the licence file.
    /// </summary>
    public XDocument Nuspec(PackageFacts facts, string? peFolder)
    {
        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        var files = new[] { ".dll", ".xml", ".pdb" }.Select(e => Path.Combine(BuildFolder, Id + e))
            .Concat(peFolder == null ? [] : new[] { ".pe", ".pdbx" }.Select(e => Path.Combine(peFolder, Id + e)))
            .Where(File.Exists)
            .Select(f => new XElement(ns + "file", new XAttribute("src", f), new XAttribute("target", LibFolder)))
            .Append(new XElement(ns + "file", new XAttribute("src", facts.LicenseFile), new XAttribute("target", "LICENSE")));
        var dependencies = new[] { new XElement(ns + "dependency", new XAttribute("id", CoreLibraryId), new XAttribute("version", facts.CoreLibraryVersion)) }
            .Concat(SiblingDependencies.Select(d => new XElement(ns + "dependency", new XAttribute("id", d), new XAttribute("version", $"[{facts.Version}]"))));
        return new XDocument(new XElement(ns + "package",
            new XElement(ns + "metadata",
                new XElement(ns + "id", Id),
                new XElement(ns + "version", facts.Version),
                new XElement(ns + "authors", facts.Authors),
                new XElement(ns + "license", new XAttribute("type", "expression"), facts.LicenseExpression),
                new XElement(ns + "description", Description),
                new XElement(ns + "tags", "nanoFramework tinyml tflite TinyLite"),
                new XElement(ns + "dependencies", new XElement(ns + "group", new XAttribute("targetFramework", TargetFramework), dependencies))),
            new XElement(ns + "files", files)));
    }
}
