namespace TinyLite.Cli;

/// <summary>
/// Checks an output path before anything is written, so a folder given for a file (or a file given for a folder)
/// gets one message of ours naming the option's path instead of .NET's exception text.
/// </summary>
public static class OutputPaths
{
    /// <summary>Throws a <see cref="CliError"/> when <paramref name="path"/> is a folder or lies under a file.</summary>
    public static void CheckFile(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CliError($"{path}: is a folder; give the path of the file to write");
        CheckParents(path, Path.GetDirectoryName(full));
    }

    /// <summary>Throws a <see cref="CliError"/> when the folder <paramref name="dir"/> is an existing file (or lies under one).</summary>
    public static void CheckFolder(string dir)
    {
        string full = Path.GetFullPath(dir);
        if (File.Exists(full))
            throw new CliError($"{dir}: is a file; give a folder to write into (it is created when missing)");
        CheckParents(dir, Path.GetDirectoryName(full));
    }

    private static void CheckParents(string given, string? dir)
    {
        for (; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir))
                throw new CliError($"{given}: {dir} is a file, so nothing can be written under it");
    }
}
