using System.Reflection;

namespace TinyLite.Codegen;

/// <summary>The compiler's version and the git commit it was built from (stamped by Microsoft.Build.Tasks.Git).</summary>
public static class CompilerInfo
{
    /// <summary>("0.1.0", "a1b2c3...") or ("0.1.0", "unknown") when built outside git.</summary>
    public static (string Version, string Commit) VersionAndCommit()
    {
        string info = typeof(CompilerInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = info.IndexOf('+');
        return plus < 0 ? (info, "unknown") : (info[..plus], info[(plus + 1)..]);
    }
}
