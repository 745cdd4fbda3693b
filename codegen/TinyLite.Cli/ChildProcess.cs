using System.Diagnostics;

namespace TinyLite.Cli;

/// <summary>Runs a build tool quietly: its output is kept and shown only when it fails.</summary>
public static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>; returns its
    /// output (stdout then stderr).
    /// </summary>
    /// <exception cref="CliError">It could not start or exited with a non-zero status: <paramref name="what"/>
    /// failed, with the last lines of its output.</exception>
    public static string Run(string what, string workingDirectory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args) start.ArgumentList.Add(a);
        // A build started from inside `dotnet test` or another build must not inherit that build's MSBuild state.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliError($"{what}: {file} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CliError($"{what}: {file} could not be started ({e.Message})");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string output = stdout + stderr.Result;
            if (process.ExitCode != 0)
            {
                string tail = string.Join(Environment.NewLine, output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(30));
                throw new CliError($"{what} failed (exit status {process.ExitCode}): {file} {string.Join(' ', args)}{Environment.NewLine}{tail}");
            }
            return output;
        }
    }
}
