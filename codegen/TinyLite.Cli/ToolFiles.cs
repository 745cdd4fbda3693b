namespace TinyLite.Cli;

/// <summary>
/// Where the CLI finds the files it reads besides its inputs (<c>boards/</c>, <c>demo/kws/</c>): next to its own
/// assembly first, where the .NET tool package puts them (<c>tinylite pack</c>), then in the TinyLite checkout the
/// CLI was built in. In a checkout the build output holds no copies, so edits to <c>boards/</c> take effect at once.
/// </summary>
public static class ToolFiles
{
    /// <summary>The folder of the running CLI's assembly (an installed tool's files live there).</summary>
    public static string InstallFolder => AppContext.BaseDirectory;

    /// <summary>
    /// <paramref name="relative"/> (e.g. <c>boards</c>) next to the CLI when that folder exists there, else under the
    /// checkout (<see cref="Boards.RepoRoot"/>, the current folder outside a checkout), whether or not it exists.
    /// </summary>
    public static string Folder(string relative)
    {
        string installed = Path.Combine(InstallFolder, relative);
        return Directory.Exists(installed) ? installed : Path.Combine(Boards.RepoRoot(), relative);
    }

    /// <summary>True when the CLI runs from a TinyLite checkout (TinyLite.sln above its assembly).</summary>
    public static bool InCheckout => Boards.FindRepoRoot() != null;

    /// <summary>
    /// Why <c>--kernels native</c> cannot run: the runtime's reason, and for an installed tool that its package was
    /// made without the host library (it is optional: <c>tinylite pack</c> leaves it out when it cannot build it).
    /// </summary>
    public static string NativeUnavailableReason()
    {
        string reason = TinyLite.Runtime.Native.NativeKernels.UnavailableReason;
        if (InCheckout || File.Exists(Path.Combine(InstallFolder, NativeLibraryFileName))) return reason;
        return $"this tinylite was installed without the native kernels library ({NativeLibraryFileName} is not in {InstallFolder}: " +
               $"the package was made where it could not be built); use --kernels managed, or set {TinyLite.Runtime.Native.NativeKernels.LibraryVariable} " +
               $"to a {NativeLibraryFileName} built with native-kernels/build-host.sh";
    }

    /// <summary>The host native library's file name (native-kernels/build-host.sh builds it in .build/native).</summary>
    public const string NativeLibraryFileName = "libtinylite_native.so";
}
