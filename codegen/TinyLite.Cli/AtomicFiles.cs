namespace TinyLite.Cli;

/// <summary>
/// Writes output files so that a failure leaves nothing half-written: each file goes to a temporary name
/// first and all are renamed into place only when every one was written.
/// </summary>
public sealed class AtomicFiles
{
    private readonly List<(string Temp, string Final)> _pending = new();

    /// <summary>Stages <paramref name="bytes"/> for <paramref name="path"/>.</summary>
    public void Add(string path, byte[] bytes)
    {
        OutputPaths.CheckFile(path);
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir != null) Directory.CreateDirectory(dir);
        string temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temp, bytes);
        _pending.Add((temp, full));
    }

    /// <summary>Stages text (UTF-8) for <paramref name="path"/>.</summary>
    public void Add(string path, string text) => Add(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Moves every staged file into place.</summary>
    public void Commit()
    {
        foreach (var (temp, final) in _pending) File.Move(temp, final, overwrite: true);
        _pending.Clear();
    }

    /// <summary>Deletes staged files that were not committed.</summary>
    public void Abandon()
    {
        foreach (var (temp, _) in _pending)
        {
            try { File.Delete(temp); } catch (IOException) { }
        }
        _pending.Clear();
    }

    /// <summary>Runs <paramref name="stage"/> and commits, or abandons everything if it throws.</summary>
    public static void Write(Action<AtomicFiles> stage)
    {
        var files = new AtomicFiles();
        try
        {
            stage(files);
            files.Commit();
        }
        finally
        {
            files.Abandon();
        }
    }
}
