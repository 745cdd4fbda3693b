using System.Xml.Linq;

namespace TinyLite.Cli;

/// <summary>
/// What every package of the repository shares, read from the files that set it for the builds:
/// <c>Directory.Build.props</c> (Version, Authors, PackageLicenseExpression) and nf-runtime/device's
/// <c>NanoFramework.props</c> (the nanoFramework.CoreLibrary version the device assemblies compile against).
/// </summary>
public sealed record PackageFacts(string Version, string Authors, string LicenseExpression, string LicenseFile, string CoreLibraryVersion)
{
    /// <exception cref="CliError">One of the properties is missing.</exception>
    public static PackageFacts Load(string repoRoot)
    {
        var props = XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props"));
        string Get(string name) => props.Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault()
            ?? throw new CliError($"Directory.Build.props: no <{name}>");
        string nanoProps = Path.Combine(repoRoot, "nf-runtime", "device", "NanoFramework.props");
        string coreLibrary = XDocument.Load(nanoProps).Descendants("PackageReference")
            .Where(r => (string?)r.Attribute("Include") == RuntimePackage.CoreLibraryId)
            .Select(r => (string?)r.Attribute("Version")).FirstOrDefault()
            ?? throw new CliError($"{nanoProps}: no PackageReference to {RuntimePackage.CoreLibraryId} with a Version");
        return new PackageFacts(Get("Version"), Get("Authors"), Get("PackageLicenseExpression"), Path.Combine(repoRoot, "LICENSE"), coreLibrary);
    }
}
