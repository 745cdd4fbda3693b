using System.CommandLine;

namespace TinyLite.Cli;

/// <summary><c>tinylite demo</c>: builds a small model, compiles it, runs it and shows the figures.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var cmd = new Command("demo", "Build, compile and run a small model end to end (needs nothing outside the repository)");
        cmd.SetAction(r => CliError.Guard(() => Demo.Run(Console.Out)));
        return cmd;
    }
}
