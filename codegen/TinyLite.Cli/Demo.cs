namespace TinyLite.Cli;

/// <summary>The demo (filled in once the kernel families land).</summary>
public static class Demo
{
    public static int Run(TextWriter output)
    {
        throw new CliError("demo: not available yet");
    }
}
