using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TinyLite.Tests.Compat;

/// <summary>
/// Compiles small C# snippets with Roslyn into assembly images for the checker's own tests: against
/// nanoFramework's real <c>mscorlib.dll</c>, or against a tiny stand-in corlib named <c>mscorlib</c> that
/// declares what the real one lacks (runtime features for default/static abstract interface members,
/// <c>System.Math</c>), so snippets can reference things that do not exist on the device.
/// </summary>
public static class SnippetCompiler
{
    /// <summary>
    /// Source of the stand-in corlib: the minimum Roslyn needs to compile a library, plus members that
    /// nanoFramework's mscorlib lacks. Built as assembly <c>mscorlib</c>, so the snippet's TypeRefs point at
    /// "mscorlib" exactly as a device build's do.
    /// </summary>
    private const string StandInCorlibSource = """
        namespace System
        {
            public class Object { public Object() { } public virtual string ToString() { return null; } }
            public abstract class ValueType { }
            public abstract class Enum : ValueType { }
            public struct Void { }
            public struct Boolean { }
            public struct Char { }
            public struct SByte { }
            public struct Byte { }
            public struct Int16 { }
            public struct UInt16 { }
            public struct Int32 { }
            public struct UInt32 { }
            public struct Int64 { }
            public struct UInt64 { }
            public struct Single { }
            public struct Double { }
            public struct IntPtr { }
            public struct UIntPtr { }
            public sealed class String { public int Length { get { return 0; } } }
            public abstract class Array { }
            public abstract class Delegate { }
            public abstract class MulticastDelegate : Delegate { }
            public class Attribute { }
            public class Exception { }
            public struct RuntimeTypeHandle { }
            public struct RuntimeFieldHandle { }
            public struct RuntimeMethodHandle { }
            public class Type { }
            public interface IDisposable { void Dispose(); }
            public enum AttributeTargets { All = 32767 }
            public sealed class AttributeUsageAttribute : Attribute
            {
                public AttributeUsageAttribute(AttributeTargets validOn) { }
                public bool AllowMultiple { get; set; }
                public bool Inherited { get; set; }
            }
            public sealed class ParamArrayAttribute : Attribute { }
            // Not in nanoFramework's mscorlib: referencing it must be reported.
            public static class Math
            {
                public static int Abs(int value) { return value < 0 ? -value : value; }
            }
            // In nanoFramework's mscorlib, but without this overload: a signature mismatch must be reported.
            public static class Convert
            {
                public static int ToInt32(string value, int fromBase, bool strict) { return 0; }
            }
        }
        namespace System.Runtime.CompilerServices
        {
            public static class RuntimeFeature
            {
                public const string DefaultImplementationsOfInterfaces = "DefaultImplementationsOfInterfaces";
                public const string VirtualStaticsInInterfaces = "VirtualStaticsInInterfaces";
            }
        }
        """;

    private static readonly Lazy<MetadataReference> s_nanoMscorlib = new(() =>
    {
        string? path = NanoFrameworkPaths.Mscorlib(Checkout.Root(), out List<string> tried);
        if (path == null)
        {
            throw new FileNotFoundException("nanoFramework mscorlib.dll not found; looked in: " + string.Join(", ", tried));
        }

        return MetadataReference.CreateFromFile(path);
    });

    private static readonly Lazy<MetadataReference> s_standInCorlib = new(() =>
        MetadataReference.CreateFromImage(Compile("mscorlib", StandInCorlibSource, Array.Empty<MetadataReference>())));

    /// <summary>
    /// Compiles <paramref name="source"/> as assembly <paramref name="assemblyName"/> against nanoFramework's
    /// mscorlib and the given assembly images; fails on any compile error.
    /// </summary>
    public static byte[] CompileAgainstNanoMscorlib(string source, string assemblyName = "Snippet", params byte[][] references)
    {
        var all = new List<MetadataReference> { s_nanoMscorlib.Value };
        all.AddRange(references.Select(image => MetadataReference.CreateFromImage(image)));
        return Compile(assemblyName, source, all);
    }

    /// <summary>Compiles <paramref name="source"/> against the stand-in corlib; fails on any compile error.</summary>
    public static byte[] CompileAgainstStandInCorlib(string source)
    {
        return Compile("Snippet", source, new[] { s_standInCorlib.Value });
    }

    private static byte[] Compile(string assemblyName, string source, IEnumerable<MetadataReference> references)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true,
                optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        if (!result.Success)
        {
            IEnumerable<Diagnostic> errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("snippet " + assemblyName + " does not compile:\n" + string.Join("\n", errors));
        }

        return image.ToArray();
    }
}
