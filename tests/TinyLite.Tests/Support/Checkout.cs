namespace TinyLite.Tests.Support;

/// <summary>
/// The repository checkout the tests run from (the folder holding <c>TinyLite.sln</c>, found by walking up from the
/// test assembly) and the shared folders beside it.
/// </summary>
public static class Checkout
{
    /// <summary>The folder holding <c>TinyLite.sln</c>; throws when the tests run outside a checkout.</summary>
    public static string Root() =>
        TinyLite.Cli.Boards.FindRepoRoot() ?? throw new InvalidOperationException("TinyLite.sln not found above " + AppContext.BaseDirectory);

    /// <summary>A path below the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);

    /// <summary>
    /// The folder <c>../shared/<paramref name="name"/></c> beside the checkout (golden data, never copied into it), or
    /// null when it or the checkout is absent.
    /// </summary>
    public static string? SharedFolder(string name)
    {
        string? root = TinyLite.Cli.Boards.FindRepoRoot();
        if (root == null) return null;
        string folder = System.IO.Path.Combine(root, "..", "shared", name);
        return Directory.Exists(folder) ? System.IO.Path.GetFullPath(folder) : null;
    }
}
