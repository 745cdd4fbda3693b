namespace TinyLite.Cli;

/// <summary>Entry point of the <c>tinylite</c> command.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("tinylite: not implemented yet");
        return 2;
    }
}
