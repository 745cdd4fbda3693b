using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace TinyLite.Tests.Compat;

/// <summary>
/// Finds the files the compatibility check needs: the device build of nf-runtime for
/// the configuration these tests were built in, and nanoFramework's <c>mscorlib.dll</c> in the NuGet
/// package folder the device project restored from.
/// </summary>
public static class NanoFrameworkPaths
{
    private const string PackageId = "nanoFramework.CoreLibrary";

    /// <summary>The device core project (its restore output locates mscorlib), relative to the repository root.</summary>
    public const string DeviceProject = "nf-runtime/device/TinyLite.Runtime/TinyLite.Runtime.Device.csproj";

    /// <summary>The folder holding one project per device assembly, relative to the repository root.</summary>
    public const string DeviceFolder = "nf-runtime/device";

    /// <summary>The device assemblies by project folder name (each folder builds the assembly of that name).</summary>
    public static readonly string[] DeviceAssemblyNames =
    [
        "TinyLite.Runtime.Native", "TinyLite.Runtime", "TinyLite.Kernels.Conv", "TinyLite.Kernels.Dense",
        "TinyLite.Kernels.Elementwise", "TinyLite.Kernels.Shape", "TinyLite.Kernels.Recurrent",
        "TinyLite.Kernels.Signal", "TinyLite.Kernels.Float", "TinyLite.Speech",
    ];

    /// <summary>The build configuration of this test assembly (Debug/Release), stamped by the test csproj.</summary>
    public static string Configuration()
    {
        foreach (AssemblyMetadataAttribute attribute in typeof(NanoFrameworkPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "TinyLite.Configuration" && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value;
            }
        }

        throw new InvalidOperationException("the test assembly lacks its TinyLite.Configuration metadata (see TinyLite.Tests.csproj)");
    }

    /// <summary>Where the device build of the given configuration puts assembly <paramref name="name"/>.</summary>
    public static string DeviceAssembly(string repoRoot, string configuration, string name)
    {
        return Path.Combine(repoRoot, DeviceFolder, name, "bin", configuration, "netstandard2.0", name + ".dll");
    }

    /// <summary>Every device assembly of the given configuration, in <see cref="DeviceAssemblyNames"/> order.</summary>
    public static IReadOnlyList<string> DeviceAssemblies(string repoRoot, string configuration)
    {
        return DeviceAssemblyNames.Select(name => DeviceAssembly(repoRoot, configuration, name)).ToList();
    }

    /// <summary>
    /// nanoFramework's <c>mscorlib.dll</c>: first from the device project's <c>obj/project.assets.json</c>
    /// (package folders × the package's path), then <c>NUGET_PACKAGES</c>, then <c>~/.nuget/packages</c>, with
    /// the version pinned in the device csproj. Null when none exists; <paramref name="tried"/> lists where it looked.
    /// </summary>
    public static string? Mscorlib(string repoRoot, out List<string> tried)
    {
        tried = new List<string>();
        string deviceDir = Path.GetDirectoryName(Path.Combine(repoRoot, DeviceProject))!;

        string assets = Path.Combine(deviceDir, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(assets));
            JsonElement root = json.RootElement;
            var folders = new List<string>();
            if (root.TryGetProperty("packageFolders", out JsonElement packageFolders))
            {
                folders.AddRange(packageFolders.EnumerateObject().Select(p => p.Name));
            }

            if (root.TryGetProperty("libraries", out JsonElement libraries))
            {
                foreach (JsonProperty library in libraries.EnumerateObject())
                {
                    if (library.Name.StartsWith(PackageId + "/", StringComparison.OrdinalIgnoreCase) &&
                        library.Value.TryGetProperty("path", out JsonElement path))
                    {
                        foreach (string folder in folders)
                        {
                            string candidate = Path.Combine(folder, path.GetString()!, "lib", "mscorlib.dll");
                            tried.Add(candidate);
                            if (File.Exists(candidate))
                            {
                                return candidate;
                            }
                        }
                    }
                }
            }
        }
        else
        {
            tried.Add(assets + " (missing: restore the device project)");
        }

        string? version = PinnedVersion(Path.Combine(repoRoot, DeviceProject));
        if (version == null)
        {
            return null;
        }

        var roots = new List<string>();
        string? nugetPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(nugetPackages))
        {
            roots.Add(nugetPackages);
        }

        roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        foreach (string packageRoot in roots)
        {
            string candidate = Path.Combine(packageRoot, PackageId.ToLowerInvariant(), version, "lib", "mscorlib.dll");
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The nanoFramework.CoreLibrary version the device csproj references, or null.</summary>
    private static string? PinnedVersion(string csproj)
    {
        if (!File.Exists(csproj))
        {
            return null;
        }

        return XDocument.Load(csproj).Descendants("PackageReference")
            .Where(e => string.Equals((string?)e.Attribute("Include"), PackageId, StringComparison.OrdinalIgnoreCase))
            .Select(e => (string?)e.Attribute("Version"))
            .FirstOrDefault();
    }
}
