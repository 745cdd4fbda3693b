using TinyLite.Codegen;
using TinyLite.Runtime.Image;

namespace TinyLite.Cli;

/// <summary>A user-facing failure: printed as one line on stderr, exit code 1.</summary>
public sealed class CliError(string message) : Exception(message)
{
    /// <summary>Runs a command body; turns every expected failure into one stderr line and exit code 1.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is CliError or CompileException or ImageException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("tinylite: error: " + e.Message);
            return 1;
        }
    }
}
