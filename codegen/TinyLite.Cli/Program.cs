using System.CommandLine;

namespace TinyLite.Cli;

/// <summary>Entry point of the <c>tinylite</c> command (see DESIGN.md §5 for the contract).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("TinyLite: compile quantized TFLite models to flash images and run them bit-exact with TFLM.")
        {
            CompileCommand.Create(),
            QuantizeCommand.Create(),
            RunCommand.Create(),
            InspectCommand.Create(),
            DemoCommand.Create(),
            PackCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
