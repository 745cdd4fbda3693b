namespace TinyLite.Tests.Support;

/// <summary>
/// Base of the test classes that write files: each test (xunit makes one instance per test) gets its own empty
/// temporary folder, deleted with everything in it when the test ends.
/// </summary>
/// <param name="prefix">Start of the folder's name, naming the test class.</param>
public abstract class TempFolderTests(string prefix) : IDisposable
{
    /// <summary>The test's own temporary folder.</summary>
    protected string TempDir { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        Directory.Delete(TempDir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
